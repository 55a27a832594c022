"""An installation of the release before the records moved out of the web package upgrades
to this one with every row intact and readable through today's services (issue 27).

The old database is made by that release itself: its source is taken from git (the commit
below) into a temporary folder, run with its own migrations and its own
`acupressure program create`, then given one of every record kind (upgrade_before.py). This
release then migrates it and reads it back (upgrade_after.py). On SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from tests.web.server import postgres_url

BEFORE = "6fad5028b664660938c519e1a931a2a082c5ca75"  # main when the records still lived in web/
ROOT = Path(__file__).resolve().parents[2]
# Tables that migrations after that release add (their rows are made as records change).
ADDED_SINCE = {"web_recordsversion", "web_clientsummary", "web_listversion"}
HERE = Path(__file__).parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def old_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release before, as its source tree (src/acupressure) from git."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the project's git history (a clone, not an unpacked archive)")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", BEFORE, "src/acupressure"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        pytest.skip(f"commit {BEFORE[:7]} is not in this clone (shallow?): a full clone has it")
    folder = tmp_path_factory.mktemp("before")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def run(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def environment(tmp_path: Path, database_url: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ACUPRESSURE_", "DJANGO_", "DATABASE_URL", "PYTHONPATH"))
    }
    env |= {
        "ACUPRESSURE_DATA_DIR": str(tmp_path / "data"),
        "ACUPRESSURE_SECRET_KEY": "upgrade-test-key",
        "ACUPRESSURE_SMTP_URL": "smtp://127.0.0.1:1",  # email "configured": email reminders made
        "ACUPRESSURE_EMAIL_FROM": "care@example.org",
        "LANG": "C.UTF-8",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def upgrade(old_src: Path, tmp_path: Path, database_url: str | None) -> tuple[dict, dict]:
    env = environment(tmp_path, database_url)
    old = {**env, "PYTHONPATH": f"{old_src}{os.pathsep}{ROOT}"}
    run(
        old,
        "-m",
        "acupressure",
        "program",
        "create",
        "--area",
        "lower-back",
        "--not-pregnant",
        "--no-red-flags",
        "--weeks",
        "4",
    )
    run(old, str(HERE / "upgrade_before.py"), str(tmp_path / "before.json"))
    new = {**env, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}  # this tree's code
    run(
        new,
        str(HERE / "upgrade_after.py"),
        str(tmp_path / "before.json"),
        str(tmp_path / "after.json"),
    )
    before = json.loads((tmp_path / "before.json").read_text())
    after = json.loads((tmp_path / "after.json").read_text())
    return before, after


def check(before: dict, after: dict) -> None:
    made, read = before["made"], after["read"]
    # every row of every records table, unchanged but for the queued tasks' module paths
    old_rows, new_rows = before["rows"], after["rows"]
    assert set(new_rows) - set(old_rows) == ADDED_SINCE  # the tables made by later migrations
    assert set(old_rows) <= set(new_rows)
    tasks = "django_tasks_database_dbtaskresult"
    for table in old_rows:
        if table != tasks:
            assert new_rows[table] == old_rows[table], table
    moved = json.dumps(old_rows[tasks]).replace(
        "acupressure.web.reminders.tasks.", "acupressure.records.reminders.tasks."
    )
    assert json.loads(moved) == new_rows[tasks]
    assert sum(len(rows) for rows in old_rows.values()) > 40
    for table in (
        "web_practicesession",
        "web_checkin",
        "web_programrecord",
        "web_prescription",
        "web_practitionerlink",
        "web_practitionerprofile",
        "web_diaryaccess",
        "web_signintoken",
        "web_questionnaireanswer",
        "web_installation",
        "language_languagepreference",
        "reminders_remindersettings",
        "reminders_pushsubscription",
        "reminders_reminder",
        tasks,
    ):
        assert old_rows[table], f"the fixture made no {table} row"
    # readable through today's services
    assert read["programs"] == [made["program"]]
    assert read["prescriber"] == "Dr Lee" and read["prescription_version"] == 1
    assert read["sessions_in_program"] == 3 and read["readings"] == 7  # 3 x 2 + a check-in
    assert read["export_sessions"] == 3 and read["export_check_ins"] == 1
    assert read["doctor_reads"] is True
    assert read["token_holder"] == made["waiting"]  # the one-time link still signs them in
    assert read["installation"] == made["installation"]
    assert read["language"] == "es" and read["quiet_start"] == "22:00:00"
    assert read["reminders"] == made["reminders"] > 0
    assert read["reminder_states"] == made["reminders"]
    assert made["queued_tasks"] and all(
        p.startswith("acupressure.web.") for p in made["queued_tasks"]
    )
    assert read["tasks"] == ["tick"] * len(made["queued_tasks"])


def test_an_sqlite_database_of_the_release_before_upgrades(
    old_release: Path, tmp_path: Path
) -> None:
    check(*upgrade(old_release, tmp_path, None))


@pytest.fixture
def postgres_database() -> Iterator[str]:
    psycopg = pytest.importorskip("psycopg")
    url = postgres_url()
    name = f"upgrade_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_a_postgresql_database_of_the_release_before_upgrades(
    old_release: Path, tmp_path: Path, postgres_database: str
) -> None:
    check(*upgrade(old_release, tmp_path, postgres_database))
