"""The one store of programs, shared by the CLI and the web (the diary database).

    store = open_program_store()      # the CLI (records/store.py): Django set up, the local user
    store = ProgramStore(owner_id)     # a view: the signed-in person

Every method works on the owner's own programs only; another person's id is "not found".
Rows become :mod:`acupressure.program` models here, so callers never see the ORM.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from datetime import datetime

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.db.models.functions import Coalesce

from acupressure.plan.prescribe import PrescribedPoint
from acupressure.program import Design, DoneSession, Program, Schedule, SlotKind, WeekAdherence
from acupressure.program import press_seconds as plan_press_seconds
from acupressure.program.summary import Summary
from acupressure.records.models import (
    PracticeSession,
    ProgramRecord,
    QuestionnaireAnswer,
)
from acupressure.records.records_version import bump
from acupressure.safety import Intake, localized_advice


def program_of(
    row: ProgramRecord, prescriber: str | None = None, versions: int | None = None
) -> Program:
    """The model of a row; ``prescriber`` and ``versions`` when the caller has them already
    (a list of many programs), else read here."""
    return Program(
        id=row.pk,
        owner=row.owner.get_username(),
        created_at=row.created_at,
        intake=Intake.model_validate_json(_json(row.intake)),
        points=list(row.points),
        extra_points=list(row.extra_points),
        routine_press_seconds=row.routine_press_seconds,
        extra_press_seconds=row.extra_press_seconds,
        schedule=Schedule.model_validate(row.schedule),
        stopped_at=row.stopped_at,
        stop_reason=row.stop_reason,
        advice=localized_advice(list(row.advice)),
        screened_week=row.screened_week,
        rescreen_requested=row.rescreen_requested,
        calendar_token=row.calendar_token,
        prescription=(
            [PrescribedPoint.model_validate(i) for i in row.prescription]
            if row.prescription is not None
            else None
        ),
        prescriber=_prescriber(row) if prescriber is None else prescriber,
        version=(
            0
            if row.prescription is None
            else versions
            if versions is not None
            else row.prescriptions.count()
        ),
    )


def _prescriber(row: ProgramRecord) -> str:
    if row.prescriber_id is None:
        return ""
    from acupressure.records.models import PractitionerProfile

    profile = PractitionerProfile.objects.filter(user_id=row.prescriber_id).first()
    return profile.name if profile else ""


def _json(data: object) -> str:
    import json

    return json.dumps(data)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ProgramStore:
    def __init__(self, owner_id: int) -> None:
        self.owner_id = owner_id

    def _row(self, pk: int) -> ProgramRecord | None:
        return ProgramRecord.objects.filter(pk=pk, owner_id=self.owner_id).first()

    def create(self, design: Design, now: datetime) -> Program:
        from acupressure.program import plan_for_slot

        extra = plan_for_slot(design.intake, "extra", design.extra_points)
        row = ProgramRecord.objects.create(
            owner_id=self.owner_id,
            created_at=now,
            intake=design.intake.model_dump(mode="json"),
            points=design.points,
            extra_points=design.extra_points,
            routine_press_seconds=plan_press_seconds(design.plan),
            extra_press_seconds=plan_press_seconds(extra) if design.extra_points else 0,
            schedule=design.schedule.model_dump(mode="json"),
            calendar_token=new_token(),
        )
        return program_of(row)

    def get(self, pk: int) -> Program | None:
        row = self._row(pk)
        return program_of(row) if row else None

    def all(self, prescribed_by: int | None = None, limit: int | None = None) -> list[Program]:
        """The owner's programs, newest first; only one practitioner's with ``prescribed_by``;
        the newest ``limit`` of them with a limit."""
        rows = ProgramRecord.objects.filter(owner_id=self.owner_id)
        if prescribed_by is not None:
            rows = rows.filter(prescriber_id=prescribed_by)
        return [program_of(r) for r in (rows[:limit] if limit is not None else rows)]

    def current(self, now: datetime) -> Program | None:
        """The newest program that is still running."""
        return next((p for p in self.all() if p.status(now) == "active"), None)

    def stop(self, pk: int, now: datetime, reason: str, advice: list[str] | None = None) -> bool:
        updated = ProgramRecord.objects.filter(
            pk=pk, owner_id=self.owner_id, stopped_at__isnull=True
        ).update(stopped_at=now, stop_reason=reason[:200], advice=advice or [])
        bump([self.owner_id])
        from acupressure.records.reminders.store import cancel_program

        cancel_program(pk)  # a stopped program reminds nothing more
        return updated == 1

    def resume(self, pk: int, reason: str) -> bool:
        """Undo a stop made for `reason` (the person's own stop; never a safety stop)."""
        updated = ProgramRecord.objects.filter(
            pk=pk, owner_id=self.owner_id, stopped_at__isnull=False, stop_reason=reason
        ).update(stopped_at=None, stop_reason="", advice=[])
        bump([self.owner_id])
        if updated:
            from django.conf import settings

            from acupressure.records import clock
            from acupressure.records.reminders.store import schedule_program

            row = ProgramRecord.objects.get(pk=pk)
            schedule_program(row, clock.now(), bool(settings.EMAIL_ENABLED))  # reminders again
        return updated == 1

    def screened(self, pk: int, week: int) -> None:
        ProgramRecord.objects.filter(pk=pk, owner_id=self.owner_id).update(
            screened_week=week, rescreen_requested=False
        )
        bump([self.owner_id])

    def request_rescreen(self, pk: int) -> None:
        ProgramRecord.objects.filter(pk=pk, owner_id=self.owner_id).update(rescreen_requested=True)
        bump([self.owner_id])

    def set_token(self, pk: int, token: str | None) -> None:
        ProgramRecord.objects.filter(pk=pk, owner_id=self.owner_id).update(calendar_token=token)
        bump([self.owner_id])

    def sessions(self, pk: int) -> list[DoneSession]:
        rows = PracticeSession.objects.filter(program_id=pk, owner_id=self.owner_id).order_by()
        fields = ("started_at", "created_at", "slot_kind", "seconds_pressed", "finished_at")
        return [  # plain values: a session's plan (kilobytes of JSON) is never decoded here
            DoneSession(
                started_at=started or created,
                kind="extra" if kind == "extra" else "routine",
                seconds_pressed=pressed,
                completed=finished is not None,
            )
            for started, created, kind, pressed, finished in rows.values_list(*fields)
        ]

    def skipped(self, pk: int) -> list[datetime]:
        """The slots the person skipped from a reminder (acupressure.web.reminders)."""
        from acupressure.records.reminders.models import SkippedSlot

        found = SkippedSlot.objects.filter(program_id=pk, program__owner_id=self.owner_id)
        return list(found.values_list("slot", flat=True))

    def answers(self, pk: int) -> list[QuestionnaireAnswer]:
        return list(QuestionnaireAnswer.objects.filter(program_id=pk, owner_id=self.owner_id))

    def save_answers(
        self, pk: int, week: int, questionnaire: str, answers: dict[str, object], now: datetime
    ) -> None:
        QuestionnaireAnswer.objects.update_or_create(
            owner_id=self.owner_id,
            program_id=pk,
            week=week,
            questionnaire=questionnaire,
            defaults={"answers": answers, "at": now},
        )

    def add_session(
        self,
        pk: int,
        kind: SlotKind,
        started_at: datetime,
        ended_at: datetime | None,
        plan: dict[str, object],
        **fields: object,
    ) -> int:
        row = PracticeSession.objects.create(
            owner_id=self.owner_id,
            program_id=pk,
            slot_kind=kind,
            created_at=started_at,
            started_at=started_at if ended_at is not None else None,  # a web one: on Start
            finished_at=ended_at,
            plan=plan,
            **fields,
        )
        return int(row.pk)


def done_session(row: PracticeSession) -> DoneSession:
    """A stored session as adherence counts it."""
    started = row.started_at or row.created_at
    return _done(started, row.slot_kind, row.seconds_pressed, row.finished_at is not None)


def _done(started: datetime, slot_kind: str, pressed: int, completed: bool) -> DoneSession:
    return DoneSession(
        started_at=started,
        kind="extra" if slot_kind == "extra" else "routine",
        seconds_pressed=pressed,
        completed=completed,
    )


def done_sessions(rows: QuerySet[PracticeSession]) -> dict[int, list[DoneSession]]:
    """These sessions as adherence counts them, by program (as :func:`done_session`, read as
    plain values: no model object per row, the start chosen in SQL)."""
    found: dict[int, list[DoneSession]] = defaultdict(list)
    values = rows.values_list(
        "program_id", "slot_kind", "seconds_pressed", Coalesce("started_at", "created_at"),
        ExpressionWrapper(Q(finished_at__isnull=False), output_field=BooleanField()),
    )  # fmt: skip
    for program, kind, pressed, started, completed in values:
        found[int(program or 0)].append(_done(started, kind, pressed, bool(completed)))
    return found


def program_by_token(token: str) -> Program | None:
    row = ProgramRecord.objects.filter(calendar_token=token).first() if token else None
    return program_of(row) if row else None


def program_summary(store: ProgramStore, program: Program, now: datetime) -> Summary:
    """The weekly summary (questionnaire scores against the baseline, adherence beside, with
    the sessions skipped from a reminder)."""
    from acupressure.program import adherence

    sessions = store.sessions(program.id)
    weeks = adherence(program, sessions, now, store.skipped(program.id))
    return summary_of(program, store.answers(program.id), sessions, now, weeks)


def summary_of(
    program: Program,
    rows: list[QuestionnaireAnswer],
    sessions: list[DoneSession],
    now: datetime,
    weeks: list[WeekAdherence] | None = None,
) -> Summary:
    """The weekly summary from the program's stored answers and sessions (read by the caller,
    so that a list of many programs reads them all at once); ``weeks``: the adherence, when
    the caller has worked it out already."""
    from acupressure.outcomes import questionnaires
    from acupressure.program import adherence
    from acupressure.program.summary import summarise

    answers = {(a.week, a.questionnaire): dict(a.answers) for a in rows}
    known = questionnaires()
    first = ["pain-week", "activities", "change"]
    ids = sorted(
        {q for _w, q in answers},
        key=lambda q: (q not in first, first.index(q) if q in first else 0, q),
    )
    used = [known[q] for q in ids if q in known]
    return summarise(
        used, answers, weeks if weeks is not None else adherence(program, sessions, now)
    )
