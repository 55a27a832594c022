"""The statements run on nearly every signed-in request, prepared once per connection on
PostgreSQL.

Django binds parameters in the client (their values written into the statement's text), so
PostgreSQL parses and plans every statement anew. For the signed-in floor (web/signed.py)
that planning cost four times the statement's run (EXPLAIN ANALYZE: 0.106 ms planning, 0.027
ms run). The few statements that go through :func:`cursor` are bound on the server instead,
and psycopg prepares each the first time a connection runs it; Django's own queries are
unchanged (its cursors never prepare). The setting ``ACUPRESSURE_PG_PREPARED=false`` turns
this off, for a connection pooler in transaction mode that cannot keep prepared statements
(PgBouncer before 1.21).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connection


def preparing() -> bool:
    """Whether this connection prepares the statements given to :func:`cursor`."""
    options = connection.settings_dict.get("OPTIONS", {})
    return connection.vendor == "postgresql" and options.get("prepare_threshold") is not None


def cursor() -> Any:
    """A cursor for one of the statements above (Django's wrapper, so the statement is
    counted and logged as any other): bound on the server where :func:`preparing`, Django's
    own cursor elsewhere. Use it as a context manager, as ``connection.cursor()``."""
    if not preparing():
        return connection.cursor()
    import psycopg  # only on PostgreSQL

    connection.ensure_connection()
    if connection.queries_logged:  # the tests, DEBUG
        return connection.make_debug_cursor(_logged_cursor()(connection.connection))
    raw: Any = psycopg.Cursor(connection.connection)
    return connection.make_cursor(raw)


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
