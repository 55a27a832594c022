"""Questionnaires as data: loading, validation, and scoring of every built-in and made-up one."""

from __future__ import annotations

from pathlib import Path

import pytest

from acupressure.outcomes import (
    ENV,
    AnswerError,
    QuestionnaireDataError,
    change,
    parse,
    questionnaires,
    score,
)
from acupressure.outcomes.loader import builtin, from_folder, load_all

CLINIC = Path(__file__).parent / "clinic"


@pytest.fixture
def clinic(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.setenv(ENV, str(CLINIC))
    load_all.cache_clear()
    return dict(questionnaires())


def test_builtins_load_and_are_ours() -> None:
    found = builtin()
    assert set(found) == {"pain-week", "activities", "change"}
    for q in found.values():
        assert "Acupressure project" in q.copyright and not q.licensed


def test_clinic_folder_is_offered_like_the_builtins(clinic: dict[str, object]) -> None:
    assert {"pain-week", "daily-limits", "risk-sort"} <= set(clinic)


def test_pain_week_scoring_and_meaningful_change() -> None:
    q = builtin()["pain-week"]
    base, now = score(q, {"pain": 6}), score(q, {"pain": 4})
    assert base.scores == {"pain": 6.0}
    found = change(q, base, now)
    assert found is not None and found.change == -2.0 and found.meaningful
    assert not change(q, base, score(q, {"pain": 5})).meaningful  # type: ignore[union-attr]
    # 30%: from 3 to 2 is one point but 33%
    assert change(q, score(q, {"pain": 3}), score(q, {"pain": 2})).meaningful  # type: ignore[union-attr]
    with pytest.raises(AnswerError, match="pain: this question needs an answer"):
        score(q, {})
    with pytest.raises(AnswerError, match="11 is not one of"):
        score(q, {"pain": 11})


def test_activities_mean_with_missing_answers() -> None:
    q = builtin()["activities"]
    two = {
        "activity-1": {"name": "sitting at a desk", "rating": 3},
        "activity-2": {"name": "lifting", "rating": "4"},
    }
    result = score(q, two)
    assert result.scores == {"mean": 3.5} and result.missing == ["activity-3"]
    none = score(q, {})
    assert none.scores == {"mean": None} and "3 of 3 answers missing" in none.notes[0]
    later = score(q, {k: {**v, "rating": 6} for k, v in two.items()})  # type: ignore[dict-item]
    assert change(q, result, later).meaningful  # type: ignore[union-attr]  # +2.5
    with pytest.raises(AnswerError, match="rate the activity"):
        score(q, {"activity-1": {"name": "driving", "rating": ""}})


def test_change_rating_much_better_or_more_is_meaningful() -> None:
    q = builtin()["change"]
    assert change(q, None, score(q, {"rating": 2})).meaningful  # type: ignore[union-attr]
    assert not change(q, None, score(q, {"rating": 1})).meaningful  # type: ignore[union-attr]
    with pytest.raises(AnswerError, match="4 is not one of"):
        score(q, {"rating": 4})


def test_made_up_24_item_list_sums_with_missing_prorated(clinic: dict[str, object]) -> None:
    q = questionnaires()["daily-limits"]
    all_yes = {f"s{i}": "yes" for i in range(1, 25)}
    assert score(q, all_yes).scores == {"total": 24.0}
    ten = {f"s{i}": ("yes" if i <= 10 else "no") for i in range(1, 25)}
    assert score(q, ten).scores == {"total": 10.0}
    # two missing (allowed): 10 yes of 22 answered -> 10 * 24 / 22
    missing_two = {k: v for k, v in ten.items() if k not in ("s23", "s24")}
    assert score(q, missing_two).scores == {"total": round(10 * 24 / 22, 2)}
    missing_three = {k: v for k, v in missing_two.items() if k != "s22"}
    assert score(q, missing_three).scores == {"total": None}
    # meaningful: 5 points, or 30% of the baseline
    base = score(q, ten)
    five_fewer = score(q, {f"s{i}": ("yes" if i <= 5 else "no") for i in range(1, 25)})
    assert change(q, base, five_fewer).meaningful  # type: ignore[union-attr]
    three_fewer = score(q, {f"s{i}": ("yes" if i <= 7 else "no") for i in range(1, 25)})
    assert change(q, base, three_fewer).meaningful  # type: ignore[union-attr]  # 30%
    small = score(q, {f"s{i}": ("yes" if i <= 20 else "no") for i in range(1, 25)})
    one_less = score(q, {f"s{i}": ("yes" if i <= 19 else "no") for i in range(1, 25)})
    assert not change(q, small, one_less).meaningful  # type: ignore[union-attr]


def risk(yes: set[int], r9: int) -> dict[str, object]:
    answers: dict[str, object] = {f"r{i}": ("yes" if i in yes else "no") for i in range(1, 9)}
    answers["r9"] = r9
    return answers


@pytest.mark.parametrize(
    ("yes", "r9", "total", "mood", "group"),
    [
        (set(), 0, 0, 0, "low"),
        ({1, 2, 5}, 0, 3, 1, "low"),
        ({1, 2, 3, 4}, 0, 4, 0, "medium"),
        ({1, 5, 6, 7}, 0, 4, 3, "medium"),
        ({5, 6, 7}, 1, 4, 4, "high"),
        ({1, 2, 3, 4, 5, 6, 7, 8}, 1, 9, 5, "high"),
    ],
)
def test_made_up_risk_sorter_total_subscale_and_group(
    clinic: dict[str, object], yes: set[int], r9: int, total: int, mood: int, group: str
) -> None:
    result = score(questionnaires()["risk-sort"], risk(yes, r9))
    assert result.scores == {"total": total, "mood": mood}
    assert result.group == group


def test_risk_sorter_with_a_missing_answer_has_no_group(clinic: dict[str, object]) -> None:
    answers = risk({5, 6, 7}, 1)
    del answers["r9"]
    result = score(questionnaires()["risk-sort"], answers)
    assert result.scores == {"total": None, "mood": None} and result.group is None


def test_unknown_items_and_bad_answers_are_refused() -> None:
    q = builtin()["pain-week"]
    with pytest.raises(AnswerError, match="unknown item"):
        score(q, {"pain": 3, "mood": 2})
    with pytest.raises(AnswerError, match="not a whole number"):
        score(q, {"pain": "three"})


def test_bad_files_fail_with_name_and_field(tmp_path: Path) -> None:
    good = (CLINIC / "risk-sort.yaml").read_text()
    with pytest.raises(
        QuestionnaireDataError, match=r"x.yaml: .*score total: unknown item\(s\) r99"
    ):
        parse(good.replace("items: [r1, r2, r3,", "items: [r1, r2, r99,"), "x.yaml")
    with pytest.raises(QuestionnaireDataError, match="terms: Field required"):
        parse(good.replace("terms: For tests only.\n", ""), "x.yaml")
    with pytest.raises(QuestionnaireDataError, match="unknown score"):
        parse(good.replace("score: mood, min", "score: moods, min"), "x.yaml")
    with pytest.raises(QuestionnaireDataError, match="Extra inputs"):
        parse(good.replace("short: Risk", "short: Risk\ncolour: red"), "x.yaml")
    with pytest.raises(QuestionnaireDataError, match="is not a folder"):
        from_folder(tmp_path / "missing")
    (tmp_path / "pain-week.yaml").write_text(
        (
            CLINIC.parent.parent.parent
            / "src/acupressure/outcomes/data/questionnaires/pain-week.yaml"
        ).read_text()
    )
    with pytest.raises(QuestionnaireDataError, match="clashes with a built-in"):
        load_all(str(tmp_path))
