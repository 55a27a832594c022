"""The practitioner tests again on PostgreSQL (accounts, consent, prescribing, the access
matrix, follow-up, FHIR, and the Chromium end to end against a server on PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
HERE = Path(__file__).parent
MODULES = [
    "test_practitioners.py",
    "test_prescribing.py",
    "test_practice_access.py",
    "test_follow_up.py",
    "test_practice_browser.py",
]


def postgres_url() -> str:
    """As in test_postgres.py: the throwaway cluster's URL, or skip."""
    url = os.environ.get("ACUPRESSURE_TEST_DATABASE_URL", "")
    if not url and os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        url = os.environ["DATABASE_URL"]
    if not url:
        pytest.skip("no PostgreSQL: set ACUPRESSURE_TEST_DATABASE_URL")
    return url


def test_practitioner_features_pass_on_postgresql() -> None:
    url = postgres_url()
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at {url.split('@')[-1]} not reachable: {exc}")
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("ACUPRESSURE_TEST_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         *[str(HERE / m) for m in MODULES]],
        env=env, capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout.splitlines()[-1]
