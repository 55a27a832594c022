"""The player and loop on a fake clock: schedules stay exact through pause, skip and quit."""

from datetime import UTC, datetime

import pytest
from tests.doubles import FakeClock, ScriptedKeys

from acupressure.plan import build_plan
from acupressure.plan.models import Step
from acupressure.safety import Intake
from acupressure.session import (
    Event,
    JsonlStore,
    Player,
    make_record,
    run,
)

T0 = 1000.0


def steps(*seconds: int, codes: tuple[str | None, ...] = ()) -> list[Step]:
    out, start = [], 0
    for i, sec in enumerate(seconds):
        code = codes[i] if codes else None
        out.append(Step(kind="press", code=code, side=None, seconds=sec, start=start, cue=f"s{i}"))
        start += sec
    return out


def starts(events: list[Event]) -> dict[int, float]:
    return {e.index: e.observed for e in events if e.kind == "start" and e.index is not None}


def play(player: Player, clock: FakeClock, script: list[tuple[float, str]]) -> list[Event]:
    seen: list[Event] = []
    run(player, ScriptedKeys(clock, script), on_event=seen.append)
    return seen


def test_uninterrupted_boundaries_are_observed_exactly_on_schedule() -> None:
    clock = FakeClock(T0)
    events = play(Player(steps(5, 3, 2), clock), clock, [])
    assert starts(events) == {0: T0, 1: T0 + 5, 2: T0 + 8}
    assert all(e.observed == e.scheduled for e in events if e.kind in ("start", "end"))
    assert events[-1].kind == "finished" and clock.now == T0 + 10


def test_pause_shifts_the_rest_of_the_schedule_by_exactly_the_pause() -> None:
    clock = FakeClock(T0)
    player = Player(steps(5, 3, 2), clock)
    events = play(player, clock, [(T0 + 2, "p"), (T0 + 9.5, " ")])  # paused 7.5 s
    assert starts(events) == {0: T0, 1: T0 + 12.5, 2: T0 + 15.5}
    assert player.state == "finished" and player.completed == [0, 1, 2]
    assert [e.kind for e in events if e.kind in ("pause", "resume")] == ["pause", "resume"]


def test_position_freezes_while_paused() -> None:
    clock = FakeClock(T0)
    player = Player(steps(10), clock)
    player.start()
    clock.advance(4)
    player.pause()
    clock.advance(100)
    assert player.position() == 4 and player.remaining() == 6 and player.deadline() is None
    player.resume()
    assert player.deadline() == T0 + 110


def test_skip_starts_the_next_step_now_and_keeps_later_durations() -> None:
    clock = FakeClock(T0)
    player = Player(steps(5, 3, 2), clock)
    events = play(player, clock, [(T0 + 1, "s")])
    assert starts(events) == {0: T0, 1: T0 + 1, 2: T0 + 4}
    assert player.skipped == [0] and player.completed == [1, 2]
    assert clock.now == T0 + 6


def test_skip_point_skips_every_step_of_the_current_point() -> None:
    clock = FakeClock(T0)
    player = Player(steps(4, 4, 4, 2, codes=("A", "A", "A", "B")), clock)
    events = play(player, clock, [(T0 + 1, "n")])
    assert player.skipped == [0, 1, 2] and starts(events)[3] == T0 + 1
    assert clock.now == T0 + 3


def test_quit_keeps_what_was_done() -> None:
    clock = FakeClock(T0)
    player = Player(steps(5, 3, 2), clock)
    events = play(player, clock, [(T0 + 6, "q")])
    assert player.state == "quit" and player.completed == [0] and player.index == 1
    assert events[-1].kind == "quit" and clock.now == T0 + 6
    assert player.position() == 6


def test_pause_skip_and_resume_combined_stay_exact() -> None:
    clock = FakeClock(T0)
    player = Player(steps(10, 10, 10), clock)
    script = [(T0 + 3, "p"), (T0 + 8, "p"), (T0 + 9, "s"), (T0 + 12, "p"), (T0 + 20, "p")]
    events = play(player, clock, script)
    # step 0: 3 s, pause 5 s, 1 s more, skipped at T0+9; step 1 runs 3 s, pause 8 s, 7 s more
    assert starts(events) == {0: T0, 1: T0 + 9, 2: T0 + 27}
    assert clock.now == T0 + 37


def test_speed_plays_the_same_schedule_faster() -> None:
    clock = FakeClock(T0)
    events = play(Player(steps(10, 20), clock, speed=10), clock, [])
    assert starts(events) == {0: T0, 1: T0 + 1}
    assert clock.now == T0 + 3


def test_late_polls_do_not_move_later_deadlines() -> None:
    clock = FakeClock(T0)
    player = Player(steps(1, 1, 1, 1), clock)
    player.start()
    clock.advance(2.7)  # the loop was held up for almost three steps
    events = player.poll()
    assert [e.scheduled for e in events if e.kind == "start"] == [T0 + 1, T0 + 2]
    assert player.deadline() == T0 + 3


def test_empty_timeline_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        Player([], FakeClock())


def test_record_and_jsonl_store_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plan = build_plan(Intake(red_flags=[], areas=["neck"], minutes=3))
    clock = FakeClock(T0)
    player = Player(plan.steps, clock)
    play(player, clock, [(T0 + 20, "q")])
    started = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    ended = datetime(2026, 1, 1, 9, 1, tzinfo=UTC)
    record = make_record(plan, player, started, ended, pain_before=6, pain_after=4)
    assert not record.completed and record.steps_completed == len(player.completed) > 0
    assert record.plan.points == [p.code for p in plan.points]
    store = JsonlStore(tmp_path / "s.jsonl")
    store.save(record)
    store.save(record)
    assert store.load() == [record, record]
