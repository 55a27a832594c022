"""The timeline player: where a session is, at any moment, from a monotonic clock.

Drift-free: nothing is accumulated tick by tick. Every position and deadline is computed from
the session start ``t0`` and three totals: time spent paused, plan seconds skipped, and the
speed factor. So the k-th step boundary is due at
``t0 + paused + (end_k - skipped) / speed``, however late or often the player is polled.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from acupressure.plan.models import Step
from acupressure.session.clock import Clock

State = Literal["ready", "running", "paused", "finished", "quit"]
EventKind = Literal["start", "end", "skip", "pause", "resume", "finished", "quit"]


@dataclass(frozen=True)
class Event:
    kind: EventKind
    index: int | None  # the step concerned, if any
    scheduled: float  # monotonic time it was due (for "start"/"end"), else when it happened
    observed: float  # monotonic time the player noticed it


class Player:
    """Plays a list of steps. ``speed`` > 1 plays faster (demos and tests only)."""

    def __init__(self, steps: Sequence[Step], clock: Clock, speed: float = 1.0) -> None:
        if not steps:
            raise ValueError("nothing to play: the timeline is empty")
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.steps = list(steps)
        self.clock = clock
        self.speed = speed
        self.ends = list(accumulate(s.seconds for s in self.steps))
        self.total = float(self.ends[-1])
        self.state: State = "ready"
        self.index = 0
        self.completed: list[int] = []
        self.skipped: list[int] = []
        self._t0 = 0.0
        self._paused_total = 0.0
        self._paused_at = 0.0
        self._skipped_seconds = 0.0
        self._ended_at: float | None = None

    # -- time arithmetic -------------------------------------------------------------
    def _due(self, plan_seconds: float) -> float:
        """Monotonic time at which the plan reaches ``plan_seconds``."""
        return self._t0 + self._paused_total + (plan_seconds - self._skipped_seconds) / self.speed

    def position(self) -> float:
        """Plan seconds done, 0 .. total."""
        if self.state == "ready":
            return 0.0
        if self.state == "finished":
            return self.total
        if self.state == "paused":
            now = self._paused_at
        elif self._ended_at is not None:
            now = self._ended_at
        else:
            now = self.clock()
        pos = (now - self._t0 - self._paused_total) * self.speed + self._skipped_seconds
        return min(max(pos, 0.0), self.total)

    def step_start(self, index: int) -> float:
        return float(self.ends[index - 1]) if index else 0.0

    def remaining(self) -> float:
        """Plan seconds left in the current step."""
        if self.state in ("ready", "finished") or self.index >= len(self.steps):
            return 0.0
        return max(0.0, self.ends[self.index] - self.position())

    def deadline(self) -> float | None:
        """Monotonic time of the next step boundary; None when not running."""
        if self.state != "running":
            return None
        return self._due(self.ends[self.index])

    @property
    def active(self) -> bool:
        return self.state in ("running", "paused")

    # -- controls --------------------------------------------------------------------
    def start(self) -> list[Event]:
        if self.state != "ready":
            raise RuntimeError("already started")
        self._t0 = now = self.clock()
        self.state = "running"
        return [Event("start", 0, now, now)]

    def poll(self) -> list[Event]:
        """Advance to the step the clock says we are in; report the boundaries crossed."""
        if self.state != "running":
            return []
        now = self.clock()
        reached = bisect_right(self.ends, self.position())
        events: list[Event] = []
        while self.index < min(reached, len(self.steps)):
            due = self._due(self.ends[self.index])
            events.append(Event("end", self.index, due, now))
            self.completed.append(self.index)
            self.index += 1
            if self.index < len(self.steps):
                events.append(Event("start", self.index, due, now))
        if self.index >= len(self.steps):
            self.state = "finished"
            self._ended_at = now
            events.append(Event("finished", None, now, now))
        return events

    def pause(self) -> list[Event]:
        events = self.poll()
        if self.state == "running":
            self._paused_at = now = self.clock()
            self.state = "paused"
            events.append(Event("pause", self.index, now, now))
        return events

    def resume(self) -> list[Event]:
        if self.state != "paused":
            return []
        now = self.clock()
        self._paused_total += now - self._paused_at
        self.state = "running"
        return [Event("resume", self.index, now, now), *self.poll()]

    def toggle(self) -> list[Event]:
        return self.resume() if self.state == "paused" else self.pause()

    def skip(self, whole_point: bool = False) -> list[Event]:
        """Skip the rest of the current step (or of the current point's steps)."""
        events = self.poll()
        if self.state != "running":
            return events
        last = self.index
        code = self.steps[last].code
        if whole_point and code is not None:
            while last + 1 < len(self.steps) and self.steps[last + 1].code == code:
                last += 1
        now = self.clock()
        position = self.position()
        for i in range(self.index, last + 1):
            self.skipped.append(i)
            events.append(Event("skip", i, now, now))
        self._skipped_seconds += self.ends[last] - position
        self.index = last + 1
        if self.index < len(self.steps):
            events.append(Event("start", self.index, now, now))
        return events + self.poll()

    def quit(self) -> list[Event]:
        events = self.poll()
        if self.active:
            now = self.clock()
            if self.state == "paused":
                self._paused_total += now - self._paused_at
            self._ended_at = now
            self.state = "quit"
            events.append(Event("quit", self.index, now, now))
        return events

    def current(self) -> Step | None:
        return self.steps[self.index] if self.index < len(self.steps) else None

    def upcoming(self) -> Step | None:
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None
