"""The tests of two requests at once (threads), again on a SQLite database file as the
product keeps it: on the tests' in-memory database a second writer fails at once instead of
waiting for its turn (records/sqlite), so there they skip themselves (``writers_wait``).
Django picks its database once, at start-up: they run in a child pytest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.web.server import pytest_child

pytestmark = pytest.mark.slow
HERE = Path(__file__).parent
RACES = ["test_session_progress_race.py", "test_prescribe_race.py"]


def test_the_races_pass_on_a_sqlite_file(tmp_path: Path) -> None:
    env = {**os.environ, "ACUPRESSURE_TEST_SQLITE_FILE": str(tmp_path / "test.sqlite3")}
    for name in ("PYTEST_XDIST_WORKER", "DATABASE_URL"):
        env.pop(name, None)
    result = pytest_child([HERE / m for m in RACES], env, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout[-2000:]
