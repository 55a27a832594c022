"""Following up clients: one row per client for /clients/ and the practitioner's CSV.

A row carries the last session, adherence this week and since the start, the latest weekly
pain against the baseline (meaningful change marked, by the questionnaire's own rule),
function and the change rating, and an alert when the client answered yes to a red flag
since the practitioner's last visit or reported much worse pain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Max, QuerySet

from acupressure.exports import csvfile
from acupressure.i18n import N_
from acupressure.i18n import gettext as _
from acupressure.program import DoneSession, Program, adherence, next_change, week_of
from acupressure.program.summary import Cell, Summary
from acupressure.records.models import (
    DiaryAccess,
    PracticeSession,
    PractitionerLink,
    ProgramRecord,
    QuestionnaireAnswer,
)
from acupressure.records.practice import display_name, practitioner_name
from acupressure.records.program_store import done_sessions, program_of, summary_of

SAFETY_STOP = "a safety answer"  # the stop reason re-screening writes (views/program.py)
RED_FLAG = N_("Answered yes to a red-flag question; the program is stopped.")
WORSE = N_("Reported much worse pain.")


@dataclass(frozen=True)
class ClientRow:
    link_id: int
    client_id: int
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
    alert_id: str  # RED_FLAG, WORSE, or "" when nothing needs attention
    fresh_until: datetime | None = None  # when time alone changes the row (None: never)

    @property
    def alert(self) -> str:
        """Why the client needs attention, in the reader's language ("" when nothing does)."""
        return _(self.alert_id) if self.alert_id else ""

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
    return _alert_of(program.stop_reason, program.stopped_at, program.rescreen_requested, since)


def _alert_of(
    stop_reason: str, stopped: datetime | None, rescreen: bool, since: datetime | None
) -> str:
    """Why the client needs attention (a message id; "" when nothing does): a red-flag answer
    that stopped the program since the practitioner's last visit, or much worse pain reported."""
    if stop_reason == SAFETY_STOP and stopped is not None and (not since or stopped > since):
        return RED_FLAG
    if rescreen:
        return WORSE
    return ""


def last_visit(link: PractitionerLink) -> datetime | None:
    """When this practitioner last opened the client's page (before the current visit)."""
    row = DiaryAccess.objects.filter(
        owner_id=link.client_id, viewer_id=link.practitioner_id, what=f"/clients/{link.pk}/"
    ).first()
    return row.at if row else None


def client_row(link: PractitionerLink, now: datetime) -> ClientRow:
    """One link's row (the client page), made as the list makes them."""
    return client_rows(PractitionerLink.objects.filter(pk=link.pk), now)[0]


def client_rows(links: QuerySet[PractitionerLink], now: datetime) -> list[ClientRow]:
    """The rows of one practitioner's links, in the same few queries whatever their number:
    the links, the practitioner's name, the programs they prescribed, those programs'
    sessions and answers, each client's last session, the practitioner's last visits."""
    found = list(links)
    if not found:
        return []
    me = found[0].practitioner_id
    clients = links.values("client_id")
    name = practitioner_name(found[0].practitioner)
    newest: dict[int, Program] = {}
    records = (
        ProgramRecord.objects.filter(owner_id__in=clients, prescriber_id=me)
        .select_related("owner")
        .annotate(versions=Count("prescriptions"))
        .order_by("created_at", "id")
    )
    for record in records:  # the newest of each client's last
        newest[record.owner_id] = program_of(record, name, record.versions)
    mine = {"program__prescriber_id": me, "program__owner_id__in": clients}
    sessions = done_sessions(
        PracticeSession.objects.filter(**mine, owner_id=F("program__owner_id"))
    )
    answers: dict[int, list[QuestionnaireAnswer]] = defaultdict(list)
    answer_rows = QuestionnaireAnswer.objects.filter(**mine, owner_id=F("program__owner_id"))
    for answer in answer_rows.only("program_id", "week", "questionnaire", "answers"):
        answers[int(answer.program_id or 0)].append(answer)
    last = dict(
        PracticeSession.objects.filter(owner_id__in=clients)
        .values("owner_id")
        .annotate(last=Max("created_at"))
        .values_list("owner_id", "last")
    )
    visits = _visits(me, clients)
    return [
        _row(
            link,
            newest.get(link.client_id),
            (sessions, answers),
            last.get(link.client_id),
            visits.get(f"/clients/{link.pk}/"),
            now,
        )
        for link in found
    ]


def _row(
    link: PractitionerLink,
    program: Program | None,
    stored: tuple[dict[int, list[DoneSession]], dict[int, list[QuestionnaireAnswer]]],
    last: datetime | None,
    visit: datetime | None,
    now: datetime,
) -> ClientRow:
    week_done = week_due = total_done = total_due = None
    pain_base = pain_now = function = rating = None
    meaningful = False
    if program is not None:
        done = stored[0].get(program.id, [])
        weeks = adherence(program, done, now)
        current = week_of(program.schedule, now)
        this = next((w for w in weeks if w.week == current), None)
        week_done, week_due = (this.done, this.due) if this else (None, None)
        total_done, total_due = sum(w.done for w in weeks), sum(w.due for w in weeks)
        summary = summary_of(program, stored[1].get(program.id, []), done, now, weeks)
        pain = _latest(summary, "pain-week")
        pain_base = _baseline(summary, "pain-week")
        pain_now, meaningful = (pain.value, pain.meaningful) if pain else (None, False)
        acts, change = _latest(summary, "activities"), _latest(summary, "change")
        function = acts.value if acts else None
        rating = change.value if change else None
    return ClientRow(
        link_id=int(link.pk),
        client_id=int(link.client_id),
        name=display_name(link),
        last_session=last,
        week_done=week_done,
        week_due=week_due,
        total_done=total_done,
        total_due=total_due,
        pain_baseline=pain_base,
        pain_now=pain_now,
        pain_meaningful=meaningful,
        function=function,
        change_rating=rating,
        alert_id=_alert(program, visit),
        fresh_until=next_change(program, now) if program is not None else None,
    )


def _visits(me: int, clients: QuerySet[Any]) -> dict[str, datetime]:
    """When the practitioner last opened each client page, by path."""
    return dict(
        DiaryAccess.objects.filter(viewer_id=me, owner_id__in=clients, what__startswith="/clients/")
        .values("what")
        .annotate(last=Max("at"))
        .values_list("what", "last")
    )


CSV_HEADER = [
    "client", "last_session", "week_done", "week_due", "total_done", "total_due",
    "adherence_percent", "pain_baseline", "pain_now", "pain_change",
    "pain_meaningful_change", "function", "change_rating", "alert",
]  # fmt: skip


def csv_rows(rows: Iterable[ClientRow]) -> Iterator[list[csvfile.Cell]]:
    """The rows of the practitioner's CSV (after :data:`CSV_HEADER`; acupressure.exports.csvfile
    writes them: formulas neutralised, whole numbers as integers)."""
    for r in rows:
        yield [
            r.name, r.last_session, r.week_done, r.week_due, r.total_done, r.total_due,
            r.adherence_percent, r.pain_baseline, r.pain_now, r.pain_change,
            r.pain_meaningful, r.function, r.change_rating, r.alert,
        ]  # fmt: skip
