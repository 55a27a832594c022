"""Schedule arithmetic: every slot of a program, its week, and what is due when.

All comparisons are on aware datetimes. Slots are built on the local calendar of the
schedule's time zone, so 08:00 stays 08:00 across a daylight-saving change; a local time that
does not exist that day (the hour skipped in spring) moves forward by the gap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from acupressure import atlas, i18n
from acupressure.i18n import gettext as _
from acupressure.program.models import Schedule, Slot, SlotKind

# Default clock times for n routine sessions a day, and candidates for extra sessions.
DEFAULT_TIMES = {
    1: ["08:00"],
    2: ["08:00", "19:00"],
    3: ["08:00", "13:00", "19:00"],
    4: ["08:00", "12:00", "16:00", "20:00"],
}
EXTRA_CANDIDATES = ["11:00", "15:00", "18:00", "21:00"]
SEVERAL_A_DAY = re.compile(r"\btimes a day\b", re.IGNORECASE)
DAILY_TARGET = 3  # "several" / "3 to 5 times a day": at least three sessions with the point


def several_a_day(codes: Iterable[str]) -> list[str]:
    """The codes whose protocol asks for several presses a day (KI27, TE3, BL10)."""
    with i18n.use("en"):  # the protocol as written: the same schedule in every language
        return [c for c in codes if SEVERAL_A_DAY.search(atlas.get(c).technique.frequency)]


def parse_time(text: str) -> time:
    """'08:00' or '8:00' -> time; ValueError with the text otherwise."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise ValueError(_("{text!r} is not a time like 08:00").format(text=text))
    return time(int(match[1]), int(match[2]))


def default_times(per_day: int) -> list[time]:
    if per_day not in DEFAULT_TIMES:
        raise ValueError(_("sessions per day must be 1 to 4, not {n}").format(n=per_day))
    return [parse_time(t) for t in DEFAULT_TIMES[per_day]]


def extra_times(times: list[time], wanted: int) -> list[time]:
    """Up to ``wanted`` extra-session times, each at least 90 minutes from the others."""
    chosen: list[time] = []
    for text in EXTRA_CANDIDATES:
        t = parse_time(text)
        if len(chosen) < wanted and all(_apart(t, u) for u in [*times, *chosen]):
            chosen.append(t)
    return chosen


def _apart(a: time, b: time) -> bool:
    minutes = abs((a.hour * 60 + a.minute) - (b.hour * 60 + b.minute))
    return minutes >= 90


def local_moment(schedule: Schedule, day: date, at: time) -> datetime:
    """The aware local datetime for a clock time on a day, normalised through UTC."""
    naive = datetime.combine(day, at, tzinfo=schedule.zone)
    return naive.astimezone(UTC).astimezone(schedule.zone)


def end_of(schedule: Schedule) -> datetime:
    """Midnight after the last day, local time."""
    return schedule.end()


def week_of(schedule: Schedule, moment: datetime) -> int | None:
    """1-based program week of a moment, None before the start or after the end."""
    day = moment.astimezone(schedule.zone).date()
    offset = (day - schedule.start).days
    if offset < 0 or offset >= 7 * schedule.weeks:
        return None
    return offset // 7 + 1


def week_start(schedule: Schedule, week: int) -> date:
    return schedule.start + timedelta(days=7 * (week - 1))


def slots_on(schedule: Schedule, day: date) -> list[Slot]:
    offset = (day - schedule.start).days
    if offset < 0 or offset >= 7 * schedule.weeks:
        return []
    week = offset // 7 + 1
    found: list[tuple[time, SlotKind]] = [(t, "routine") for t in schedule.times]
    found += [(t, "extra") for t in schedule.extra_times]
    result = []
    for at, kind in sorted(found):
        local = local_moment(schedule, day, at)
        result.append(Slot(start=local.astimezone(UTC), local=local, week=week, kind=kind))
    return result


def all_slots(schedule: Schedule) -> list[Slot]:
    days = (schedule.start + timedelta(days=i) for i in range(7 * schedule.weeks))
    return [slot for day in days for slot in slots_on(schedule, day)]


def week_groups(
    schedule: Schedule, week: int
) -> tuple[tuple[date, SlotKind, tuple[Slot, ...]], ...]:
    """The week's slots by local day and kind, in order (worked out once per schedule and
    week in this process: a clinic's list works out adherence for many programs on the same
    days and times)."""
    return _week_groups(*_key(schedule), week)


def _key(schedule: Schedule) -> tuple[date, int, tuple[time, ...], tuple[time, ...], str]:
    times, extra = tuple(schedule.times), tuple(schedule.extra_times)
    return schedule.start, schedule.weeks, times, extra, schedule.timezone


@lru_cache(maxsize=4096)
def _week_groups(
    start: date,
    weeks: int,
    times: tuple[time, ...],
    extra_times: tuple[time, ...],
    timezone: str,
    week: int,
) -> tuple[tuple[date, SlotKind, tuple[Slot, ...]], ...]:
    groups: dict[tuple[date, SlotKind], list[Slot]] = {}
    for slot in _week_slots(start, weeks, times, extra_times, timezone, week):
        groups.setdefault((slot.local.date(), slot.kind), []).append(slot)
    return tuple((day, kind, tuple(slots)) for (day, kind), slots in groups.items())


@lru_cache(maxsize=4096)
def _week_slots(
    start: date,
    weeks: int,
    times: tuple[time, ...],
    extra_times: tuple[time, ...],
    timezone: str,
    week: int,
) -> tuple[Slot, ...]:
    schedule = Schedule.model_construct(
        start=start, weeks=weeks, times=list(times), extra_times=list(extra_times),
        timezone=timezone,
    )  # fmt: skip
    first = week_start(schedule, week)
    return tuple(s for i in range(7) for s in slots_on(schedule, first + timedelta(days=i)))
