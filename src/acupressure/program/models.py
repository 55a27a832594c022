"""A program: a screened routine plus a schedule, and what the person did with it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from acupressure.i18n import gettext as _
from acupressure.plan.prescribe import PrescribedPoint
from acupressure.safety import Intake

SlotKind = Literal["routine", "extra"]
SlotState = Literal["done", "due", "missed", "later"]
Status = Literal["active", "stopped", "finished"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# A local clock time, sent as "HH:MM:SS" without an offset (the zone is the schedule's): so
# the JSON Schema says a pattern, not `format: time`, which asks for an RFC 3339 offset.
LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"
LocalTime = Annotated[
    time,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": LOCAL_TIME_PATTERN,
            "description": "a local time of day, HH:MM:SS, in the schedule's time zone",
        }
    ),
]


def is_zone(name: str) -> bool:
    """Whether `name` is a time zone this machine knows (an IANA name such as Europe/Madrid)."""
    try:
        if not name or len(name) > 64:
            return False
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


class Schedule(_Model):
    """When to practise: ``weeks`` from ``start``, one routine session at each of ``times``
    (local clock times in ``timezone``), and short extra sessions at ``extra_times`` for the
    points whose protocol says "several times a day"."""

    start: date
    weeks: Annotated[int, Field(ge=1, le=52)] = 6
    times: Annotated[list[LocalTime], Field(min_length=1, max_length=6)]
    extra_times: Annotated[list[LocalTime], Field(max_length=6)] = []
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if not is_zone(value):
            raise ValueError(
                _("unknown time zone {value!r} (use a name like Europe/London)").format(value=value)
            )
        return value

    @model_validator(mode="after")
    def _distinct(self) -> Schedule:
        every = [*self.times, *self.extra_times]
        if len(set(every)) != len(every):
            raise ValueError(_("two sessions at the same time of day"))
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def per_day(self) -> int:
        return len(self.times)

    @property
    def last_day(self) -> date:
        """The last day of practice: what "from START to LAST_DAY" means everywhere."""
        return self.start + timedelta(days=7 * self.weeks - 1)

    def end(self) -> datetime:
        """Local midnight after the last day (normalised through UTC)."""
        last = self.start + timedelta(days=7 * self.weeks)
        moment = datetime.combine(last, time(0, 0), tzinfo=self.zone)
        return moment.astimezone(UTC).astimezone(self.zone)


class Slot(_Model):
    """One scheduled session."""

    start: datetime  # aware, UTC
    local: datetime  # aware, in the schedule's time zone
    week: int  # 1-based program week
    kind: SlotKind


class DoneSession(_Model):
    """A session practised as part of a program (from the diary)."""

    started_at: datetime
    kind: SlotKind
    seconds_pressed: int  # press steps played to their end
    completed: bool


class WeekAdherence(_Model):
    week: int
    start: date
    due: int  # sessions scheduled up to now in this week
    done: int  # of those, practised (at most the number due each day and kind)
    seconds_prescribed: int  # press seconds of the sessions due
    seconds_pressed: int  # press seconds actually played, in this week's program sessions
    skipped: int = 0  # sessions the person chose to skip from a reminder ("Skip today")


class Program(_Model):
    """A stored program as the CLI and the web see it."""

    id: int
    owner: str
    created_at: datetime
    intake: Intake
    points: list[str]  # the routine's codes, in order
    extra_points: list[str]  # codes practised again in short extra sessions
    routine_press_seconds: int
    extra_press_seconds: int
    schedule: Schedule
    stopped_at: datetime | None = None
    stop_reason: str = ""
    advice: list[str] = []
    screened_week: int = 1  # the last program week whose re-screening was answered
    rescreen_requested: bool = False  # much worse pain reported: ask again before practice
    calendar_token: str | None = None  # None when the feed is revoked
    prescription: list[PrescribedPoint] | None = None  # a practitioner's, or None: planned
    prescriber: str = ""  # the practitioner's name, when prescribed
    version: int = 0  # the prescription's version (1, 2, ...); 0 when not prescribed

    def status(self, now: datetime) -> Status:
        if self.stopped_at is not None:
            return "stopped"
        return "finished" if now >= self.schedule.end() else "active"


class TodaySlot(_Model):
    slot: Slot
    state: SlotState


class Today(_Model):
    program: int
    day: date
    week: int | None  # None before the start or after the end
    slots: list[TodaySlot]
    next_kind: SlotKind | None  # what "start the next session" starts; None when all done
    rescreen_due: bool


class TodayReport(_Model):
    """What `acupressure today --json` prints and `GET /api/programs/{id}/today` returns."""

    today: Today
    adherence: list[WeekAdherence]
