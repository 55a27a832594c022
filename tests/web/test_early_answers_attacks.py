"""Attacks on the early answers (web/signed.py, web/personal.py, web/quick_checkin.py): they
skip Django's session, authentication, CSRF and locale middleware, so every persona and
every trick a reviewer would try is tried here against them. Each test asserts the safe
outcome: a sign-in redirect, a 404 or 403, nothing written, nobody else's data in the body.

The client P-17 (tests/web/practice.py ``make_practice``) checks in a private note and has
her own pages cached; the others (her consented practitioner, who may not read her notes,
another practitioner, a former one, a pending one, a superuser, a stranger, anonymous) then
try to read or write them, each also with this worker's hint poisoned to name her."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from tests.doubles import FakeWallClock
from tests.web.practice import Practice, make_practice_with_every_persona, signed_in

from acupressure.records.models import CheckIn
from acupressure.web import signed
from acupressure.web.edge import URLENCODED
from acupressure.web.security import PRIVATE

pytestmark = pytest.mark.django_db
SECRET = "p17-private-note-4711"
SESSION = settings.SESSION_COOKIE_NAME
OTHERS = ("practitioner", "other", "former", "pending", "superuser", "stranger", "anonymous")


@pytest.fixture
def practice(clock: FakeWallClock) -> Practice:
    return make_practice_with_every_persona()


def _checkin(client: Client, form: dict[str, Any], **extra: Any) -> Any:
    return client.post("/diary/checkin/", urlencode(form), content_type=URLENCODED, **extra)


def _own_pages_cached(practice: Practice) -> tuple[Client, list[str]]:
    """P-17 checks in her secret and views her pages twice: the second answer is early."""
    her = signed_in(practice.client)
    assert _checkin(her, {"area": "neck", "pain": 5, "note": SECRET}).status_code == 302
    paths = ["/diary/", f"/program/{practice.program.pk}/"]
    for path in paths:
        assert her.get(path).status_code == 200
        with CaptureQueriesContext(connection) as seen:
            again = her.get(path)
        assert again.status_code == 200 and len(seen.captured_queries) == 1  # early
        assert again["Cache-Control"] == PRIVATE and "Cookie" in again["Vary"]
    assert SECRET in her.get("/diary/").content.decode()
    return her, paths


def _her_rows(practice: Practice) -> list[tuple[Any, ...]]:
    return list(CheckIn.objects.filter(owner=practice.client).values_list("area", "pain", "note"))


def _as(practice: Practice, who: str, poison_for: int | None) -> Client:
    client = practice.as_(who)
    key = client.cookies[SESSION].value if SESSION in client.cookies else ""
    if poison_for is not None and key:
        signed._hints[key] = poison_for  # as if this worker had seen the key with her account
    return client


@pytest.mark.parametrize("who", OTHERS)
@pytest.mark.parametrize("poisoned", [False, True], ids=["plain", "hint-poisoned"])
def test_nobody_else_reads_or_writes_her_cached_pages(
    practice: Practice, who: str, poisoned: bool
) -> None:
    _, paths = _own_pages_cached(practice)
    before = _her_rows(practice)
    client = _as(practice, who, practice.client.pk if poisoned else None)
    for _round in range(2):  # the second round would be the early answer if one were cached
        for path in (*paths, f"/diary/?client={practice.client.pk}", "/%64iary/"):
            response = client.get(path)
            assert SECRET not in response.content.decode(), (who, path)
            if who == "anonymous":
                assert response.status_code == 302 and "/signin/" in response["Location"]
            else:  # their own diary; hers only for her practitioner (her notes not shared)
                shown = "/program/" not in path and ("client=" not in path or who == "practitioner")
                assert response.status_code == (200 if shown else 404), (who, path)
        sent = _checkin(client, {"area": "neck", "pain": 9, "note": f"by {who}"})
        assert sent.status_code == 302
    assert _her_rows(practice) == before
    if who != "anonymous":  # what each wrote went to their own diary only
        mine = CheckIn.objects.filter(owner=getattr(practice, who))
        assert list(mine.values_list("note", flat=True)) == [f"by {who}"]


def test_two_sessions_used_in_turn_on_one_worker_each_get_their_own(practice: Practice) -> None:
    her, _ = _own_pages_cached(practice)
    him = signed_in(practice.stranger)
    _checkin(him, {"area": "shoulders", "pain": 2, "note": "sam-note-0815"})
    keys = her.cookies[SESSION].value, him.cookies[SESSION].value
    for turn in range(6):
        signed._hints[keys[turn % 2]] = (practice.stranger.pk, practice.client.pk)[turn % 2]
        mine, theirs = her.get("/diary/").content.decode(), him.get("/diary/").content.decode()
        assert SECRET in mine and "sam-note-0815" not in mine
        assert "sam-note-0815" in theirs and SECRET not in theirs
    swapped = Client()  # her session key in his browser: she is who the session names
    swapped.cookies[SESSION] = keys[0]
    assert SECRET in swapped.get("/diary/").content.decode()


def _ended(practice: Practice, her: Client, end: str) -> None:
    key = her.cookies[SESSION].value
    if end == "flushed":  # signed out in another browser: the row is gone
        Session.objects.filter(pk=key).delete()
    elif end == "expired":
        Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    elif end == "tampered":  # the stored text altered: its signature fails
        row = Session.objects.get(pk=key)
        tail = "AAA" if row.session_data[-3:] != "AAA" else "BBB"
        Session.objects.filter(pk=key).update(session_data=row.session_data[:-3] + tail)
    elif end == "another user's id":  # re-encoded with the secret to name the stranger
        forged = SessionStore().decode(Session.objects.get(pk=key).session_data)
        forged["_auth_user_id"] = str(practice.stranger.pk)
        Session.objects.filter(pk=key).update(session_data=SessionStore().encode(forged))
    elif end == "password changed":
        practice.client.set_password("a new password 4711")
        practice.client.save()
    elif end == "deactivated":
        User.objects.filter(pk=practice.client.pk).update(is_active=False)
    elif end == "other backend":
        data = SessionStore().decode(Session.objects.get(pk=key).session_data)
        data["_auth_user_backend"] = "axes.backends.AxesStandaloneBackend"
        Session.objects.filter(pk=key).update(session_data=SessionStore().encode(data))


ENDS = ("flushed", "expired", "tampered", "password changed", "deactivated")


@pytest.mark.parametrize("end", ENDS)
def test_an_ended_session_gets_no_cached_page_and_writes_nothing(
    practice: Practice, end: str
) -> None:
    her, paths = _own_pages_cached(practice)
    before = _her_rows(practice)
    _ended(practice, her, end)
    for path in paths:
        response = her.get(path)
        assert response.status_code == 302 and "/signin/" in response["Location"], (end, path)
    sent = _checkin(her, {"area": "neck", "pain": 1, "note": "after the end"})
    assert sent.status_code == 302 and "/signin/" in sent["Location"]
    assert _her_rows(practice) == before


def test_a_forged_session_naming_another_account_is_not_that_account(practice: Practice) -> None:
    """A session re-encoded to name the stranger (only someone holding the secret key could):
    its hash was made from her password, so it is nobody, early or late."""
    her, _ = _own_pages_cached(practice)
    _ended(practice, her, "another user's id")
    assert her.get("/diary/").status_code == 302
    assert _checkin(her, {"area": "neck", "pain": 1}).status_code == 302
    assert not CheckIn.objects.filter(owner=practice.stranger).exists()


def test_a_session_through_another_backend_is_left_to_django(practice: Practice) -> None:
    her, _ = _own_pages_cached(practice)
    _ended(practice, her, "other backend")
    request = RequestFactory().get("/diary/")
    request.COOKIES[SESSION] = her.cookies[SESSION].value
    assert signed.signed_in(request) is None  # not answered early; Django decides


def test_a_deleted_accounts_id_given_again_gets_none_of_its_pages(practice: Practice) -> None:
    her, _ = _own_pages_cached(practice)
    old = practice.client
    pk, joined = old.pk, old.date_joined
    old.delete()
    assert her.get("/diary/").status_code == 302
    newcomer = User.objects.create(pk=pk, username="newcomer", date_joined=joined)
    newcomer.set_unusable_password()
    newcomer.save()
    assert her.get("/diary/").status_code == 302  # the old session: another password hash
    assert _checkin(her, {"area": "neck", "pain": 1}).status_code == 302
    fresh = signed_in(newcomer)
    for _ in range(2):
        page = fresh.get("/diary/")
        assert page.status_code == 200 and SECRET not in page.content.decode()
    assert not CheckIn.objects.filter(owner_id=pk).exists()


def test_a_session_key_planted_before_sign_in_is_not_the_signed_in_one(
    practice: Practice,
) -> None:
    person = User.objects.create_user("vic", password="a long password 4711")
    planted = SessionStore()
    planted["note"] = "the attacker's"
    planted.create()
    victim = Client()
    victim.cookies[SESSION] = planted.session_key
    signin = victim.post("/signin/", {"username": "vic", "password": "a long password 4711"})
    assert signin.status_code == 302
    assert victim.cookies[SESSION].value != planted.session_key
    _checkin(victim, {"area": "neck", "pain": 3, "note": "vic-note-1234"})
    assert "vic-note-1234" in victim.get("/diary/").content.decode()
    attacker = Client()
    attacker.cookies[SESSION] = planted.session_key
    for _ in range(2):
        assert attacker.get("/diary/").status_code == 302
    assert _checkin(attacker, {"area": "neck", "pain": 9}).status_code == 302
    assert list(CheckIn.objects.filter(owner=person).values_list("pain", flat=True)) == [3]
