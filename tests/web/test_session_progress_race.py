"""Two progress reports sent together (a step's and the end's, as the player does when E is
pressed just after a step ended) reach two workers at once. The report that read the session
first must not write last and lower what the other saved: each reads and writes under the
row's lock (SQLite: the write transaction's turn; PostgreSQL: SELECT ... FOR UPDATE).

Threads on the tests' in-memory SQLite database do not wait for each other's turn (one
shared cache: a second writer fails at once), so there the test runs again in a child pytest
on a database file, as the product keeps it; test_postgres.py runs it on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from tests.web.personas import Personas
from tests.web.programs import start

from acupressure.web.views import session as views

pytestmark = pytest.mark.django_db(transaction=True)


def _in_memory() -> bool:
    """The tests' database is SQLite in memory (asked once it is set up)."""
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def _post(client: Client, url: str, fields: dict[str, Any], answers: list[int]) -> None:
    try:
        answers.append(client.post(url, fields).status_code)
    finally:
        connection.close()  # this thread's own connection


@pytest.mark.parametrize("second", ["progress", "finish"])
def test_a_report_that_read_first_cannot_lower_one_saved_meanwhile(
    people: Personas, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    if _in_memory():
        pytest.skip("run on a SQLite file by the test below")
    session = start(people.client_for(people.owner))
    has_read, go_on = threading.Event(), threading.Event()
    record = views._record_progress

    def slow_step_report(found: Any, data: dict[str, Any], keep_more: bool) -> str:
        if data["completed_steps"] == 1:  # the step's report: it has read the session
            has_read.set()
            go_on.wait(10)
        return record(found, data, keep_more)

    monkeypatch.setattr(views, "_record_progress", slow_step_report)
    url = f"/session/{session.pk}/"
    answers: list[int] = []
    first, other = people.client_for(people.owner), people.client_for(people.owner)
    step = threading.Thread(
        target=_post, args=(first, url + "progress/", {"completed_steps": 1}, answers)
    )
    step.start()
    assert has_read.wait(10)
    fields = {"completed_steps": 2, "ended": "on", "pain_after": 3}
    end = threading.Thread(target=_post, args=(other, url + f"{second}/", fields, answers))
    end.start()
    end.join(1.0)  # without the lock it is saved by now, before the step's report writes
    go_on.set()
    step.join(10)
    end.join(10)
    assert sorted(answers) == [200, 200 if second == "progress" else 302]
    session.refresh_from_db()
    assert session.completed_steps == 2
    assert session.finished_at is not None


@pytest.mark.slow
def test_the_reports_race_on_a_sqlite_file(tmp_path: Path) -> None:
    if not _in_memory():
        pytest.skip("the test above runs here itself")
    env = {**os.environ, "ACUPRESSURE_TEST_SQLITE_FILE": str(tmp_path / "test.sqlite3")}
    env.pop("PYTEST_XDIST_WORKER", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False,
        cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "2 passed, 1 skipped" in result.stdout, result.stdout[-2000:]
