"""Test doubles, in one place: clocks that move only when told to, and scripted keys.

Production code keeps only the Protocols (``session.Clock``, ``session.Keys``, the web's
injectable clock); these stand in for them and never sleep.
"""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    """A monotonic clock (seconds) for the session player; moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go back")
        self.now += seconds


class FakeWallClock:
    """The web app's date-and-time clock (``web.clock.use_clock``); moves only when told to."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class ScriptedKeys:
    """``session.Keys`` for tests: presses ``(at, key)`` at fake-clock times; waiting
    advances the clock."""

    def __init__(self, clock: FakeClock, script: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.script = sorted(script)

    def wait(self, timeout: float) -> str | None:
        if self.script and self.script[0][0] <= self.clock.now + timeout:
            at, key = self.script.pop(0)
            self.clock.advance(max(0.0, at - self.clock.now))
            return key
        self.clock.advance(timeout)
        return None
