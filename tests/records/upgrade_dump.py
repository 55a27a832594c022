"""Every row of every table that holds a person's records, as plain values (for the upgrade
test: the same dump before and after the migration must be equal)."""

from __future__ import annotations

from typing import Any

from django.db import connection

PREFIXES = ("web_", "language_", "reminders_", "auth_user", "django_tasks_database_")
SKIP = ("django_migrations",)


def tables() -> list[str]:
    names = connection.introspection.table_names()
    return sorted(n for n in names if n.startswith(PREFIXES) and n not in SKIP)


def dump() -> dict[str, list[list[Any]]]:
    rows: dict[str, list[list[Any]]] = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables():
            cursor.execute(f"SELECT * FROM {quote(table)}")
            columns = [c[0] for c in cursor.description]
            found = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
            rows[table] = sorted([[k, str(v)] for k, v in sorted(r.items())] for r in found)
    return rows
