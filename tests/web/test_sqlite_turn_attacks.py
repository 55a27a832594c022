"""Attacks on the SQLite writers' turn (records/sqlite/base.py): every way a transaction can
end badly inside Django's ``atomic`` (an IntegrityError, any exception, a savepoint rolled
back, the connection closed, the database file's connection gone behind Django's back, a
commit refused) gives the turn back, so a second writer begins at once instead of hanging."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import DatabaseError, IntegrityError, connections, transaction
from django.db.backends.sqlite3 import base as sqlite_base

from acupressure.records.sqlite.base import DatabaseWrapper, queue_for

WAITS = 30.0  # a second writer's timeout: far longer than any test waits for it


class Refused(BaseException):
    """Not an Exception: as a KeyboardInterrupt or a worker's timeout would arrive."""


def _wrapper(path: Path, timeout: float = 5) -> Any:
    options = {"timeout": timeout, "transaction_mode": "IMMEDIATE"}
    settings = {**connections["default"].settings_dict, "NAME": str(path), "OPTIONS": options}
    return DatabaseWrapper(settings, alias=f"attack-{uuid.uuid4().hex}")


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[tuple[Path, str]]:
    """A database file of its own and a connection to it registered under an alias, so
    ``transaction.atomic(using=alias)`` runs Django's own transaction code on it."""
    path = tmp_path / "records.sqlite3"
    with django_db_blocker.unblock():
        wrapper = _wrapper(path)
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x INTEGER UNIQUE)")
            cursor.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            deferred = "REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED"
            cursor.execute(f"CREATE TABLE child (p INTEGER {deferred})")
        connections[wrapper.alias] = wrapper
        try:
            yield path, wrapper.alias
        finally:
            wrapper.close()
            del connections[wrapper.alias]


def _insert(alias: str, value: int) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (%s)", [value])


def _second_writer_begins(path: Path) -> bool:
    """Whether another thread's transaction begins within a few seconds (it would wait
    :data:`WAITS` seconds for a turn still held)."""
    began = threading.Event()

    def write() -> None:
        other = _wrapper(path, timeout=WAITS)
        other.ensure_connection()
        other._start_transaction_under_autocommit()
        began.set()
        other.rollback()
        other.close()

    worker = threading.Thread(target=write, daemon=True)
    worker.start()
    found = began.wait(5)
    worker.join(WAITS + 5)
    return found


def _given_back(path: Path, alias: str) -> None:
    queue = queue_for(str(path.resolve()))
    assert connections[alias]._turn is None
    assert not queue.threads.locked()
    assert _second_writer_begins(path)


def _duplicate(alias: str) -> None:
    _insert(alias, 1)
    _insert(alias, 1)


def _raise_inside(alias: str) -> None:
    _insert(alias, 2)
    raise ValueError("the view failed")


def _refused(alias: str) -> None:
    _insert(alias, 3)
    raise Refused


def _closed(alias: str) -> None:
    _insert(alias, 4)
    connections[alias].close()


def _gone(alias: str) -> None:
    _insert(alias, 5)
    connections[alias].connection.close()  # behind Django's back: its rollback fails
    raise ValueError("and then the view failed")


def _commit_refused(alias: str) -> None:
    with connections[alias].cursor() as cursor:  # Django turns foreign keys on in SQLite
        cursor.execute("INSERT INTO child VALUES (42)")  # no parent 42: refused at COMMIT


ENDINGS: dict[str, tuple[Callable[[str], None], type[BaseException] | None]] = {
    "integrity error": (_duplicate, IntegrityError),
    "exception inside atomic": (_raise_inside, ValueError),
    "BaseException inside atomic": (_refused, Refused),
    "connection closed inside atomic": (_closed, None),
    "connection gone, then an exception": (_gone, ValueError),
    "commit refused": (_commit_refused, IntegrityError),
}


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_transaction_ending_badly_gives_the_turn_back(
    database: tuple[Path, str], ending: str
) -> None:
    path, alias = database
    body, raised = ENDINGS[ending]
    for _ in range(3):  # again and again: no turn is left held by an earlier failure
        try:
            with transaction.atomic(using=alias):
                assert connections[alias]._turn is not None  # it holds the turn inside
                body(alias)
        except (DatabaseError, ValueError, Refused) as error:
            assert raised is not None and isinstance(error, raised), repr(error)
        else:
            assert raised is None, ending
        _given_back(path, alias)
        connections[alias].close()
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM t")
        assert cursor.fetchone() == (0,)  # nothing of any of them was kept
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM child")
        assert cursor.fetchone() == (0,)


