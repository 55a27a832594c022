"""Diary queries and exports shared by the pages, the API and the terminal store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models.functions import Coalesce

from acupressure.exports import csvfile
from acupressure.exports.csvfile import Cell
from acupressure.records.models import CheckIn, PracticeSession


@dataclass(frozen=True)
class Reading:
    """One pain reading: before or after a session, or a day's check-in."""

    at: datetime
    pain: int
    kind: str  # "before", "after" or "check-in"


CSV_HEADER = [
    "kind",
    "date",  # UTC, YYYY-MM-DD
    "time",  # UTC, HH:MM:SS; empty for a check-in (a check-in is for a day)
    "area",
    "pain_before",
    "pain_after",
    "pain",
    "completed_steps",
    "total_steps",
    "source",
    "note",
]
BATCH = 500  # rows fetched at a time by the streamed exports


def readings(owner_id: int) -> list[Reading]:
    """Every pain reading of the person, oldest first (ties: in the sessions' own order).
    Two queries of plain values: a few hundred bytes a reading, whatever the diary's size."""
    found: list[Reading] = []
    sessions = PracticeSession.objects.started().filter(owner_id=owner_id).order_by()
    times = sessions.annotate(  # two times a session, not three: each costs a conversion
        began=Coalesce("started_at", "created_at"), ended=Coalesce("finished_at", "created_at")
    )
    for began, ended, before, after in times.values_list(
        "began", "ended", "pain_before", "pain_after"
    ).iterator(chunk_size=BATCH):
        if before is not None:
            found.append(Reading(began, before, "before"))
        if after is not None:
            found.append(Reading(ended, after, "after"))
    check_ins = CheckIn.objects.filter(owner_id=owner_id).values_list("updated_at", "pain")
    found += [Reading(at, pain, "check-in") for at, pain in check_ins.iterator(chunk_size=BATCH)]
    return sorted(found, key=lambda r: r.at)


def csv_rows(owner_id: int, notes: bool = True) -> Iterator[list[Cell]]:
    """The diary's rows (after :data:`CSV_HEADER`), fetched in batches; ``notes`` False leaves
    the notes out (a practitioner the client has not shared them with)."""
    sessions = PracticeSession.objects.started().filter(owner_id=owner_id)
    for s in sessions.order_by("created_at", "id").values_list(
        "created_at", "areas", "pain_before", "pain_after", "completed_steps", "total_steps",
        "source", "note",
    ).iterator(chunk_size=BATCH):  # fmt: skip
        at, areas, before, after, done, total, source, note = s
        at = at.astimezone(UTC)
        yield [
            "session", at.date(), at.time().replace(microsecond=0), " ".join(areas),
            before, after, None, done, total, source, note if notes else "",
        ]  # fmt: skip
    check_ins = CheckIn.objects.filter(owner_id=owner_id).order_by("day", "area")
    for day, area, pain, note in check_ins.values_list("day", "area", "pain", "note").iterator(
        chunk_size=BATCH
    ):
        note = note if notes else ""
        yield ["check-in", day, None, area, None, None, pain, None, None, None, note]


def csv_chunks(owner_id: int, notes: bool = True) -> Iterator[bytes]:
    """The diary as a CSV file (acupressure.exports.csvfile), in byte chunks to stream."""
    return csvfile.chunks(CSV_HEADER, csv_rows(owner_id, notes))
