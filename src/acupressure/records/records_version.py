"""A person's records version: a number drawn anew (at random, 62 bits) by every write that
changes what their own pages show (web/personal.py caches those pages under it). Random, not
a counter: a number comes back neither after a rollback nor after a restore from a backup,
so a page cached under an old state can never match a new one.

:func:`bump` runs in the writer's transaction (a receiver of ``post_save`` below for rows
saved one by one; an explicit call where rows change without a save: bulk updates and
deletes in the stores, the check-in's upsert), so the new number is never
visible before the data it stands for. Deletes of sessions, check-ins, programs and answers
are bumped by their callers (a ``post_delete`` receiver would make Django delete a large
diary row by row). The access log is written in one statement per request
(``access.log_each``): a trigger in the database (migration 0011) draws its owner's new
version, so the log stays one statement.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from acupressure.records.language.models import LanguagePreference
from acupressure.records.models import (
    CheckIn,
    ClientSummary,
    PracticeSession,
    PractitionerLink,
    PractitionerProfile,
    Prescription,
    ProgramRecord,
    QuestionnaireAnswer,
    RecordsVersion,
)


def upsert_sql(rows_sql: str) -> str:
    """The statement that sets the records version of each (owner_id, number) row
    ``rows_sql`` gives."""
    table = connection.ops.quote_name(RecordsVersion._meta.db_table)
    return (
        f"INSERT INTO {table} (owner_id, number) {rows_sql} "
        "ON CONFLICT (owner_id) DO UPDATE SET number = excluded.number"
    )


def bump(owner_ids: Iterable[int | None]) -> None:
    """A new records version for each of these people (one statement), and their rows of the
    practitioners' lists marked stale (records/client_summary.py; one more, or two)."""
    ids = sorted({int(i) for i in owner_ids if i is not None})
    if not ids:
        return
    values = ", ".join(["(%s, %s)"] * len(ids))
    number = secrets.randbits(62)
    with connection.cursor() as cursor:
        cursor.execute(upsert_sql(f"VALUES {values}"), [v for i in ids for v in (i, number)])
    ClientSummary.mark_clients(ids)


def bump_selected(sql: str, params: Iterable[Any]) -> None:
    """A new records version for every ``owner_id`` that ``sql`` selects (one statement,
    whatever their number), and their list rows marked stale (one more, or two)."""
    # "WHERE true": SQLite would read ON CONFLICT after a bare FROM as a join's clause
    rows = f"SELECT DISTINCT chosen.owner_id, %s FROM ({sql}) chosen WHERE true"  # noqa: S608
    params = list(params)
    with connection.cursor() as cursor:
        cursor.execute(upsert_sql(rows), [secrets.randbits(62), *params])
    owners = RawSQL(f"SELECT chosen.owner_id FROM ({sql}) chosen", params)  # noqa: S608, S611
    ClientSummary.mark(ClientSummary.objects.filter(client_id__in=owners))


def version(owner_id: int) -> int:
    """The person's records version (0 before their first write)."""
    found = RecordsVersion.objects.filter(owner_id=owner_id).values_list("number", flat=True)
    return int(found[0]) if found else 0


@receiver(post_save, sender=PracticeSession)
@receiver(post_save, sender=CheckIn)
@receiver(post_save, sender=ProgramRecord)
@receiver(post_save, sender=QuestionnaireAnswer)
def _owned(sender: Any, instance: Any, **_: Any) -> None:
    bump([instance.owner_id])


@receiver(post_save, sender=Prescription)
@receiver(post_delete, sender=Prescription)
def _prescribed(sender: Any, instance: Prescription, **_: Any) -> None:
    owner = ProgramRecord.objects.filter(pk=instance.program_id).values("owner_id")
    sql, params = owner.query.sql_with_params()
    bump_selected(sql, params)


@receiver(post_save, sender=PractitionerLink)
@receiver(post_delete, sender=PractitionerLink)
def _linked(sender: Any, instance: PractitionerLink, **_: Any) -> None:
    bump([instance.practitioner_id, instance.client_id, instance.made_account_id])


@receiver(post_save, sender=PractitionerProfile)
@receiver(post_delete, sender=PractitionerProfile)
def _practitioner(sender: Any, instance: PractitionerProfile, **_: Any) -> None:
    """The navigation shows "Clients" to practitioners; clients' programs show the name."""
    clients = PractitionerLink.objects.filter(practitioner_id=instance.user_id)
    sql, params = clients.values(owner_id=F("client_id")).query.sql_with_params()
    bump([instance.user_id])
    bump_selected(sql, params)


@receiver(post_save, sender=LanguagePreference)
@receiver(post_delete, sender=LanguagePreference)
def _language(sender: Any, instance: LanguagePreference, **_: Any) -> None:
    bump([instance.user_id])
