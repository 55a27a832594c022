"""Argon2id with a bound on how many passwords are hashed at once.

Each Argon2 hash takes about 100 MiB and a fraction of a second; without a bound, a burst of
guesses takes every server thread and memory with it. A hash waits a few seconds for a free
slot and otherwise raises :class:`HashingBusyError` (answered 503 by
:class:`acupressure.web.errors.PlainErrorsMiddleware`). The stored hashes are unchanged: the
algorithm name is still ``argon2``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

T = TypeVar("T")
WAIT_SECONDS = 5.0


class HashingBusyError(RuntimeError):
    """Every hashing slot stayed taken for WAIT_SECONDS."""


_slots: threading.BoundedSemaphore | None = None
_slots_lock = threading.Lock()


def _semaphore() -> threading.BoundedSemaphore:
    global _slots
    with _slots_lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(settings.PASSWORD_HASHES_AT_ONCE)
        return _slots


@contextmanager
def hashing_slot() -> Iterator[None]:
    slots = _semaphore()
    if not slots.acquire(timeout=WAIT_SECONDS):
        raise HashingBusyError("too many passwords are being checked at once")
    try:
        yield
    finally:
        slots.release()


class BoundedArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2id hasher; at most PASSWORD_HASHES_AT_ONCE hashes run at a time."""

    def _bounded(self, work: Callable[..., T], *args: Any) -> T:
        with hashing_slot():
            return work(*args)

    def encode(self, password: str, salt: str) -> str:
        return self._bounded(super().encode, password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        return self._bounded(super().verify, password, encoded)

    def harden_runtime(self, password: str, encoded: str) -> None:
        self._bounded(super().harden_runtime, password, encoded)
