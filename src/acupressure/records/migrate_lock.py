"""Apply the migrations under a lock, so two servers started at once do not race.

SQLite: an exclusive lock on a file next to the database (released when the process ends,
even if it dies). PostgreSQL: a session-level advisory lock, held while migrating.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

ADVISORY_KEY = 0x61637570  # "acup": one lock id for this app's migrations


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":  # pragma: no cover
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def _advisory_lock() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_KEY])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])


@contextmanager
def migration_lock() -> Iterator[None]:
    if connection.vendor == "postgresql":
        with _advisory_lock():
            yield
    else:
        with _file_lock(Path(settings.DATA_DIR) / "migrate.lock"):
            yield


def migrate() -> None:
    """Apply every migration, one server at a time."""
    with migration_lock():
        call_command("migrate", interactive=False, verbosity=0)
