"""Storing a daily check-in (the diary's form: web/views/diary.py, and its quick path
web/quick_checkin.py): the creation limit's check, the row and the person's new records
version, in three statements written once here in SQL (the ORM built them anew on every
request, which cost more than running them)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from django.db import connection

from acupressure.records.creation import check_check_in_is_new
from acupressure.records.models import CheckIn
from acupressure.records.records_version import bump


@cache
def _sql(vendor: str) -> tuple[str, str]:
    """The statements for this database: is the row there, and the upsert."""
    table = connection.ops.quote_name(CheckIn._meta.db_table)
    found = f"SELECT 1 FROM {table} WHERE owner_id = %s AND day = %s AND area = %s"  # noqa: S608
    upsert = (
        f"INSERT INTO {table} (owner_id, day, area, pain, note, updated_at) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (owner_id, day, area) DO UPDATE SET "
        "pain = excluded.pain, note = excluded.note, updated_at = excluded.updated_at"
    )
    return found, upsert


def check_and_save(
    owner_id: int, day: date, area: str, pain: int, note: str, now: datetime
) -> CheckIn:
    """The person's check-in for ``area`` on ``day``: a new row (unless the creation limit is
    reached: :class:`~acupressure.records.creation.TooManyCreatedError`), or the one already
    there changed in place, then their new records version. Call it inside the caller's
    transaction."""
    found, upsert = _sql(connection.vendor)
    ops = connection.ops
    day_value = ops.adapt_datefield_value(day)
    with connection.cursor() as cursor:
        cursor.execute(found, [owner_id, day_value, area])
        if cursor.fetchone() is None:
            check_check_in_is_new(owner_id)
        values = [owner_id, day_value, area, pain, note, ops.adapt_datetimefield_value(now)]
        cursor.execute(upsert, values)
    bump([owner_id])  # no save, so no post_save
    return CheckIn(owner_id=owner_id, day=day, area=area, pain=pain, note=note, updated_at=now)
