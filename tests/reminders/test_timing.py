"""When reminders fire: local times across a daylight-saving change, quiet hours, checks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from acupressure.program import Schedule
from acupressure.program.schedule import all_slots
from acupressure.reminders import QuietHours, due_reminders, notice, too_late

MADRID = ZoneInfo("Europe/Madrid")
# Spain moves its clocks forward on Sunday 28 March 2027: six weeks from 15 March cross it.
ACROSS_DST = Schedule(
    start=date(2027, 3, 15), weeks=6, times=[time(8, 30), time(13, 0)], timezone="Europe/Madrid"
)


def test_every_session_is_reminded_at_its_local_time_across_the_change() -> None:
    sessions = [d for d in due_reminders(ACROSS_DST, QuietHours()) if d.kind == "session"]
    assert len(sessions) == 6 * 7 * 2
    local = [d.fire_at.astimezone(MADRID) for d in sessions]
    assert {(t.hour, t.minute) for t in local} == {(8, 30), (13, 0)}
    offsets = {t.utcoffset() for t in local}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # both sides of the change
    assert [d.fire_at for d in sessions] == sorted(d.fire_at for d in sessions)


def test_a_session_inside_the_quiet_hours_is_reminded_when_they_end() -> None:
    late = ACROSS_DST.model_copy(update={"times": [time(9, 0), time(22, 30)]})
    found = [d for d in due_reminders(late, QuietHours()) if d.kind == "session"]
    for due in found:
        at = due.fire_at.astimezone(MADRID).time()
        assert not QuietHours().contains(at)
    moved = [d for d in found if d.slot.astimezone(MADRID).time() == time(22, 30)]
    assert moved, "the 22:30 sessions are reminded"
    for due in moved:
        assert due.fire_at.astimezone(MADRID).time() == time(8, 0)
        assert due.fire_at.astimezone(MADRID).date() == due.slot.astimezone(
            MADRID
        ).date() + timedelta(days=1)


def test_two_sessions_moved_to_the_same_moment_give_one_reminder() -> None:
    both_late = ACROSS_DST.model_copy(update={"times": [time(21, 30), time(23, 0)], "weeks": 1})
    found = [d for d in due_reminders(both_late, QuietHours()) if d.kind == "session"]
    assert len(found) == 7  # one a morning, not two
    assert len({d.fire_at for d in found}) == 7


def test_the_weekly_check_is_reminded_once_a_week_after_each_week() -> None:
    checks = [d for d in due_reminders(ACROSS_DST, QuietHours()) if d.kind == "check"]
    assert [d.week for d in checks] == [1, 2, 3, 4, 5, 6]
    days = [d.fire_at.astimezone(MADRID).date() for d in checks]
    assert days == [ACROSS_DST.start + timedelta(days=7 * w) for w in range(1, 7)]
    assert all(d.fire_at.astimezone(MADRID).time() == time(8, 30) for d in checks)


@given(
    start=st.times(),
    end=st.times(),
    at=st.times(),
)
def test_quiet_hours_contain_what_lies_between_start_and_end(
    start: time, end: time, at: time
) -> None:
    quiet = QuietHours(start, end)
    if start == end:
        assert not quiet.contains(at)
    elif start < end:
        assert quiet.contains(at) == (start <= at < end)
    else:
        assert quiet.contains(at) == (at >= start or at < end)


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    zone=st.sampled_from(
        ["Europe/Madrid", "America/New_York", "Asia/Shanghai", "Australia/Sydney", "UTC"]
    ),
)
def test_no_reminder_ever_fires_inside_quiet_hours(hour: int, minute: int, zone: str) -> None:
    schedule = Schedule(
        start=date(2026, 10, 19), weeks=2, times=[time(hour, minute)], timezone=zone
    )
    for due in due_reminders(schedule, QuietHours()):
        local = due.fire_at.astimezone(ZoneInfo(zone)).time().replace(tzinfo=None)
        assert not QuietHours().contains(local)
    assert len([d for d in due_reminders(schedule, QuietHours()) if d.kind == "session"]) == len(
        all_slots(schedule)
    )


def test_a_reminder_later_than_half_an_hour_is_too_late() -> None:
    moment = datetime(2027, 3, 15, 7, 0, tzinfo=UTC)
    assert not too_late(moment, moment + timedelta(minutes=30))
    assert too_late(moment, moment + timedelta(minutes=31))


def test_the_notice_names_the_routine_and_its_length_and_nothing_else() -> None:
    said = notice("session", ["neck", "shoulders"], 8, "en")
    assert said.title == "Time for your acupressure"
    assert said.body == "Neck and Shoulders routine: about 8 min."
    assert [a.name for a in said.actions] == ["start", "later", "skip"]
    spanish = notice("session", ["neck"], 8, "es")
    assert "8" in spanish.body and spanish.title != said.title
