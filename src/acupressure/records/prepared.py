"""The statements run on nearly every signed-in request, prepared once per connection on
PostgreSQL.

Django binds parameters in the client (their values written into the statement's text), so
PostgreSQL parses and plans every statement anew. For the signed-in floor (web/signed.py)
that planning cost four times the statement's run (EXPLAIN ANALYZE: 0.106 ms planning, 0.027
ms run). The few statements run by :func:`fetch_one` are bound on the server instead,
and psycopg prepares each the first time a connection runs it; Django's own queries are
unchanged (its cursors never prepare). The setting ``ACUPRESSURE_PG_PREPARED=false`` turns
this off, for a connection pooler in transaction mode that cannot keep prepared statements
(PgBouncer before 1.21).
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections


def preparing() -> bool:
    """Whether this connection prepares the statements run by :func:`fetch_one`."""
    return _preparing(connections[DEFAULT_DB_ALIAS])


def fetch_one(sql: str, params: list[Any]) -> tuple[Any, ...] | None:
    """Run one of the statements above; its first row. Bound on the server where
    :func:`preparing`, through Django's own cursor elsewhere. Errors come as Django's (and
    mark the connection for the check at the request's end), as from Django's cursor."""
    db = connections[DEFAULT_DB_ALIAS]  # once: each attribute of django.db.connection looks it up
    if not _preparing(db):  # SQLite, or turned off
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            row: tuple[Any, ...] | None = cursor.fetchone()
        return row
    db.ensure_connection()
    db.validate_no_broken_transaction()
    with db.wrap_database_errors:  # what Django's cursor adds that matters here
        if db.queries_logged:  # the tests' query log, DEBUG: through Django's wrapper
            cursor = db.make_debug_cursor(_server_bound(db.connection, logged=True))
        else:
            cursor = _kept_cursor(db.connection)
        _run(cursor, sql, params, db.in_atomic_block)
        found: tuple[Any, ...] | None = cursor.fetchone()
    return found


def _run(cursor: Any, sql: str, params: list[Any], in_transaction: bool) -> None:
    """The statement, prepared anew once when PostgreSQL refuses the prepared one because
    another connection changed a column's type since ("cached plan must not change result
    type", SQLSTATE 0A000: a migration run under working servers); it would fail so on this
    connection until it closed. In a transaction the rollback makes psycopg forget them."""
    try:
        cursor.execute(sql, params)
    except Exception as exc:
        changed = "0A000" in (
            getattr(exc, "sqlstate", None),
            getattr(exc.__cause__, "sqlstate", None),
        )
        if not changed or in_transaction:
            raise
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its names too
        cursor.execute(sql, params)


def _preparing(db: Any) -> bool:
    return (
        db.vendor == "postgresql"
        and db.settings_dict["OPTIONS"].get("prepare_threshold") is not None
    )


_kept = threading.local()  # this thread's cursor, on its connection


def _kept_cursor(conn: Any) -> Any:
    """A cursor on this connection, made once (making one cost a fifth of the statement)."""
    kept = getattr(_kept, "cursor", None)
    if kept is None or kept.connection is not conn:
        kept = _kept.cursor = _server_bound(conn)
    return kept


def _server_bound(conn: Any, logged: bool = False) -> Any:
    """A cursor binding on the server, reading rows in PostgreSQL's binary format: a time
    read as a number, not parsed from text (Django's loader for text parses it in Python).
    Its time zone is the connection's, UTC as Django sets it, the same
    ``datetime.timezone.utc`` Django's loader gives."""
    import psycopg

    cursor = (_logged_cursor() if logged else psycopg.Cursor)(conn)
    cursor.format = psycopg.pq.Format.BINARY
    return cursor


@cache
def _logged_cursor() -> Any:
    import psycopg

    class Logged(psycopg.Cursor):
        """psycopg's cursor, keeping the statement it ran where Django's query log reads it
        (``_query``: psycopg leaves it unset when it runs a prepared statement)."""

        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            done = super().execute(query, params, **kwargs)
            if self._query is None:
                self._query = self._convert_query(query, params)
            return done

    return Logged
