"""The practitioner's list kept as rows (:class:`ClientSummary`): /clients/ reads one page of
them and a count, sorted in SQL, and the CSV streams them, whatever the number of clients
(the web renders each row once per language and zone: web/client_rows.py).

A row is worked out by acupressure.records.follow_up (the same rules as the client page) when it
is missing, stale or due:

- stale: the client's records changed. Every write that can change a row draws the client a
  new records version (records/records_version.py: the saves of sessions, weekly checks,
  programs, prescriptions and links, and the stores' bulk updates: stop, resume,
  re-screening, deleting the diary), which marks their rows stale; the signals below add a
  link changing hands and a visit to the client page.
- due: ``fresh_until`` has come (adherence counts the slots whose time has come, so the
  clock alone changes it: at the next slot or at midnight).

Rows are worked out in batches of :data:`BATCH`, each in the same few queries, and written
back in one statement per batch, only where the row's generation is still the one read before
working it out: a write that lands meanwhile leaves the row stale, never overwritten with
older data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Min, Q, QuerySet, Subquery
from django.db.models.expressions import OrderBy
from django.db.models.signals import post_save
from pydantic import TypeAdapter

from acupressure.records.follow_up import ClientRow, client_rows
from acupressure.records.models import (
    ClientSummary,
    DiaryAccess,
    ListVersion,
    PractitionerLink,
    RecordsVersion,
)
from acupressure.records.practice import name_of

BATCH = 500
_ROW: TypeAdapter[ClientRow] = TypeAdapter(ClientRow)
_THEN = ("name_key", "link_id")
ORDER: dict[str, tuple[str | OrderBy, ...]] = {  # those needing attention first, always
    "name": ("-attention", *_THEN),
    "last": ("-attention", F("last_session").desc(nulls_last=True), *_THEN),
    "adherence": ("-attention", F("adherence").asc(nulls_last=True), *_THEN),
    "pain": ("-attention", F("pain_change").desc(nulls_last=True), *_THEN),
}
_COLUMNS = (
    "link_id", "practitioner_id", "client_id", "generation", "stale", "fresh_until",
    "attention", "name_key", "last_session", "adherence", "pain_change", "row",
)  # fmt: skip


@dataclass(frozen=True)
class ListState:
    """What a practitioner's whole list page shows, as far as its rows go, read in one
    statement before them (the web caches the page under it: web/client_list_page.py).

    Two equal states that are current stand for the same page: the practitioner's records
    version is drawn anew by every save or delete of one of their links (a label, consent,
    the link ending) and of their profile (their name); the list version by every write
    that marks any of their rows stale (:meth:`ClientSummary.mark`) or changes one of their
    links, and it is fresh only once a view has brought every row up to date with no write
    since (:func:`settle`); ``due_at`` then says when the clock alone changes a row."""

    records: int  # the practitioner's records version
    number: int  # their list version
    fresh: bool
    due_at: datetime | None

    def current(self, now: datetime) -> bool:
        """Every row is kept, fresh and not due: :func:`refresh` would change nothing."""
        return self.fresh and (self.due_at is None or now < self.due_at)


def list_state(practitioner_id: int) -> ListState:
    """The state of the practitioner's list (one statement, written out: it runs on every
    view; two the first time)."""
    q = connection.ops.quote_name
    mine, records = (q(m._meta.db_table) for m in (ListVersion, RecordsVersion))
    sql = (
        f"SELECT r.number, l.number, l.fresh, l.due_at FROM {mine} l "  # noqa: S608 - names
        f"LEFT JOIN {records} r ON r.owner_id = l.practitioner_id WHERE l.practitioner_id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [practitioner_id])
        found = cursor.fetchone()
    if found is None:
        ListVersion.renew([practitioner_id])
        return list_state(practitioner_id)
    due = ListVersion._meta.get_field("due_at")
    due_at = _from_db(found[3], due)
    return ListState(int(found[0] or 0), int(found[1]), bool(found[2]), due_at)


def _from_db(value: Any, field: Any) -> datetime | None:
    """A value read with a raw cursor, converted as the ORM converts the field's."""
    for convert in connection.ops.get_db_converters(field.get_col(field.model._meta.db_table)):
        value = convert(value, field, connection)
    return value  # type: ignore[no-any-return]


def settle(links: QuerySet[PractitionerLink], practitioner_id: int, state: ListState) -> bool:
    """After :func:`refresh`: the list is fresh, due again at its rows' earliest
    ``fresh_until``, unless a write drew a new list version since ``state`` was read (one
    statement; True when it was settled)."""
    earliest = (
        ClientSummary.objects.filter(link__in=links)
        .order_by()
        .values("practitioner_id")
        .annotate(due=Min("fresh_until"))
        .values("due")[:1]
    )
    mine = ListVersion.objects.filter(practitioner_id=practitioner_id, number=state.number)
    return bool(mine.update(fresh=True, due_at=Subquery(earliest)))


