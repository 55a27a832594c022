"""The access log's trigger (migrations 0011, 0014): every statement that adds log rows, or
moves them to another owner, draws each owner concerned a new records version in the same
statement, each owner once however many of their rows it adds (on PostgreSQL once per
statement; on SQLite once per row). Runs on PostgreSQL too (test_postgres.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User

from acupressure.records.models import Action, DiaryAccess
from acupressure.records.records_version import version

pytestmark = pytest.mark.django_db
AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def _row(owner: User, viewer: User) -> DiaryAccess:
    return DiaryAccess(owner=owner, viewer=viewer, at=AT, what="/clients/", action=Action.LIST)


def test_one_statement_of_log_rows_draws_each_owner_a_new_version() -> None:
    olivia, sam, ana = (User.objects.create_user(n) for n in ("olivia", "sam", "ana"))
    before = {p.pk: version(p.pk) for p in (olivia, sam, ana)}
    rows = [_row(olivia, ana), _row(olivia, ana), _row(sam, ana)]  # Olivia twice
    DiaryAccess.objects.bulk_create(rows)  # one INSERT
    assert version(olivia.pk) != before[olivia.pk]
    assert version(sam.pk) != before[sam.pk]
    assert version(ana.pk) == before[ana.pk]  # the viewer's own pages did not change
    moved = version(sam.pk)
    DiaryAccess.objects.filter(owner=olivia).update(owner=sam)  # a made account taken up
    assert version(sam.pk) != moved
