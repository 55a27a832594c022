"""The database settings read from the environment (records/settings.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from acupressure.records import settings

URL = "postgres://someone:secret@db.example:5432/acupressure"


def test_postgresql_prepares_the_hot_statements_unless_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.delenv("ACUPRESSURE_PG_PREPARED", raising=False)
    on = settings._database()
    assert on["ENGINE"] == "django.db.backends.postgresql" and on["HOST"] == "db.example"
    assert on["OPTIONS"]["prepare_threshold"] == 0  # records/prepared.py
    monkeypatch.setenv("ACUPRESSURE_PG_PREPARED", "false")  # a pooler that cannot keep them
    assert "prepare_threshold" not in settings._database().get("OPTIONS", {})
    monkeypatch.setenv("ACUPRESSURE_PG_PREPARED", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="ACUPRESSURE_PG_PREPARED"):
        settings._database()
