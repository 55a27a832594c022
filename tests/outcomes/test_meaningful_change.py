"""Meaningful change (issue 23): at least 2 points, or 1 point that is also 30% of the start;
said in one sentence built from the data, quoting the option label a person chose."""

from __future__ import annotations

import pytest

from acupressure.i18n import LANGUAGES, gettext, use
from acupressure.outcomes import meaningful, questionnaires
from acupressure.outcomes.legend import meaningful_legend, pain_threshold
from acupressure.outcomes.loader import builtin
from acupressure.outcomes.models import MeaningfulChange

RULE = MeaningfulChange(score="pain", points=2, percent=30, percent_min_points=1)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (8, 6, True),  # 2 points
        (10, 9, False),  # 1 point, 10%
        (4, 3, False),  # 1 point, 25%
        (3, 2, True),  # 1 point and 33%: both
        (1.5, 1.0, False),  # 33% but half a point: within measurement error
        (2.5, 1.75, False),  # 30% but under 1 point
        (6, 7, False),  # worse
    ],
)
def test_percent_counts_only_with_at_least_one_point(
    before: float, after: float, expected: bool
) -> None:
    assert meaningful(RULE, before, after) is expected


def test_the_pain_questionnaire_uses_that_rule() -> None:
    rule = questionnaires()["pain-week"].scoring.meaningful_change
    assert rule is not None
    assert (rule.points, rule.percent, rule.percent_min_points) == (2, 30, 1)


def test_the_legend_quotes_the_label_of_the_option_people_choose_in_each_language() -> None:
    for language in LANGUAGES:
        with use(language):
            change = builtin()["change"]
            rule = change.scoring.meaningful_change
            assert rule is not None
            label = next(o.label for o in change.items[0].options if o.value == rule.at_least)
            legend = meaningful_legend()
            assert label in legend, language
            assert "matters to most people" not in legend
    assert meaningful_legend().startswith("the smallest change people usually notice")


def test_one_pain_anchor_wording_everywhere() -> None:
    """The questionnaire's anchors are the words of the diary, the player and the CLI."""
    for language in LANGUAGES:
        with use(language):
            anchors = builtin()["pain-week"].items[0].anchors
            asked = [
                gettext("Pain now, from 0 (no pain) to 10 (worst pain imaginable)"),
                gettext("How bad is the pain now, from 0 (no pain) to 10 (worst pain imaginable)?"),
                gettext(
                    "Please type a whole number from 0 (no pain) to 10 (worst pain imaginable)."
                ),
            ]
            for text in asked:
                assert anchors[0] in text and anchors[10] in text, (language, text)


@pytest.mark.parametrize(("baseline", "band"), [(8, 2.0), (5, 1.5), (3, 1.0), (2, 1.0), (1.5, 1.0)])
def test_the_charts_band_is_the_questionnaires_threshold(baseline: float, band: float) -> None:
    assert pain_threshold(baseline) == pytest.approx(band)
    rule = questionnaires()["pain-week"].scoring.meaningful_change
    assert rule is not None
    assert meaningful(rule, baseline, baseline - band)
    assert not meaningful(rule, baseline, baseline - band + 0.05)