def test_a_savepoint_rolled_back_keeps_the_turn_until_the_outer_end(
    database: tuple[Path, str],
) -> None:
    path, alias = database
    queue = queue_for(str(path.resolve()))
    with transaction.atomic(using=alias):
        _insert(alias, 7)
        with pytest.raises(IntegrityError), transaction.atomic(using=alias):
            _insert(alias, 7)
        assert queue.threads.locked()  # still the outer transaction's turn
        _insert(alias, 8)
    _given_back(path, alias)
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT x FROM t ORDER BY x")
        assert cursor.fetchall() == [(7,), (8,)]


def test_a_failed_rollback_of_the_sqlite_module_still_gives_the_turn_back(
    database: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rollback itself raises (a disk error, say): Django closes the connection, and
    the turn goes with it."""
    path, alias = database

    def failing(self: Any) -> None:
        with self.wrap_database_errors:  # as Django's own _rollback raises it
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(ValueError), transaction.atomic(using=alias):
        _insert(alias, 9)
        monkeypatch.setattr(sqlite_base.DatabaseWrapper, "_rollback", failing, raising=False)
        raise ValueError("the view failed")
    monkeypatch.undo()
    _given_back(path, alias)


HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_CREAT | os.O_RDWR, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""


class Holder:
    """Another process holding the turn (its flock) until told to let go."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, f"{path.resolve()}.writers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout and self.process.stdout.readline().strip() == "held"

    def let_go(self) -> None:
        assert self.process.stdin
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        self.process.wait(10)
        self.process.stdin.close()
        assert self.process.stdout
        self.process.stdout.close()


def _writer(path: Path, timeout: float) -> tuple[threading.Thread, threading.Event, list[Any]]:
    """A thread beginning a transaction (and rolling it back); the event: it began; the
    list: whether it held a turn."""
    began, turn = threading.Event(), []

    def write() -> None:
        other = _wrapper(path, timeout=timeout)
        other.ensure_connection()
        other._start_transaction_under_autocommit()  # SQLite's own lock is free here
        turn.append(other._turn is not None)
        began.set()
        other.rollback()
        other.close()

    worker = threading.Thread(target=write, daemon=True)
    worker.start()
    return worker, began, turn


def _lockable_by_another_process(path: Path) -> bool:
    """Whether another process gets the turn within 10 s (blocking, as a writer would)."""
    script = "import fcntl, os, sys; fcntl.flock(os.open(sys.argv[1], os.O_RDWR), fcntl.LOCK_EX)"
    try:
        subprocess.run([sys.executable, "-c", script, f"{path.resolve()}.writers"], timeout=10)
    except subprocess.TimeoutExpired:
        return False
    return True


def test_a_process_stuck_in_its_turn_is_not_waited_for_past_the_timeout(
    database: tuple[Path, str],
) -> None:
    """Found in the issue 26 review: the processes' flock was waited for without a timeout
    (a writer with a 0.5 s timeout began only when the other process let go after 8 s)."""
    path, _ = database
    holder = Holder(path)
    try:
        worker, began, turn = _writer(path, timeout=0.3)
        assert began.wait(5)  # went on to SQLite's lock after its 0.3 s, without a turn
        worker.join(5)
        assert turn == [False]
    finally:
        holder.let_go()
    assert _lockable_by_another_process(path)  # the wait given up let go once granted
    assert _second_writer_begins(path)


def test_a_wait_given_up_is_claimed_by_the_next_writer(database: tuple[Path, str]) -> None:
    path, _ = database
    holder = Holder(path)
    try:
        first, began, turn = _writer(path, timeout=0.2)
        assert began.wait(5) and turn == [False]
        first.join(5)
        second, began, turn = _writer(path, timeout=WAITS)
        assert not began.wait(0.3)  # in line behind the other process
    finally:
        holder.let_go()
    assert began.wait(5) and turn == [True]  # its turn, as soon as the other let go
    second.join(5)
    assert not queue_for(str(path.resolve())).threads.locked()
    assert _lockable_by_another_process(path)
