"""Clocks: the real monotonic clock and a fake one for tests (never slept on)."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]  # seconds on a monotonic scale


def monotonic() -> float:
    return time.monotonic()


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go back")
        self.now += seconds
