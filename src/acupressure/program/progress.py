"""What is due today, and honest adherence: sessions done of due, seconds pressed of
prescribed, week by week."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from acupressure.program.models import (
    DoneSession,
    Program,
    Slot,
    SlotState,
    Today,
    TodayReport,
    TodaySlot,
    WeekAdherence,
)
from acupressure.program.schedule import (
    local_moment,
    slots_on,
    week_groups,
    week_of,
    week_start,
)


def _day(program: Program, moment: datetime) -> date:
    return moment.astimezone(program.schedule.zone).date()


def _done_per_day(program: Program, sessions: list[DoneSession]) -> Counter[tuple[date, str]]:
    return Counter((_day(program, s.started_at), s.kind) for s in sessions if s.seconds_pressed > 0)


def rescreen_due(program: Program, now: datetime) -> bool:
    """The red-flag questions are asked again at the start of each program week, and after
    much worse pain was reported."""
    if program.status(now) != "active":
        return False
    week = week_of(program.schedule, now)
    return program.rescreen_requested or (week is not None and week > program.screened_week)


def today(program: Program, sessions: list[DoneSession], now: datetime) -> Today:
    """Today's slots, each done, due (its time has come), missed or later.

    A slot whose time came before the program was made is never missed: the last such slot
    of each kind is due (the person may still do today's session) unless a later slot of its
    kind has come too; the others are left out unless a session done today covers them."""
    day = _day(program, now)
    slots = slots_on(program.schedule, day) if program.status(now) == "active" else []
    done = _done_per_day(program, sessions)
    used: Counter[str] = Counter()
    states: list[TodaySlot] = []
    early: dict[str, Slot] = {}
    for slot in slots:
        state: SlotState
        if used[slot.kind] < done[(day, slot.kind)]:
            used[slot.kind] += 1
            state = "done"
        elif slot.start < program.created_at:
            early[slot.kind] = slot  # the last one of its kind wins
            continue
        elif slot.start <= now:
            state = "due"
        else:
            state = "later"
        states.append(TodaySlot(slot=slot, state=state))
    came = {s.slot.kind for s in states if s.state != "later"}
    states += [TodaySlot(slot=s, state="due") for k, s in early.items() if k not in came]
    states.sort(key=lambda s: s.slot.start)
    # a due slot is "missed" once a later slot of the same kind is also due
    for i, item in enumerate(states):
        later_due = any(s.state == "due" and s.slot.kind == item.slot.kind for s in states[i + 1 :])
        if item.state == "due" and later_due:
            states[i] = TodaySlot(slot=item.slot, state="missed")
    pending = [s.slot for s in states if s.state in ("due", "later")]
    return Today(
        program=program.id,
        day=day,
        week=week_of(program.schedule, now),
        slots=states,
        next_kind=pending[0].kind if pending else None,
        rescreen_due=rescreen_due(program, now),
    )


def next_change(program: Program, now: datetime) -> datetime:
    """The next moment :func:`adherence` (and the current week) can change with no new data,
    only because time passed: the start of the next slot (today's or tomorrow's), or the
    midnight that starts the next program week. A new day alone changes nothing: its slots
    count once their time has come (or once a session is done that day, which is a write)."""
    schedule = program.schedule
    day = _day(program, now)
    weeks_in = max(0, (day - schedule.start).days // 7 + 1)
    week = local_moment(schedule, schedule.start + timedelta(days=7 * weeks_in), time(0))
    later = [s.start for d in (day, day + timedelta(days=1)) for s in slots_on(schedule, d)]
    return min([week, *(start for start in later if start > now)])


def _prescribed(program: Program, slot: Slot) -> int:
    return program.routine_press_seconds if slot.kind == "routine" else program.extra_press_seconds


def adherence(
    program: Program,
    sessions: list[DoneSession],
    now: datetime,
    skipped: Sequence[datetime] = (),
) -> list[WeekAdherence]:
    """Per week up to now: sessions done of those due so far, and press seconds.

    Each day and kind of session counts on its own: due are the slots whose time has come
    since the program was made, or more if more sessions were done that day (a session done
    ahead of its time, or right after making the program, fulfils that day's slot); done is
    at most the number due, so extra practice on one day does not hide a missed day. Sessions
    skipped on purpose (``skipped``: their slots' starts) count as not done, and are shown."""
    end = min(program.stopped_at or now, now)
    if _day(program, end) < program.schedule.start:
        return []
    weeks = week_of(program.schedule, end) or program.schedule.weeks
    done = _done_per_day(program, sessions)
    last_day = _day(program, end)
    pressed: Counter[int | None] = Counter()  # each session's week worked out once, not
    for s in sessions:  # once per week (a year's program: 52 x 1,456 = 75,712 look-ups)
        pressed[week_of(program.schedule, s.started_at)] += s.seconds_pressed
    skips = Counter(week_of(program.schedule, t) for t in skipped if t <= end)
    result = []
    for week in range(1, weeks + 1):
        due = done_n = prescribed = 0
        for day, kind, slots in week_groups(program.schedule, week):
            if day > last_day:
                continue
            came = sum(1 for s in slots if program.created_at <= s.start <= end)
            done_then = done[(day, kind)]
            n = max(came, min(done_then, len(slots)))
            due += n
            done_n += min(n, done_then)
            prescribed += n * _prescribed(program, slots[0])
        result.append(
            WeekAdherence(
                week=week,
                start=week_start(program.schedule, week),
                due=due,
                done=done_n,
                seconds_prescribed=prescribed,
                seconds_pressed=pressed[week],
                skipped=skips[week],
            )
        )
    return result


def report(program: Program, sessions: list[DoneSession], now: datetime) -> TodayReport:
    """Today's slots and adherence week by week, together."""
    return TodayReport(
        today=today(program, sessions, now), adherence=adherence(program, sessions, now)
    )
