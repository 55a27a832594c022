"""Schedule arithmetic: weeks, time zones, a daylight-saving change; today and adherence."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from acupressure.program import (
    DoneSession,
    Program,
    ProgramError,
    Schedule,
    adherence,
    all_slots,
    design,
    end_of,
    today,
    week_of,
)
from acupressure.program.schedule import parse_time, slots_on
from acupressure.safety import Intake

LONDON = "Europe/London"


def schedule(**kw: object) -> Schedule:
    data: dict[str, object] = {"start": date(2026, 3, 2), "times": [time(8, 0)]}
    data.update(kw)
    return Schedule.model_validate(data)


def program(sched: Schedule, **kw: object) -> Program:
    data: dict[str, object] = {
        "id": 1,
        "owner": "olivia",
        "created_at": datetime(2026, 3, 1, tzinfo=UTC),
        "intake": Intake(areas=["lower-back"], red_flags=[]),
        "points": ["BL23"],
        "extra_points": [],
        "routine_press_seconds": 300,
        "extra_press_seconds": 120,
        "schedule": sched,
    }
    data.update(kw)
    return Program.model_validate(data)


def test_six_weeks_of_one_a_day_is_42_sessions_in_six_weeks() -> None:
    slots = all_slots(schedule())
    assert len(slots) == 42
    assert [sum(1 for s in slots if s.week == w) for w in range(1, 7)] == [7] * 6
    assert slots[0].start == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert slots[-1].local.date() == date(2026, 4, 12)


def test_extra_sessions_count_separately() -> None:
    slots = all_slots(schedule(weeks=2, times=[time(8, 0)], extra_times=[time(11), time(15)]))
    assert len(slots) == 14 * 3
    assert sum(s.kind == "extra" for s in slots) == 28


def test_local_time_kept_across_spring_daylight_saving_change() -> None:
    # UK clocks go forward on Sunday 29 March 2026: 08:00 local is 08:00 UTC before, 07:00 after
    sched = schedule(start=date(2026, 3, 23), weeks=2, timezone=LONDON)
    by_day = {s.local.date(): s for s in all_slots(sched)}
    assert by_day[date(2026, 3, 28)].start == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    assert by_day[date(2026, 3, 29)].start == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    assert all(s.local.hour == 8 for s in by_day.values())
    gaps = {b.start - a.start for a, b in zip(all_slots(sched), all_slots(sched)[1:], strict=False)}
    assert gaps == {timedelta(hours=24), timedelta(hours=23)}


def test_time_skipped_by_daylight_saving_moves_forward() -> None:
    sched = schedule(start=date(2026, 3, 29), weeks=1, times=[time(1, 30)], timezone=LONDON)
    first = slots_on(sched, date(2026, 3, 29))[0]
    assert first.local.replace(tzinfo=None) == datetime(2026, 3, 29, 2, 30)
    assert first.start == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_autumn_change_and_far_time_zone() -> None:
    sched = schedule(start=date(2026, 10, 19), weeks=2, timezone="America/New_York")
    starts = {s.local.date(): s.start for s in all_slots(sched)}
    assert starts[date(2026, 10, 31)] == datetime(2026, 10, 31, 12, 0, tzinfo=UTC)
    assert starts[date(2026, 11, 1)] == datetime(2026, 11, 1, 13, 0, tzinfo=UTC)


def test_week_of_uses_the_local_day() -> None:
    sched = schedule(timezone="Pacific/Auckland")  # UTC+13 in March
    # 2026-03-01 12:00 UTC is already 2 March in Auckland: day 1 of week 1
    assert week_of(sched, datetime(2026, 3, 1, 12, 0, tzinfo=UTC)) == 1
    assert week_of(sched, datetime(2026, 3, 1, 10, 0, tzinfo=UTC)) is None
    assert week_of(sched, datetime(2026, 3, 9, 0, 0, tzinfo=ZoneInfo("Pacific/Auckland"))) == 2
    assert end_of(sched) == datetime(2026, 4, 13, tzinfo=ZoneInfo("Pacific/Auckland"))
    assert week_of(sched, end_of(sched)) is None


def test_bad_schedules_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        schedule(timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="same time"):
        schedule(times=[time(8), time(8)])
    with pytest.raises(ValueError, match="08:00"):
        parse_time("8 am")


def test_design_gives_extra_sessions_for_several_a_day_points() -> None:
    made = design(Intake(areas=["upper-back"], red_flags=[]), date(2026, 3, 2))
    assert made.extra_points == ["KI27", "TE3"]
    assert [t.isoformat() for t in made.schedule.extra_times] == ["11:00:00", "15:00:00"]
    made3 = design(Intake(areas=["upper-back"], red_flags=[]), date(2026, 3, 2), per_day=3)
    assert made3.schedule.extra_times == []  # three routine sessions already reach the target
    low = design(Intake(areas=["lower-back"], red_flags=[]), date(2026, 3, 2))
    assert low.extra_points == [] and low.schedule.extra_times == []


def test_design_refuses_blocked_screening() -> None:
    with pytest.raises(ProgramError, match="screening blocks"):
        design(Intake(areas=["neck"], red_flags=["fever"]), date(2026, 3, 2))
    with pytest.raises(ProgramError, match="2 times"):
        design(
            Intake(areas=["neck"], red_flags=[]),
            date(2026, 3, 2),
            times=[time(8), time(9)],
            per_day=1,
        )


def done(at: datetime, pressed: int = 300, kind: str = "routine") -> DoneSession:
    return DoneSession.model_validate(
        {"started_at": at, "kind": kind, "seconds_pressed": pressed, "completed": True}
    )


def test_today_marks_done_due_missed_and_later() -> None:
    p = program(schedule(times=[time(8), time(13), time(19)]))
    now = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)
    day = today(p, [], now)
    assert [s.state for s in day.slots] == ["missed", "due", "later"]
    day = today(p, [done(datetime(2026, 3, 4, 8, 5, tzinfo=UTC))], now)
    assert [s.state for s in day.slots] == ["done", "due", "later"]
    assert day.week == 1 and day.next_kind == "routine"


def test_adherence_is_done_of_due_and_pressed_of_prescribed_per_week() -> None:
    p = program(schedule())
    now = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # week 2, day 2, after the 08:00 session
    sessions = [
        done(datetime(2026, 3, 2, 8, tzinfo=UTC)),
        done(datetime(2026, 3, 2, 20, tzinfo=UTC), pressed=150),  # a second one that day
        done(datetime(2026, 3, 4, 8, tzinfo=UTC)),
        done(datetime(2026, 3, 10, 8, tzinfo=UTC), pressed=0),  # opened but nothing pressed
    ]
    weeks = adherence(p, sessions, now)
    assert [(w.week, w.done, w.due) for w in weeks] == [(1, 2, 7), (2, 0, 2)]
    assert (weeks[0].seconds_pressed, weeks[0].seconds_prescribed) == (750, 2100)
    assert (weeks[1].seconds_pressed, weeks[1].seconds_prescribed) == (0, 600)


def test_adherence_counts_each_session_and_skip_in_its_own_week_only() -> None:
    p = program(schedule())
    now = datetime(2026, 3, 17, 9, 0, tzinfo=UTC)  # week 3
    sessions = [done(datetime(2026, 3, 2 + d, 8, tzinfo=UTC), pressed=10 + d) for d in range(16)]
    sessions.append(done(datetime(2026, 2, 27, 8, tzinfo=UTC), pressed=999))  # before the start
    skipped = [datetime(2026, 3, 3, 8, tzinfo=UTC), datetime(2026, 3, 12, 8, tzinfo=UTC)]
    skipped.append(datetime(2026, 3, 18, 8, tzinfo=UTC))  # after now: not counted yet
    weeks = adherence(p, sessions, now, skipped)
    assert [w.seconds_pressed for w in weeks] == [sum(range(10, 17)), sum(range(17, 24)), 49]
    assert [w.skipped for w in weeks] == [1, 1, 0]


def test_adherence_stops_counting_when_the_program_stops() -> None:
    p = program(schedule(), stopped_at=datetime(2026, 3, 4, 12, tzinfo=UTC))
    weeks = adherence(p, [], datetime(2026, 4, 30, tzinfo=UTC))
    assert [(w.week, w.due) for w in weeks] == [(1, 3)]
    assert today(p, [], datetime(2026, 3, 5, 9, tzinfo=UTC)).slots == []


def test_sessions_before_the_program_was_made_are_not_due() -> None:
    made_at = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)  # Wednesday afternoon, start Monday
    p = program(schedule(times=[time(8), time(19)]), created_at=made_at)
    day = today(p, [], datetime(2026, 3, 4, 20, 0, tzinfo=UTC))
    assert [s.state for s in day.slots] == ["due"]  # only 19:00; 08:00 came before
    weeks = adherence(p, [], datetime(2026, 3, 4, 20, 0, tzinfo=UTC))
    assert [(w.week, w.due) for w in weeks] == [(1, 1)]


def test_practising_right_after_making_the_program_counts_for_the_earlier_slot() -> None:
    made_at = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # Monday afternoon; the slot is 08:00
    p = program(schedule(), created_at=made_at)
    now = datetime(2026, 3, 2, 16, 30, tzinfo=UTC)
    day = today(p, [], now)
    # made after its time: today's routine is still due (never missed, not counted as due)
    assert [s.state for s in day.slots] == ["due"] and day.next_kind == "routine"
    assert [(w.done, w.due) for w in adherence(p, [], now)] == [(0, 0)]
    practised = [done(datetime(2026, 3, 2, 16, 10, tzinfo=UTC))]
    day = today(p, practised, now)
    assert [s.state for s in day.slots] == ["done"] and day.next_kind is None
    assert [(w.done, w.due) for w in adherence(p, practised, now)] == [(1, 1)]


def test_a_program_made_after_midnight_shows_today_s_earlier_session_as_due() -> None:
    made_at = datetime(2026, 3, 2, 3, 6, tzinfo=UTC)  # Monday 03:06; sessions at 00:00
    p = program(schedule(times=[time(0)], extra_times=[time(11), time(15)]), created_at=made_at)
    day = today(p, [], datetime(2026, 3, 2, 3, 7, tzinfo=UTC))
    shown = [(f"{s.slot.local:%H:%M}", s.slot.kind, s.state) for s in day.slots]
    assert shown == [
        ("00:00", "routine", "due"),
        ("11:00", "extra", "later"),
        ("15:00", "extra", "later"),
    ]
    assert day.next_kind == "routine"
    later = today(p, [], datetime(2026, 3, 2, 16, 0, tzinfo=UTC))
    assert [s.state for s in later.slots] == ["due", "missed", "due"]  # 00:00 is never missed
    tomorrow = today(p, [], datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    assert [s.state for s in tomorrow.slots] == ["due", "later", "later"]


def test_a_session_done_ahead_of_its_time_counts_as_that_days_slot() -> None:
    p = program(schedule(times=[time(8), time(19)]))
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # the 19:00 session is still to come
    practised = [done(datetime(2026, 3, 2, 8, 5, tzinfo=UTC)), done(now)]
    assert [(w.done, w.due) for w in adherence(p, practised, now)] == [(2, 2)]
    three = [*practised, done(now)]
    assert [(w.done, w.due) for w in adherence(p, three, now)] == [(2, 2)]  # at most 2 a day
