"""Storing a daily check-in in one statement (the diary's form; web/views/diary.py)."""

from __future__ import annotations

from datetime import date, datetime

from acupressure.records.models import CheckIn
from acupressure.records.records_version import bump


def save_check_in(
    owner_id: int, day: date, area: str, pain: int, note: str, now: datetime
) -> CheckIn:
    """The person's check-in for ``area`` on ``day``: a new row, or the one already there
    changed in place (INSERT ... ON CONFLICT DO UPDATE, no read first), then their new
    records version. Call it inside the caller's transaction."""
    entry = CheckIn(owner_id=owner_id, day=day, area=area, pain=pain, note=note, updated_at=now)
    CheckIn.objects.bulk_create(
        [entry],
        update_conflicts=True,
        unique_fields=["owner", "day", "area"],
        update_fields=["pain", "note", "updated_at"],
    )
    bump([owner_id])  # bulk_create sends no post_save
    return entry
