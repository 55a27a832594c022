"""The tests of two requests at once (threads), again on a SQLite database file as the
product keeps it: on the tests' in-memory database a second writer fails at once instead of
waiting for its turn (records/sqlite), so there they skip themselves (``writers_wait``).
Django picks its database once, at start-up: they run in a child pytest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
HERE = Path(__file__).parent
RACES = ["test_session_progress_race.py", "test_prescribe_race.py"]


def test_the_races_pass_on_a_sqlite_file(tmp_path: Path) -> None:
    env = {**os.environ, "ACUPRESSURE_TEST_SQLITE_FILE": str(tmp_path / "test.sqlite3")}
    env.pop("PYTEST_XDIST_WORKER", None)
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs"]
    result = subprocess.run(
        [*command, *(str(HERE / m) for m in RACES)],
        env=env, capture_output=True, text=True, timeout=300, check=False, cwd=HERE.parents[1],
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout[-2000:]