def page_rows(
    links: QuerySet[PractitionerLink], sort: str, number: str | None, size: int, now: datetime
) -> tuple[Page[Stored], list[ClientRow]]:
    """One page of the links' rows in the order ``sort`` names (see :data:`ORDER`)."""
    refresh(links, now)
    page = Paginator(_stored(links, sort), size).get_page(number)
    return page, [_loaded(summary) for summary in page]


def all_rows(links: QuerySet[PractitionerLink], now: datetime) -> Iterator[ClientRow]:
    """Every row, by name (those needing attention first): brought up to date now, then read
    as they are consumed (streamed)."""
    refresh(links, now)
    return (_loaded(summary) for summary in _stored(links, "name").iterator(chunk_size=BATCH))


def refresh(links: QuerySet[PractitionerLink], now: datetime) -> None:
    """Work out again the rows of these links that are missing, stale or due (one query when
    none is)."""
    due = list(
        links.filter(
            Q(summary__isnull=True) | Q(summary__stale=True) | Q(summary__fresh_until__lte=now)
        ).values_list("pk", "summary__generation", "practitioner_id", "label")
    )
    missing = [pk for pk, generation, _me, _label in due if generation is None]
    if missing:
        _add_missing(links.filter(pk__in=missing))
    for start in range(0, len(due), BATCH):
        read = {
            pk: (generation or 0, me, label) for pk, generation, me, label in due[start:][:BATCH]
        }
        _write(client_rows(links.filter(pk__in=read), now), read)


def _add_missing(links: QuerySet[PractitionerLink]) -> None:
    """A stale row for each of these links, in one statement whatever their number (the row
    exists before it is worked out, so a write meanwhile finds it to mark); a row another
    worker added first is kept."""
    q = connection.ops.quote_name
    select, params = links.values_list("pk", "practitioner_id", "client_id").query.sql_with_params()
    columns = ", ".join(map(q, (*_COLUMNS[:5], "attention", "name_key", "row")))
    sql = (
        f"INSERT INTO {q(ClientSummary._meta.db_table)} ({columns}) "  # noqa: S608 - the model's
        f"SELECT m.*, 0, TRUE, FALSE, '', '' FROM ({select}) AS m WHERE 1 = 1 "
        f"ON CONFLICT ({q('link_id')}) DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _write(rows: list[ClientRow], read: dict[int, tuple[int, int, str]]) -> None:
    """Store worked-out rows where no write came since ``read`` (one statement)."""
    if not rows:
        return
    ops, q = connection.ops, connection.ops.quote_name
    table = q(ClientSummary._meta.db_table)
    when = ops.adapt_datetimefield_value
    values: list[Any] = []
    for row in rows:
        generation, me, label = read[row.link_id]
        values += [
            row.link_id, me, row.client_id, generation, False, when(row.fresh_until),
            bool(row.alert_id), label.lower(), when(row.last_session), row.adherence_percent,
            row.pain_change, _ROW.dump_json(row).decode(),
        ]  # fmt: skip
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"] * len(rows))
    updated = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in _COLUMNS[1:])
    sql = (
        f"INSERT INTO {table} ({', '.join(map(q, _COLUMNS))}) VALUES {placeholders} "  # noqa: S608 - names from the model
        f"ON CONFLICT ({q('link_id')}) DO UPDATE SET {updated} "
        f"WHERE {table}.{q('generation')} = excluded.{q('generation')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)


Stored = tuple[str, str, int]  # a kept row as read: its JSON, the link's label and id


def _stored(links: QuerySet[PractitionerLink], sort: str) -> QuerySet[Any, Stored]:
    """The kept rows in order, read as plain values (no model object per row)."""
    rows = ClientSummary.objects.filter(link__in=links).order_by(*ORDER.get(sort, ORDER["name"]))
    return rows.values_list("row", "link__label", "link_id")


def _loaded(stored: Stored) -> ClientRow:
    """A stored row, named as the reader's language names a client without a label."""
    row, label, link_id = stored
    return replace(_ROW.validate_json(row), name=name_of(label, link_id))


def _link_changed(sender: Any, instance: PractitionerLink, **kwargs: Any) -> None:
    """The link's row follows the link's client, even when the link changed hands (an
    invitation answered from another account; the client's rows are marked by the records
    version's receiver)."""
    ClientSummary.objects.filter(link_id=instance.pk).update(
        client_id=instance.client_id, stale=True, generation=F("generation") + 1
    )
    ListVersion.renew([instance.practitioner_id])


def _visited(sender: Any, instance: DiaryAccess, **kwargs: Any) -> None:
    """A practitioner opened a client page: the red-flag alert counts from that visit."""
    if instance.what.startswith("/clients/") and instance.what != "/clients/":
        ClientSummary.changed(instance.owner_id)


def connect() -> None:
    """What the records version does not cover (records/apps.py calls this): a link's row
    following its client, and a visit to the client page. Every other write that changes a
    row draws its client a new records version, which marks the row stale
    (records/records_version.py)."""
    post_save.connect(_link_changed, sender=PractitionerLink, dispatch_uid="summary-link")
    post_save.connect(_visited, sender=DiaryAccess, dispatch_uid="summary-visit")
