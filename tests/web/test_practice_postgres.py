"""The practitioner tests again on PostgreSQL (accounts, consent, prescribing, the access
matrix, follow-up, FHIR, no takeover, each practitioner's own scope, the client list at size,
and the Chromium end to end against a server on PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.server import pytest_on_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
HERE = Path(__file__).parent
MODULES = [
    "test_practitioners.py",
    "test_prescribing.py",
    "test_practice_access.py",
    "test_follow_up.py",
    "test_practice_browser.py",
    "test_takeover.py",
    "test_practitioner_scope.py",
    "test_client_list.py",
    "test_client_summary.py",
]


def test_practitioner_features_pass_on_postgresql() -> None:
    result = pytest_on_postgres([HERE / m for m in MODULES], timeout=1200)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout.splitlines()[-1]
