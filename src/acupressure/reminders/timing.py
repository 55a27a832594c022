"""When reminders fire: each session's time, moved out of the person's quiet hours.

Times are built on the local calendar of the schedule's zone (as the schedule's slots are), so
a reminder for 08:00 stays at 08:00 across a daylight-saving change. A session due inside the
quiet hours is reminded when they end; the weekly check is reminded at the first session time
of the day each week ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from acupressure.program.models import Schedule, SlotKind
from acupressure.program.schedule import all_slots, local_moment

ReminderKind = Literal["session", "check"]
LATE_LIMIT = timedelta(minutes=30)  # a reminder found later than this is dropped, not sent
SNOOZE = timedelta(minutes=15)  # "Later": once, this much later


@dataclass(frozen=True)
class QuietHours:
    """No reminder between ``start`` and ``end`` (local clock; may wrap past midnight)."""

    start: time = time(21, 0)
    end: time = time(8, 0)

    def contains(self, at: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end

    def release(self, local: datetime, schedule: Schedule) -> datetime:
        """The local moment the quiet hours around ``local`` end (``local`` if outside)."""
        if not self.contains(local.timetz().replace(tzinfo=None)):
            return local
        day = local.date()
        if local.time() >= self.end:  # evening part: the quiet hours end tomorrow
            day += timedelta(days=1)
        return local_moment(schedule, day, self.end)


@dataclass(frozen=True)
class Due:
    """One reminder of a program: what it is for (the slot's UTC start) and when it fires."""

    kind: ReminderKind
    slot: datetime  # aware UTC: the session's scheduled start (the check: its day's first time)
    fire_at: datetime  # aware UTC, after the quiet hours
    week: int
    slot_kind: SlotKind = "routine"


def due_reminders(schedule: Schedule, quiet: QuietHours) -> list[Due]:
    """Every reminder of the program, sessions and weekly checks, in firing order."""
    found = [
        Due(
            kind="session",
            slot=slot.start,
            fire_at=quiet.release(slot.local, schedule).astimezone(UTC),
            week=slot.week,
            slot_kind=slot.kind,
        )
        for slot in all_slots(schedule)
    ]
    found = list({d.fire_at: d for d in sorted(found, key=lambda d: d.slot)}.values())
    found += _checks(schedule, quiet)
    return sorted(found, key=lambda d: (d.fire_at, d.kind, d.slot))


def _checks(schedule: Schedule, quiet: QuietHours) -> list[Due]:
    first = min(schedule.times)
    result = []
    for week in range(1, schedule.weeks + 1):
        day: date = schedule.start + timedelta(days=7 * week)  # the day after the week ends
        local = local_moment(schedule, day, first)
        result.append(
            Due(
                kind="check",
                slot=local.astimezone(UTC),
                fire_at=quiet.release(local, schedule).astimezone(UTC),
                week=week,
            )
        )
    return result


def too_late(fire_at: datetime, now: datetime) -> bool:
    """True when a reminder's moment passed more than LATE_LIMIT ago (nothing was running)."""
    return now - fire_at > LATE_LIMIT
