"""The access log's trigger (migrations 0011, 0014): every statement that adds log rows, or
moves them to another owner, draws each owner concerned a new records version in the same
statement, each owner once however many of their rows it adds (on PostgreSQL once per
statement; on SQLite once per row). Runs on PostgreSQL too (test_postgres.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection

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


def test_the_owner_is_found_through_one_index_and_the_triggers_stay() -> None:
    """Migration 0015 dropped the foreign key's own index on the owner (access_owner_at
    leads with it) by name: a remade table on SQLite would have lost the triggers."""
    table = DiaryAccess._meta.db_table
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    indexed = sorted(
        tuple(c["columns"]) for c in found.values() if c["index"] and not c["primary_key"]
    )
    assert ("owner_id",) not in indexed and ("owner_id", "at") in indexed, indexed
    olivia, ana = User.objects.create_user("olivia"), User.objects.create_user("ana")
    before = version(olivia.pk)
    DiaryAccess.objects.bulk_create([_row(olivia, ana)])
    assert version(olivia.pk) != before  # the trigger still draws a new version
