"""This installation's id: random, made once, kept in the database with the data.

FHIR resource ids, identifier systems and calendar UIDs include it, so that two clinics'
exports never name two people (or two sessions) alike, while one installation's exports stay
stable across runs, languages and a dump and restore of its database. The migration that
made the table makes the row; a database emptied since (a test's flush) gets a new one.
"""

from __future__ import annotations

from acupressure.records.models import Installation


def installation_id() -> str:
    """The id as 32 hex digits (no hyphens): short, and safe in URIs, ids and UIDs."""
    row = Installation.objects.order_by("id").first()
    if row is None:
        Installation.objects.create()
        row = Installation.objects.order_by("id").first()  # the first, if two were made at once
        assert row is not None
    return str(row.uid.hex)
