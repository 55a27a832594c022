"""Diary queries and exports shared by the pages, the API and the terminal store."""

from __future__ import annotations

import csv
import io

from acupressure.web.diary_chart import Reading
from acupressure.web.models import CheckIn, PracticeSession

CSV_HEADER = [
    "kind",
    "date_time",
    "area",
    "pain_before",
    "pain_after",
    "pain",
    "completed_steps",
    "total_steps",
    "source",
    "note",
]


def readings(owner_id: int) -> list[Reading]:
    found: list[Reading] = []
    for s in PracticeSession.objects.started().filter(owner_id=owner_id):
        if s.pain_before is not None:
            found.append(Reading(s.started_at or s.created_at, s.pain_before, "before"))
        if s.pain_after is not None:
            found.append(Reading(s.finished_at or s.created_at, s.pain_after, "after"))
    for c in CheckIn.objects.filter(owner_id=owner_id):
        found.append(Reading(c.updated_at, c.pain, "check-in"))
    return sorted(found, key=lambda r: r.at)


def csv_text(owner_id: int, notes: bool = True) -> str:
    """The diary as CSV; ``notes`` False leaves the notes out (a practitioner the client has
    not shared them with)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    sessions = PracticeSession.objects.started().filter(owner_id=owner_id)
    for s in sessions.order_by("created_at", "id"):
        writer.writerow(
            [
                "session",
                s.created_at.isoformat(),
                " ".join(s.areas),
                s.pain_before,
                s.pain_after,
                "",
                s.completed_steps,
                s.total_steps,
                s.source,
                _safe(s.note) if notes else "",
            ]
        )
    for c in CheckIn.objects.filter(owner_id=owner_id).order_by("day", "area"):
        writer.writerow(
            [
                "check-in",
                c.day.isoformat(),
                c.area,
                "",
                "",
                c.pain,
                "",
                "",
                "",
                _safe(c.note) if notes else "",
            ]
        )
    return out.getvalue()


def _safe(text: str) -> str:
    """Keep spreadsheet programs from running a note as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
