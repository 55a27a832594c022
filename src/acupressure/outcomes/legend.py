"""The one sentence that says what a meaningful change is, built from the built-in
questionnaires' own rules and labels (the pain, activities and change questionnaires), so
the summary page, the progress PDF and the terminal never restate the numbers or quote a
label that differs from the option a person chose."""

from __future__ import annotations

from acupressure.i18n import gettext as _
from acupressure.i18n import number
from acupressure.outcomes.loader import builtin
from acupressure.outcomes.models import MeaningfulChange, Questionnaire


def _rule(q: Questionnaire) -> MeaningfulChange:
    rule = q.scoring.meaningful_change
    if rule is None:
        raise ValueError(f"{q.id}: no meaningful_change")
    return rule


def _n(value: float | None) -> str:
    return number(value or 0)


def pain_threshold(baseline: float) -> float:
    """The smallest drop of 0-10 pain from ``baseline`` that counts, by the weekly pain
    questionnaire's rule: the diary chart and the progress PDF shade the band inside it."""
    threshold = _rule(builtin("en")["pain-week"]).threshold(baseline)
    if threshold is None:
        raise ValueError("pain-week: meaningful_change has no points or percent")
    return threshold


def meaningful_legend() -> str:
    """What the ★ marks, in the current language, e.g. "the smallest change people usually
    notice as worthwhile: pain down at least 2 points, or 1 point and 30% ..."."""
    found = builtin()
    pain, activities, change = found["pain-week"], found["activities"], found["change"]
    rating, threshold = change.items[0], _rule(change).at_least
    label = next(o.label for o in rating.options if o.value == threshold)
    return _(
        "the smallest change people usually notice as worthwhile: pain down at least {points} "
        "points, or {min_points} point and {percent}%; activities up {activity_points} "
        "points; change since the start “{label}” or more"
    ).format(
        points=_n(_rule(pain).points),
        min_points=_n(_rule(pain).percent_min_points),
        percent=_n(_rule(pain).percent),
        activity_points=_n(_rule(activities).points),
        label=label,
    )
