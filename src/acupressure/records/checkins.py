"""Storing a daily check-in (the diary's form: web/views/diary.py, and its quick path
web/quick_checkin.py): the creation limit's check, the row, the person's new records
version and their practitioners' list rows marked stale, written once here in SQL (the ORM
built them anew on every request, which cost more than running them).

On PostgreSQL all of it is one statement (data-modifying WITH clauses), so a check-in
outside a transaction costs one round trip to the server where it took seven (BEGIN, the
check, the upsert, the version, the list rows, COMMIT); SQLite, in the process, runs the
same steps one by one in a transaction.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from django.db import connection, transaction

from acupressure.records import prepared
from acupressure.records.creation import CHECK_INS_COUNTED_BY, check_check_in_is_new, quota
from acupressure.records.models import CheckIn, ClientSummary, ListVersion
from acupressure.records.records_version import bump, upsert_sql

_COLUMNS = "owner_id, day, area, pain, note, updated_at"
_CHANGE = (
    "ON CONFLICT (owner_id, day, area) DO UPDATE SET "
    "pain = excluded.pain, note = excluded.note, updated_at = excluded.updated_at"
)


@cache
def _sql(vendor: str) -> tuple[str, str, str]:
    """The statements for this database: is the row there, the upsert, and (PostgreSQL) the
    whole check-in in one."""
    table = connection.ops.quote_name(CheckIn._meta.db_table)
    found = f"SELECT 1 FROM {table} WHERE owner_id = %s AND day = %s AND area = %s"  # noqa: S608
    upsert = f"INSERT INTO {table} ({_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s) {_CHANGE}"  # noqa: S608
    counted = connection.ops.quote_name(CHECK_INS_COUNTED_BY)  # the limit's count, as creation's
    recent = f"SELECT count(*) FROM {table} WHERE owner_id = %s AND {counted} >= %s"  # noqa: S608
    whole = (
        f"WITH allowed AS (SELECT EXISTS ({found}) OR ({recent}) < %s AS ok), "  # noqa: S608
        f"saved AS (INSERT INTO {table} ({_COLUMNS}) "
        f"SELECT %s, %s, %s, %s, %s, %s FROM allowed WHERE ok {_CHANGE} RETURNING owner_id), "
        f"versions AS ({upsert_sql('SELECT owner_id, %s FROM saved WHERE true')}), "
        f"marked AS ({ClientSummary.mark_sql('client_id IN (SELECT owner_id FROM saved)')} "
        "RETURNING practitioner_id), "
        f"lists AS ({ListVersion.renew_sql('SELECT practitioner_id FROM marked')}) "
        "SELECT ok FROM allowed"
    )
    return found, upsert, whole


def check_and_save(
    owner_id: int, day: date, area: str, pain: int, note: str, now: datetime
) -> CheckIn:
    """:func:`save_check_in`, and the check-in as a model (not read back)."""
    save_check_in(owner_id, day, area, pain, note, now)
    return CheckIn(owner_id=owner_id, day=day, area=area, pain=pain, note=note, updated_at=now)


def save_check_in(owner_id: int, day: date, area: str, pain: int, note: str, now: datetime) -> None:
    """The person's check-in for ``area`` on ``day``: a new row (unless the creation limit is
    reached: :class:`~acupressure.records.creation.TooManyCreatedError`), or the one already
    there changed in place, with their new records version and their list rows marked stale.
    Atomic by itself: one statement (PostgreSQL), or the caller's transaction or its own
    (SQLite)."""
    ops = connection.ops
    values = [owner_id, ops.adapt_datefield_value(day), area, pain, note]
    values.append(ops.adapt_datetimefield_value(now))
    if connection.vendor == "postgresql":
        _in_one_statement(values, now)
    else:
        with transaction.atomic():
            _in_steps(values)


def _in_steps(values: list[Any]) -> None:
    found, upsert, _ = _sql(connection.vendor)
    owner_id = values[0]
    with connection.cursor() as cursor:
        cursor.execute(found, values[:3])
        if cursor.fetchone() is None:
            check_check_in_is_new(owner_id)
        cursor.execute(upsert, values)
    bump([owner_id])  # no save, so no post_save


def _in_one_statement(values: list[Any], now: datetime) -> None:
    *_, whole = _sql(connection.vendor)
    limit = quota("check-ins")
    since = connection.ops.adapt_datetimefield_value(now - timedelta(seconds=limit.seconds))
    params = [*values[:3], values[0], since, limit.count, *values]
    params += [secrets.randbits(62), True, secrets.randbits(62)]
    row = prepared.fetch_one(whole, params)
    if row is None or not row[0]:
        check_check_in_is_new(values[0])  # the limit is reached: this raises
        _in_one_statement(values, now)  # the window moved on between the two reads
