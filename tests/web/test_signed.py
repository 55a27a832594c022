"""Who is signed in, read before Django's middleware (web/signed.py): one statement once a
worker knows a session's account, and the remembered account is a hint only: the session's
own data decides, as Django's authentication would."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import DatabaseError, connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from acupressure.records import prepared
from acupressure.web import signed

pytestmark = pytest.mark.django_db


def _session_of(person: User) -> str:
    client = Client()
    client.force_login(person)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _who(key: str) -> tuple[signed.Signed | None, int]:
    request = RequestFactory().get("/diary/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = key
    with CaptureQueriesContext(connection) as seen:
        found = signed.signed_in(request)
    return found, len(seen.captured_queries)


def test_one_statement_once_the_worker_knows_the_session() -> None:
    olivia = User.objects.create_user("olivia")
    key = _session_of(olivia)
    first, statements = _who(key)
    assert first is not None and first.user_id == olivia.pk and statements == 2
    again, statements = _who(key)
    assert again == first and statements == 1


def test_a_wrong_hint_is_never_trusted() -> None:
    olivia, sam = User.objects.create_user("olivia"), User.objects.create_user("sam")
    key = _session_of(olivia)
    signed._hints[key] = sam.pk  # as if this worker had seen the key with Sam's account
    found, statements = _who(key)
    assert found is not None and found.user_id == olivia.pk  # the session's own account
    assert statements == 3  # the joined read refused, then the session and its account
    assert signed._hints[key] == olivia.pk
    assert _who(key)[1] == 1


def test_an_ended_session_or_a_changed_account_is_not_signed_in() -> None:
    olivia = User.objects.create_user("olivia", password="a first password 4711")
    key = _session_of(olivia)
    assert _who(key)[0] is not None
    User.objects.filter(pk=olivia.pk).update(is_active=False)
    assert _who(key)[0] is None
    User.objects.filter(pk=olivia.pk).update(is_active=True)
    olivia.set_password("a new password 4711")  # the session's hash no longer matches
    olivia.save()
    assert _who(key)[0] is None
    key = _session_of(olivia)
    assert _who(key)[0] is not None
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert _who(key)[0] is None
    key = _session_of(olivia)
    assert _who(key)[0] is not None
    olivia.delete()
    assert _who(key)[0] is None
    assert _who("x" * 32)[0] is None


def test_the_floor_statement_is_prepared_once_per_connection_on_postgresql() -> None:
    """PostgreSQL plans a statement bound in the client anew each time (planning cost four
    times the floor statement's run): the floor's statements are bound on the server and
    prepared once by the connection, then only run. SQLite has nothing to prepare."""
    olivia = User.objects.create_user("olivia")
    key = _session_of(olivia)
    for _ in range(3):  # the first reading: the session, then its account; then joined
        assert _who(key)[0] is not None
    if connection.vendor != "postgresql":
        assert not prepared.preparing()
        return
    assert prepared.preparing()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            ["%django_session%"],
        )
        runs = dict(cursor.fetchall())
    joined = [count for sql, count in runs.items() if "auth_user" in sql and "JOIN" in sql]
    assert joined == [2], runs  # prepared once, run twice


@pytest.mark.parametrize("logged", [False, True], ids=["served", "query log"])
def test_a_failing_statement_is_djangos_error_and_marks_the_connection(logged: bool) -> None:
    """The statement runs outside Django's cursor when not logged (its wrapper cost a third
    of the statement): a failure must still come as Django's error and mark the connection,
    so the request's end checks it before the next request uses it."""
    connection.errors_occurred = False
    with pytest.raises(DatabaseError) as failed, transaction.atomic():
        if logged:
            with CaptureQueriesContext(connection):
                prepared.fetch_one("SELECT * FROM no_such_table WHERE 1 = %s", [1])
        else:
            prepared.fetch_one("SELECT * FROM no_such_table WHERE 1 = %s", [1])
    assert type(failed.value).__module__ == "django.db.utils"
    assert connection.errors_occurred
    assert prepared.fetch_one("SELECT %s", [7]) in ((7,), ("7",))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("logged", [False, True], ids=["served", "query log"])
def test_a_prepared_statement_survives_a_column_changed_by_another_connection(
    logged: bool,
) -> None:
    """PostgreSQL refuses a prepared statement whose columns changed type since ("cached plan
    must not change result type"), on that connection until it closes: a migration run
    while workers serve would break their signed-in pages. The statement is prepared anew."""
    if not prepared.preparing():
        pytest.skip("SQLite prepares nothing that could be refused (records/prepared.py)")
    import psycopg

    other = psycopg.connect(**connection.get_connection_params(), autocommit=True)
    try:
        other.execute("CREATE TABLE prepared_probe (id int PRIMARY KEY, name varchar(10))")
        other.execute("INSERT INTO prepared_probe VALUES (1, 'first')")
        sql = "SELECT p.id, p.name FROM prepared_probe p WHERE p.id = %s"
        with CaptureQueriesContext(connection) if logged else nullcontext():
            assert prepared.fetch_one(sql, [1]) == (1, "first")
            assert prepared.fetch_one(sql, [1]) == (1, "first")  # run as prepared
            other.execute("ALTER TABLE prepared_probe ALTER COLUMN name TYPE varchar(20)")
            assert prepared.fetch_one(sql, [1]) == (1, "first")
            assert prepared.fetch_one(sql, [1]) == (1, "first")
    finally:
        other.execute("DROP TABLE IF EXISTS prepared_probe")
        other.close()
