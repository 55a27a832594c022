"""The clock the player runs on: any callable giving seconds on a monotonic scale.

Tests inject a fake one (tests/doubles.py) and never sleep."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]  # seconds on a monotonic scale


def monotonic() -> float:
    return time.monotonic()
