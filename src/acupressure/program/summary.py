"""The weekly summary: each questionnaire's score week by week against the baseline, with
meaningful change marked, and adherence beside it, so a person sees whether practice and
relief move together."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from acupressure.outcomes import Questionnaire, Result, change, score
from acupressure.program.models import WeekAdherence


class Cell(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: float | None
    change: float | None  # against the baseline (week 0)
    meaningful: bool


class Row(BaseModel):
    model_config = ConfigDict(frozen=True)

    week: int  # 0 = baseline
    cells: dict[str, Cell]  # questionnaire id -> its main score
    adherence: WeekAdherence | None


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True)

    columns: list[tuple[str, str]]  # (questionnaire id, short label)
    rows: list[Row]

    def table(self) -> list[tuple[Row, list[Cell | None]]]:
        """Each row with its cells in column order (None where not answered)."""
        return [(row, [row.cells.get(qid) for qid, _ in self.columns]) for row in self.rows]


def main_score(q: Questionnaire) -> str:
    rule = q.scoring.meaningful_change
    return rule.score if rule else q.scoring.scores[0].id


def summarise(
    questionnaires: list[Questionnaire],
    answers: Mapping[tuple[int, str], dict[str, object]],
    weeks: list[WeekAdherence],
) -> Summary:
    """``answers`` maps (week, questionnaire id) to stored answers."""
    results: dict[tuple[int, str], Result] = {}
    for (week, qid), given in answers.items():
        q = next((q for q in questionnaires if q.id == qid), None)
        if q is not None:
            results[(week, qid)] = score(q, given)
    numbers = sorted({w for w, _ in answers} | {w.week for w in weeks})
    by_week = {w.week: w for w in weeks}
    rows = []
    for week in numbers:
        cells = {}
        for q in questionnaires:
            now = results.get((week, q.id))
            if now is None:
                continue
            key = main_score(q)
            found = change(q, results.get((0, q.id)), now) if week else None
            cells[q.id] = Cell(
                value=now.scores.get(key),
                change=found.change if found else None,
                meaningful=bool(found and found.meaningful),
            )
        rows.append(Row(week=week, cells=cells, adherence=by_week.get(week)))
    return Summary(columns=[(q.id, q.short) for q in questionnaires], rows=rows)


def pain_much_worse(before: float | None, after: float | None) -> bool:
    """Pain up by 2 points and by 30% (from a session's before to after, or from the start
    to this week): the safety questions are asked again before the next session."""
    if before is None or after is None:
        return False
    return after - before >= 2 and after - before >= 0.3 * max(before, 1)


def much_worse(now: Mapping[str, Result], baseline: Mapping[str, Result]) -> bool:
    """Did this week's check report much worse pain (re-screen before the next session)?
    The change rating at "much worse" or below, or pain this week up by 2 points and 30%."""
    rating = now.get("change")
    if rating is not None and (rating.scores.get("rating") or 0) <= -2:
        return True
    pain, before = now.get("pain-week"), baseline.get("pain-week")
    if pain is None or before is None:
        return False
    return pain_much_worse(before.scores.get("pain"), pain.scores.get("pain"))
