"""Programs: a screened routine plus a schedule, carried over weeks.

    >>> from datetime import date
    >>> from acupressure.program import design
    >>> from acupressure.safety import Intake
    >>> d = design(Intake(areas=["upper-back"], red_flags=[]), start=date(2026, 3, 2))
    >>> d.schedule.weeks, [t.isoformat() for t in d.schedule.times], d.extra_points
    (6, ['08:00:00'], ['KI27', 'TE3'])

A program is refused (``ProgramError``) when screening blocks the routine or no point fits.
Layers: this package uses plan and safety; the store (the one database) and the exports read
its models; it knows nothing of Django or the terminal.
"""

from __future__ import annotations

from datetime import date, datetime, time

from pydantic import BaseModel, ConfigDict

from acupressure.i18n import gettext as _
from acupressure.i18n import ngettext
from acupressure.plan import Plan, build_plan
from acupressure.plan.prescribe import PrescribedPoint, PrescriptionError, prescribed_plan
from acupressure.program.models import (
    DoneSession,
    Program,
    Schedule,
    Slot,
    SlotKind,
    Today,
    TodayReport,
    WeekAdherence,
)
from acupressure.program.progress import adherence, next_change, rescreen_due, today
from acupressure.program.rescreen import Rescreen, rescreen
from acupressure.program.schedule import (
    DAILY_TARGET,
    all_slots,
    default_times,
    end_of,
    extra_times,
    several_a_day,
    week_of,
)
from acupressure.safety import Intake

__all__ = [
    "DoneSession",
    "Program",
    "ProgramError",
    "Rescreen",
    "Schedule",
    "Slot",
    "SlotKind",
    "Today",
    "TodayReport",
    "WeekAdherence",
    "adherence",
    "all_slots",
    "design",
    "design_prescribed",
    "end_of",
    "next_change",
    "plan_for_slot",
    "press_seconds",
    "report",
    "rescreen",
    "rescreen_due",
    "today",
    "week_of",
]


class ProgramError(ValueError):
    """The intake or schedule cannot make a program; the message says why, in one line."""


class Design(BaseModel):
    """What a new program will be, before it is stored."""

    model_config = ConfigDict(frozen=True)

    intake: Intake
    plan: Plan
    extra_points: list[str]
    schedule: Schedule

    @property
    def points(self) -> list[str]:
        return [p.code for p in self.plan.points]


def report(program: Program, sessions: list[DoneSession], now: datetime) -> TodayReport:
    """Today's slots and adherence week by week, together."""
    return TodayReport(
        today=today(program, sessions, now), adherence=adherence(program, sessions, now)
    )


def press_seconds(plan: Plan) -> int:
    return sum(s.seconds for s in plan.steps if s.kind == "press")


def plan_for_slot(
    intake: Intake,
    kind: SlotKind,
    extra_points: list[str],
    prescription: list[PrescribedPoint] | None = None,
) -> Plan:
    """The routine for a routine slot; only the several-a-day points for an extra slot.
    A prescribed program plays its "at home" points with the practitioner's numbers."""
    if prescription is not None:
        only = frozenset(extra_points) if kind == "extra" else None
        return prescribed_plan(intake, prescription, only)
    if kind == "extra":
        return build_plan(intake.model_copy(update={"minutes": None}), frozenset(extra_points))
    return build_plan(intake)


def design(
    intake: Intake,
    start: date,
    weeks: int = 6,
    times: list[time] | None = None,
    per_day: int | None = None,
    timezone: str = "UTC",
) -> Design:
    """Screen and plan, then lay out the schedule. ``times`` wins over ``per_day``."""
    plan = build_plan(intake)
    if plan.blocked:
        raise ProgramError(
            _("screening blocks a routine: {advice}").format(advice=" ".join(plan.advice))
        )
    if not plan.points:
        raise ProgramError(_("no point fits these answers, so there is nothing to schedule"))
    if times is None:
        times = default_times(per_day or 1)
    elif per_day is not None and per_day != len(times):
        sessions = ngettext("{n} session a day", "{n} sessions a day", per_day)
        given = ngettext("{m} time given", "{m} times given", len(times))
        raise ProgramError(
            _("{sessions} but {times}").format(
                sessions=sessions.format(n=per_day), times=given.format(m=len(times))
            )
        )
    extra = several_a_day(p.code for p in plan.points)
    return Design(
        intake=intake,
        plan=plan,
        extra_points=extra,
        schedule=_schedule(start, weeks, sorted(times), bool(extra), timezone),
    )


def design_prescribed(
    intake: Intake,
    items: list[PrescribedPoint],
    start: date,
    weeks: int = 6,
    times: list[time] | None = None,
    timezone: str = "UTC",
) -> Design:
    """A practitioner's program: the points checked against the safety rules, then the
    schedule as :func:`design` lays it out (extra sessions for several-a-day points)."""
    try:
        plan = prescribed_plan(intake, items)
    except PrescriptionError as exc:
        raise ProgramError(str(exc)) from None
    if plan.blocked:
        raise ProgramError(
            _("screening blocks a routine: {advice}").format(advice=" ".join(plan.advice))
        )
    home = [i.code for i in items if i.where == "home"]
    if not home:
        raise ProgramError(_('mark at least one point "at home": the program schedules those'))
    extra = several_a_day(home)
    times = sorted(times or default_times(1))
    return Design(
        intake=intake,
        plan=plan,
        extra_points=extra,
        schedule=_schedule(start, weeks, times, bool(extra), timezone),
    )


def _schedule(start: date, weeks: int, times: list[time], extra: bool, timezone: str) -> Schedule:
    """The schedule both designs share: extra short sessions up to the daily target when
    a point is pressed several times a day."""
    wanted = max(0, DAILY_TARGET - len(times)) if extra else 0
    try:
        return Schedule(
            start=start,
            weeks=weeks,
            times=times,
            extra_times=extra_times(times, wanted),
            timezone=timezone,
        )
    except ValueError as exc:
        raise ProgramError(_first_error(exc)) from None


def _first_error(exc: ValueError) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"])
        return f"{field}: {str(error['msg']).removeprefix('Value error, ')}"
    return str(exc)
