"""The web app's clock, injectable so tests never sleep or depend on the date."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from django.utils import timezone

_clock: Callable[[], datetime] = timezone.now


def now() -> datetime:
    return _clock()


@contextmanager
def use_clock(clock: Callable[[], datetime]) -> Iterator[None]:
    global _clock
    previous, _clock = _clock, clock
    try:
        yield
    finally:
        _clock = previous
