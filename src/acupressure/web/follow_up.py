"""Following up clients: one row per client for /clients/ and the practitioner's CSV.

A row carries the last session, adherence this week and since the start, the latest weekly
pain against the baseline (meaningful change marked, by the questionnaire's own rule),
function and the change rating, and an alert when the client answered yes to a red flag
since the practitioner's last visit or reported much worse pain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from acupressure.exports import csvfile
from acupressure.i18n import gettext as _
from acupressure.program import Program, adherence, week_of
from acupressure.program.summary import Cell, Summary
from acupressure.web.models import DiaryAccess, PracticeSession, PractitionerLink
from acupressure.web.practice import display_name
from acupressure.web.program_store import ProgramStore, program_summary

SAFETY_STOP = "a safety answer"  # the stop reason re-screening writes (views/program.py)


@dataclass(frozen=True)
class ClientRow:
    link_id: int
    name: str
    last_session: datetime | None
    week_done: int | None
    week_due: int | None
    total_done: int | None
    total_due: int | None
    pain_baseline: float | None
    pain_now: float | None
    pain_meaningful: bool
    function: float | None
    change_rating: float | None
    alert: str  # "" when nothing needs attention

    @property
    def adherence_percent(self) -> int | None:
        if not self.total_due:
            return None
        return round(100 * (self.total_done or 0) / self.total_due)

    @property
    def pain_change(self) -> float | None:
        if self.pain_now is None or self.pain_baseline is None:
            return None
        return round(self.pain_now - self.pain_baseline, 1)


def _latest(summary: Summary, qid: str) -> Cell | None:
    cells = [r.cells[qid] for r in summary.rows if r.week > 0 and qid in r.cells]
    return cells[-1] if cells else None


def _baseline(summary: Summary, qid: str) -> float | None:
    row = next((r for r in summary.rows if r.week == 0), None)
    cell = row.cells.get(qid) if row else None
    return cell.value if cell else None


def _alert(program: Program | None, since: datetime | None) -> str:
    if program is None:
        return ""
    stopped = program.stopped_at
    if (
        program.stop_reason == SAFETY_STOP
        and stopped is not None
        and (not since or stopped > since)
    ):
        return _("Answered yes to a red-flag question; the program is stopped.")
    if program.rescreen_requested:
        return _("Reported much worse pain.")
    return ""


def last_visit(link: PractitionerLink) -> datetime | None:
    """When this practitioner last opened the client's page (before the current visit)."""
    row = DiaryAccess.objects.filter(
        owner_id=link.client_id, viewer_id=link.practitioner_id, what=f"/clients/{link.pk}/"
    ).first()
    return row.at if row else None


def client_row(link: PractitionerLink, now: datetime) -> ClientRow:
    store = ProgramStore(link.client_id)
    programs = store.all()
    program = programs[0] if programs else None
    last = PracticeSession.objects.filter(owner_id=link.client_id).first()
    week_done = week_due = total_done = total_due = None
    pain_base = pain_now = function = rating = None
    meaningful = False
    if program is not None:
        weeks = adherence(program, store.sessions(program.id), now)
        current = week_of(program.schedule, now)
        this = next((w for w in weeks if w.week == current), None)
        week_done, week_due = (this.done, this.due) if this else (None, None)
        total_done, total_due = sum(w.done for w in weeks), sum(w.due for w in weeks)
        summary = program_summary(store, program, now)
        pain = _latest(summary, "pain-week")
        pain_base = _baseline(summary, "pain-week")
        pain_now, meaningful = (pain.value, pain.meaningful) if pain else (None, False)
        acts, change = _latest(summary, "activities"), _latest(summary, "change")
        function = acts.value if acts else None
        rating = change.value if change else None
    return ClientRow(
        link_id=int(link.pk),
        name=display_name(link),
        last_session=last.created_at if last else None,
        week_done=week_done,
        week_due=week_due,
        total_done=total_done,
        total_due=total_due,
        pain_baseline=pain_base,
        pain_now=pain_now,
        pain_meaningful=meaningful,
        function=function,
        change_rating=rating,
        alert=_alert(program, last_visit(link)),
    )


SORTS: dict[str, Callable[[ClientRow], tuple[Any, ...]]] = {
    "name": lambda r: (r.name.lower(),),
    "last": lambda r: (
        r.last_session is None,
        -(r.last_session.timestamp() if r.last_session else 0),
    ),
    "adherence": lambda r: (r.adherence_percent is None, r.adherence_percent or 0),
    "pain": lambda r: (r.pain_change is None, -(r.pain_change or 0)),
}


def sorted_rows(rows: list[ClientRow], sort: str) -> list[ClientRow]:
    """Alerts first, then by the chosen column (name, last, adherence, pain)."""
    key = SORTS.get(sort, SORTS["name"])
    return sorted(rows, key=lambda r: (not r.alert, *key(r)))


CSV_HEADER = [
    "client", "last_session", "week_done", "week_due", "total_done", "total_due",
    "adherence_percent", "pain_baseline", "pain_now", "pain_change",
    "pain_meaningful_change", "function", "change_rating", "alert",
]  # fmt: skip


def csv_rows(rows: list[ClientRow]) -> Iterator[list[csvfile.Cell]]:
    """The rows of the practitioner's CSV (after :data:`CSV_HEADER`; acupressure.exports.csvfile
    writes them: formulas neutralised, whole numbers as integers)."""
    for r in rows:
        yield [
            r.name, r.last_session, r.week_done, r.week_due, r.total_done, r.total_due,
            r.adherence_percent, r.pain_baseline, r.pain_now, r.pain_change,
            r.pain_meaningful, r.function, r.change_rating, r.alert,
        ]  # fmt: skip
