"""A new program's design: screen and plan (or check a practitioner's prescription), then
lay out the schedule; refused with :class:`ProgramError` saying why."""

from __future__ import annotations

from datetime import date, time

from pydantic import BaseModel, ConfigDict

from acupressure.i18n import gettext as _
from acupressure.i18n import ngettext
from acupressure.plan import Plan, build_plan
from acupressure.plan.prescribe import PrescribedPoint, PrescriptionError, prescribed_plan
from acupressure.program.models import Schedule
from acupressure.program.schedule import DAILY_TARGET, default_times, extra_times, several_a_day
from acupressure.safety import Intake


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
