"""SQLite write transactions take turns (acupressure/records/sqlite/base.py): a turn is held
from BEGIN to the end of the transaction (commit, rollback, a closed connection, a BEGIN that
failed), the threads of a process and the processes on one database file wait for it, and a
thread that waited longer than the database's timeout goes on to SQLite's own lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from acupressure.records.sqlite.base import DatabaseWrapper, queue_for


def _wrapper(path: Path, timeout: float = 5) -> Any:
    options = {"timeout": timeout, "transaction_mode": "IMMEDIATE"}
    settings = {**connections["default"].settings_dict, "NAME": str(path), "OPTIONS": options}
    return DatabaseWrapper(settings, alias=f"queue-{uuid.uuid4().hex}")


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[Path]:
    """A database file of its own (not the tests' database), opened by these tests only."""
    with django_db_blocker.unblock():
        yield _made(tmp_path / "records.sqlite3")


def _made(path: Path) -> Path:
    made = _wrapper(path)
    made.cursor().execute("CREATE TABLE t (x INTEGER)")
    made.close()
    return path


def _begin(wrapper: Any) -> None:
    wrapper.ensure_connection()
    wrapper._start_transaction_under_autocommit()
    wrapper.cursor().execute("INSERT INTO t VALUES (1)")


def test_a_turn_lasts_from_begin_to_the_transactions_end(database: Path) -> None:
    queue = queue_for(str(database.resolve()))
    for end in ("commit", "rollback", "close"):
        wrapper = _wrapper(database)
        _begin(wrapper)
        assert wrapper._turn is queue and queue.threads.locked()
        getattr(wrapper, end)()
        assert wrapper._turn is None and not queue.threads.locked(), end
        wrapper.close()
    rows = _wrapper(database).cursor().execute("SELECT count(*) FROM t").fetchone()
    assert rows == (1,)  # the committed one only


def test_a_failed_begin_gives_the_turn_back(database: Path) -> None:
    queue = queue_for(str(database.resolve()))
    wrapper = _wrapper(database)
    wrapper.ensure_connection()
    wrapper.connection.execute("BEGIN")  # a transaction already open: BEGIN IMMEDIATE fails
    with pytest.raises(Exception, match="within a transaction"):
        wrapper._start_transaction_under_autocommit()
    assert wrapper._turn is None and not queue.threads.locked()
    wrapper.connection.execute("ROLLBACK")
    wrapper.close()


def test_another_thread_waits_for_the_turn_then_goes_on(database: Path) -> None:
    first = _wrapper(database)
    _begin(first)
    began = threading.Event()

    def second() -> None:
        other = _wrapper(database)
        _begin(other)
        began.set()
        other.commit()
        other.close()

    worker = threading.Thread(target=second)
    worker.start()
    assert not began.wait(0.3)  # waiting for its turn while the first holds it
    first.commit()
    worker.join(10)
    assert began.is_set() and not worker.is_alive()
    first.close()


def test_past_the_timeout_a_thread_goes_on_without_its_turn(database: Path) -> None:
    queue = queue_for(str(database.resolve()))
    assert queue.threads.acquire()  # as if another thread had held it for long
    try:
        wrapper = _wrapper(database, timeout=0.05)
        _begin(wrapper)  # SQLite's lock is free: it begins without a turn
        assert wrapper._turn is None
        wrapper.commit()
        wrapper.close()
    finally:
        queue.threads.release()


HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_CREAT | os.O_RDWR, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""


def test_another_process_holding_the_turn_is_waited_for(database: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, f"{database.resolve()}.writers"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout and holder.stdin
        assert holder.stdout.readline().strip() == "held"
        _wait_while_held(database, holder)


def _wait_while_held(database: Path, holder: Any) -> None:
    began = threading.Event()

    def writer() -> None:
        wrapper = _wrapper(database)
        _begin(wrapper)
        began.set()
        wrapper.commit()
        wrapper.close()

    worker = threading.Thread(target=writer)
    worker.start()
    assert not began.wait(0.3)  # the other process has the turn
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(10)
    worker.join(10)
    assert began.is_set()


def test_a_forked_child_starts_with_free_turns(database: Path) -> None:
    """A worker forked while a thread of its parent held the turn (gunicorn forks its
    workers from the process that ran the migrations) does not inherit that held lock."""
    parent = _wrapper(database)
    _begin(parent)  # this thread holds the threads' lock and the flock
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's outcome comes back through the pipe
        took = queue_for(str(database.resolve())).threads.acquire(timeout=2)
        os.write(write, b"took" if took else b"stuck")
        os._exit(0)
    os.close(write)
    try:
        assert os.read(read, 10) == b"took"
    finally:
        os.waitpid(child, 0)
        os.close(read)
        parent.rollback()
        parent.close()
