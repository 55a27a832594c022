"""Django's SQLite backend, with write transactions taking turns in a queue.

SQLite lets one writer in at a time. Every transaction here begins ``IMMEDIATE`` (it takes
the write lock at once), and one that finds the lock taken is left to SQLite's busy handler,
which sleeps and tries again after 1, 2, 5, 10, 15, 20, 25... ms: under many writers at
once, one that keeps losing waits tens of milliseconds while the lock is free most of that
time (the check-in's p99 at 20 clients was 85-97 ms, most of it such sleeps).

So before ``BEGIN IMMEDIATE`` a transaction takes its turn: a lock shared by the threads of
the process, then an exclusive ``flock`` on a file beside the database shared by the
processes (the kernel wakes the next one as soon as it is let go, and lets go of it when
a process dies; on Windows, where one process serves, the threads' lock alone). The turn
ends with the transaction: commit, rollback or a closed connection. Nothing else changes:
statements outside a transaction (autocommit) still meet SQLite's own lock, and a thread
that has waited longer than the database's timeout for its turn goes on without it, to
SQLite's lock as before, so a turn never waits forever: not even for a process stuck in its
turn (the kernel's wait for a ``flock`` has no timeout, so a busy one is waited for by a
thread of its own, :class:`_Waiter`, which lets go at once of a lock granted to nobody).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base

if sys.platform == "win32":  # pragma: no cover - one process there (waitress): threads only
    fcntl = None
else:
    import fcntl

_guard = threading.Lock()
_queues: dict[str, Queue] = {}


class Queue:
    """The writers' turns on one database file, in this process and across processes."""

    def __init__(self, path: str) -> None:
        self.path = path + ".writers"
        self.threads = threading.Lock()
        self.fd: int | None = None  # this process's descriptor, tried without waiting
        self.held: int | None = None  # the descriptor whose flock is the turn held now
        self.waiter: _Waiter | None = None

    def take(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        if not self.threads.acquire(timeout=timeout):
            return False
        if fcntl is None:
            return True
        try:
            if self._flock(deadline):
                return True
        except BaseException:
            self.threads.release()
            raise
        self.threads.release()
        return False

    def _flock(self, deadline: float) -> bool:
        """The processes' lock by ``deadline``: at once when free, else through the waiter."""
        assert fcntl is not None
        if self.fd is None:  # a forked worker starts with new queues (_forked)
            self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass
        else:
            self.held = self.fd
            return True
        if self.waiter is None:
            self.waiter = _Waiter(self.path)
        if self.waiter.claim(deadline - time.monotonic()):
            self.held = self.waiter.fd
            return True
        return False

    def give(self) -> None:
        try:
            held, self.held = self.held, None
            if held is not None and fcntl is not None:
                fcntl.flock(held, fcntl.LOCK_UN)
        finally:
            self.threads.release()


class _Waiter:
    """The kernel's wait for a busy ``flock`` has no timeout, so this process's waits are
    made by a thread of their own, on a descriptor of their own: the thread taking the turn
    waits at most until its deadline while the waiter keeps its place in the kernel's queue;
    the next writer of the process takes that place over, and a lock granted when nobody
    waits any more is let go at once."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        self.changed = threading.Condition()
        self.asked = self.wanted = self.granted = False
        threading.Thread(target=self._serve, name="sqlite-turn", daemon=True).start()

    def _serve(self) -> None:
        assert fcntl is not None
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.asked)
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX)
            except OSError:  # the asking thread goes on at its deadline
                with self.changed:
                    self.asked = False
                continue
            with self.changed:
                self.asked = False
                self.granted = self.wanted
                if not self.wanted:  # let go explicitly: a forked child shares the descriptor
                    fcntl.flock(self.fd, fcntl.LOCK_UN)
                self.changed.notify_all()

    def claim(self, timeout: float) -> bool:
        """The lock, when granted within ``timeout`` seconds (the caller then holds it
        through :attr:`fd` and lets go of it with ``LOCK_UN``)."""
        assert fcntl is not None
        with self.changed:
            self.asked = self.wanted = True
            self.changed.notify_all()
            got = False
            try:
                got = self.changed.wait_for(lambda: self.granted, max(timeout, 0))
            finally:
                self.wanted = False
                if self.granted and not got:  # granted as it gave up (or was interrupted)
                    fcntl.flock(self.fd, fcntl.LOCK_UN)
                self.granted = False
            return got


def queue_for(path: str) -> Queue:
    with _guard:
        return _queues.setdefault(path, Queue(path))


def _forked() -> None:
    """A forked child starts with no queue: a lock a parent's thread held at the fork would
    stay held in the child, and the parent's descriptors and waiter are not the child's."""
    _queues.clear()
    _queue_of.cache_clear()


@lru_cache(maxsize=64)
def _queue_of(name: str, folder: Path | None) -> Queue:
    """The queue of the database file ``name`` (relative to ``folder`` unless absolute), its
    path resolved once: resolving it took a twentieth of a check-in's time."""
    return queue_for(str((folder / name if folder else Path(name)).resolve()))


if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_forked)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn: Queue | None = None

    def _queue(self) -> Queue | None:
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or not name:
            return None
        folder = None if Path(name).is_absolute() else Path.cwd()  # cwd: a system call
        return _queue_of(name, folder)

    def _start_transaction_under_autocommit(self) -> None:
        queue = self._queue()
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        if queue is not None and self._turn is None and queue.take(timeout):
            self._turn = queue
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # not in the stubs
        except BaseException:
            self._end_turn()
            raise

    def _end_turn(self) -> None:
        turn, self._turn = self._turn, None
        if turn is not None:
            turn.give()

    def _commit(self) -> Any:
        try:
            return super()._commit()  # type: ignore[misc]  # not in the stubs
        finally:
            self._end_turn()

    def _rollback(self) -> Any:
        try:
            return super()._rollback()  # type: ignore[misc]  # not in the stubs
        finally:
            self._end_turn()

    def _close(self) -> Any:
        try:
            return super()._close()  # type: ignore[misc]  # not in the stubs
        finally:
            self._end_turn()
