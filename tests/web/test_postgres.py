"""The diary, session and model tests again, against a real PostgreSQL server.

The URL comes from ACUPRESSURE_TEST_DATABASE_URL (scripts/test.sh starts a throwaway cluster
on loopback when it runs as root on Debian), or from DATABASE_URL when that is PostgreSQL.
The tests run in a child pytest because Django picks its database once, at start-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.web.server import postgres_url, pytest_on_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
HERE = Path(__file__).parent
MODULES = [
    "test_diary.py",
    "test_diary_marks.py",  # the chart in SQL: PostgreSQL's date_trunc, its query count
    "test_session.py",
    "test_session_progress_race.py",  # two reports at once: the row locked FOR UPDATE
    "test_prescribe_race.py",  # two prescriptions at once: the link locked FOR UPDATE
    "test_api.py",
    "test_terminal_store.py",
    "test_signin.py",
    "test_authorization.py",
    "test_program_pages.py",
    "test_weekly_check.py",
    "test_personal_pages.py",  # the records version and its trigger
    "test_edge.py",  # NUL characters and a long username gave 500s on PostgreSQL only
    "test_signed.py",  # the session joined with its account in one statement
    "test_primed.py",  # every signed-in page's floor in that one statement, as Django's own
    "test_quick_checkin.py",  # the check-in in one statement there
    "test_creation_limits.py",  # the check-in's limit inside that statement
    "test_access_trigger.py",  # the access log's trigger, once per statement there
    "test_early_answers_attacks.py",  # the early answers attacked by every persona
    "test_early_answers_requests.py",  # and with request tricks (hosts, CSRF, languages)
    "test_client_list_attacks.py",  # the kept client list and CSV, links ending meanwhile
]


def test_diary_and_models_pass_on_postgresql() -> None:
    result = pytest_on_postgres([HERE / m for m in MODULES], timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_the_client_list_and_its_cached_page_on_postgresql() -> None:
    """/clients/ at constant queries, its kept rows and its cached page (issue 26)."""
    modules = ["test_client_list.py", "test_client_summary.py", "test_client_list_cache.py"]
    result = pytest_on_postgres([HERE / m for m in modules], timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_every_route_survives_the_hostile_shapes_on_postgresql() -> None:
    """The fuzz over every route (test_practice_fuzz.py): NUL characters and long usernames
    gave 500s on PostgreSQL only."""
    result = pytest_on_postgres([HERE / "test_practice_fuzz.py"], timeout=1800)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_settings_use_postgresql_when_database_url_is_set() -> None:
    url = postgres_url()
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='acupressure.web.settings';"
        "django.setup(); from django.db import connection; print(connection.vendor)"
    )
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "postgresql"
