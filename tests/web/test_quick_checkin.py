"""The check-in's quick path (web/quick_checkin.py): its answer is the view's answer, byte for
byte and header for header, it leaves the same rows, and everything but the plain success
goes on to the view (a refused token, a form error, a limit reached, a signed-out or stale
session, a language cookie out of step), answered there as before."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.http import QueryDict
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from tests.doubles import FakeWallClock
from tests.web.practice import signed_in

from acupressure.records.models import CheckIn
from acupressure.records.records_version import version
from acupressure.web.edge import URLENCODED
from acupressure.web.forms import CheckInForm, valid_data

pytestmark = pytest.mark.django_db
QUICK = "acupressure.web.quick_checkin.CheckInMiddleware"
HX = {"HTTP_HX_REQUEST": "true"}
settings_for_hypothesis = hypothesis_settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def olivia(clock: FakeWallClock) -> User:
    return User.objects.create_user("olivia")


def _headers(response: Any) -> dict[str, str]:
    found = {k: v for k, v in response.items() if k not in {"Date", "Set-Cookie"}}
    found["Vary"] = ", ".join(sorted(v.strip() for v in found.get("Vary", "").split(",")))
    return found


def _rows(person: User) -> list[tuple[Any, ...]]:
    return list(
        CheckIn.objects.filter(owner=person).values_list("day", "area", "pain", "note").order_by()
    )


def _pair(person: User) -> tuple[Client, Client]:
    """Two browsers of the person's: one through the whole chain as without the quick path
    (a test client keeps the middleware it first ran with), one with it."""
    with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if m != QUICK]):
        slow = signed_in(person)
        slow.get("/diary/")
    return slow, signed_in(person)


def _post(client: Client, form: dict[str, Any], path: str = "/diary/checkin/", **extra: Any) -> Any:
    """The form as a browser and htmx send it, URL-encoded (a multipart body goes on to the
    chain, whose NUL check reads its fields)."""
    return client.post(path, urlencode(form), content_type=URLENCODED, **extra)


def _send(clients: tuple[Client, Client], form: dict[str, Any], quick: bool, **extra: Any) -> Any:
    return _post(clients[quick], form, **extra)


@pytest.mark.parametrize("extra", [HX, {}], ids=["htmx", "plain form"])
def test_the_quick_answer_is_the_views_answer(olivia: User, extra: dict[str, str]) -> None:
    client = _pair(olivia)
    slow = _send(client, {"area": "neck", "pain": 6}, False, **extra)
    with CaptureQueriesContext(connection) as quick:
        fast = _send(client, {"area": "neck", "pain": 6}, True, **extra)
    assert not any('"auth_user"."username"' in q["sql"] for q in quick.captured_queries)
    assert fast.status_code == slow.status_code == (200 if extra else 302)
    assert fast.content == slow.content
    assert _headers(fast) == _headers(slow)
    assert _rows(olivia)[0][1:] == ("neck", 6, "")
    before = version(olivia.pk)
    with CaptureQueriesContext(connection) as seen:
        _send(client, {"area": "shoulders", "pain": 3, "note": "après le vol"}, True, **extra)
    assert version(olivia.pk) != before
    assert sorted(r[1:] for r in _rows(olivia)) == [
        ("neck", 6, ""),
        ("shoulders", 3, "après le vol"),
    ]
    sql = " ".join(q["sql"] for q in seen.captured_queries)
    assert "auth_user" in sql and "django_session" in sql  # its own two, then the write's
    assert len(seen.captured_queries) <= 9


def test_it_answers_in_the_persons_language(olivia: User) -> None:
    client = _pair(olivia)
    assert client[1].post("/language/", {"language": "es", "next": "/diary/"}).status_code == 302
    answers = [_send(client, {"area": "neck", "pain": 4}, q, **HX) for q in (False, True)]
    assert answers[0].content == answers[1].content
    assert "Guardado" in answers[1].content.decode()
    assert answers[1]["Content-Language"] == "es"
    fresh = Client()  # another browser of hers, without the language cookie: the chain sets it
    fresh.force_login(olivia)
    sent = _post(fresh, {"area": "neck", "pain": 5}, **HX)
    assert "Guardado" in sent.content.decode()
    assert sent.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"


def test_a_missing_or_wrong_token_is_refused_once_by_the_chain(
    olivia: User, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(olivia)
    for form in (
        {"area": "neck", "pain": 4},
        {"area": "neck", "pain": 4, "csrfmiddlewaretoken": "x" * 64},
    ):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
            refused = _post(client, form, **HX)
        assert refused.status_code == 403
        assert len([r for r in caplog.records if "CSRF" in r.getMessage()]) == 1
    assert _rows(olivia) == []
    token = TOKEN.search(client.get("/diary/").content.decode())
    assert token
    sent = client.post(
        "/diary/checkin/", {"area": "neck", "pain": 4, "csrfmiddlewaretoken": token[1]}, **HX
    )
    assert sent.status_code == 200 and len(_rows(olivia)) == 1


@pytest.mark.parametrize(
    "form", [{"area": "neck", "pain": 11}, {"area": "hips", "pain": 2}, {"pain": 2}]
)
def test_a_form_error_is_the_views_answer(olivia: User, form: dict[str, Any]) -> None:
    client = _pair(olivia)
    for extra in (HX, {}):
        answers = [_send(client, form, q, **extra) for q in (False, True)]
        assert answers[0].status_code == answers[1].status_code == 400
        assert TOKEN.sub("", answers[0].content.decode()) == TOKEN.sub(
            "", answers[1].content.decode()
        )
    assert _rows(olivia) == []


@override_settings(CREATION_LIMITS={"sessions": 3, "check-ins": 1, "programs": 2})
def test_a_limit_reached_is_the_views_429_with_nothing_written(olivia: User) -> None:
    client = signed_in(olivia)
    assert _post(client, {"area": "neck", "pain": 4}, **HX).status_code == 200
    refused = _post(client, {"area": "shoulders", "pain": 4}, **HX)
    assert refused.status_code == 429 and "check-ins" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    changed = _post(client, {"area": "neck", "pain": 1}, **HX)  # not a new one
    assert changed.status_code == 200
    assert _rows(olivia)[0][1:3] == ("neck", 1) and len(_rows(olivia)) == 1


def test_only_a_live_session_of_an_active_account_checks_in(olivia: User) -> None:
    client = signed_in(olivia)
    stranger = Client()
    stranger.cookies["sessionid"] = client.cookies["sessionid"].value + "x"
    assert _post(stranger, {"area": "neck", "pain": 4}).status_code == 302
    assert Client().post("/diary/checkin/", {"area": "neck", "pain": 4}).status_code == 302
    User.objects.filter(pk=olivia.pk).update(is_active=False)
    assert _post(client, {"area": "neck", "pain": 4}).status_code == 302
    User.objects.filter(pk=olivia.pk).update(is_active=True)
    olivia.set_password("a new password 4711")  # signs out every other session
    olivia.save()
    assert _post(client, {"area": "neck", "pain": 4}).status_code == 302
    assert _rows(olivia) == []


def test_with_a_query_string_or_a_message_waiting_the_view_answers(olivia: User) -> None:
    client = signed_in(olivia)
    sent = _post(client, path="/diary/checkin/?x=1", form={"area": "neck", "pain": 4}, **HX)
    assert sent.status_code == 200
    assert hasattr(sent.wsgi_request, "session")  # SessionMiddleware ran: the chain answered
    multipart = client.post("/diary/checkin/", {"area": "shoulders", "pain": 2})
    assert multipart.status_code == 302  # the chain's answer, its NUL check on the fields
    refused = client.post("/diary/checkin/", {"area": "neck", "pain": 2, "note": "a\x00b"})
    assert refused.status_code == 400
    assert sorted(r[1:3] for r in _rows(olivia)) == [("neck", 4), ("shoulders", 2)]
    encoded = _post(client, {"area": "neck", "pain": 2, "note": "a\x00b"}, **HX)
    assert encoded.status_code == 400  # refused at the edge, before the quick path
    assert sorted(r[1:3] for r in _rows(olivia)) == [("neck", 4), ("shoulders", 2)]


@given(
    area=st.sampled_from(["neck", "shoulders", "lower-back", "upper-back", "hips", "", "NECK"]),
    pain=st.one_of(st.integers(-3, 14).map(str), st.text(max_size=4), st.just(" 7 ")),
    note=st.one_of(st.text(max_size=520), st.just("  spaced  ")),
    drop=st.sampled_from(["", "area", "pain", "note"]),
)
@settings_for_hypothesis
def test_the_quick_check_is_the_forms_check(area: str, pain: str, note: str, drop: str) -> None:
    data = QueryDict(mutable=True)
    for name, value in (("area", area), ("pain", pain), ("note", note)):
        if name != drop:
            data[name] = value
    form = CheckInForm(data)
    assert valid_data(CheckInForm, data) == (form.cleaned_data if form.is_valid() else None)


def test_a_check_in_is_one_statement_on_postgresql_after_the_session(olivia: User) -> None:
    """PostgreSQL: the check, the row, the version and the list rows in one statement (a
    round trip each cost as much as the work); SQLite runs them one by one in the process."""
    client = signed_in(olivia)
    _post(client, {"area": "shoulders", "pain": 1}, **HX)  # the worker now knows the session
    for pain, new in ((2, True), (5, False)):  # a new row (the limit counted), then a change
        with CaptureQueriesContext(connection) as seen:
            assert _post(client, {"area": "neck", "pain": pain}, **HX).status_code == 200
        writes = [q["sql"] for q in seen.captured_queries if "django_session" not in q["sql"]]
        if connection.vendor == "postgresql":
            assert len(writes) == 1 and "INSERT INTO" in writes[0], writes
        else:
            assert any("count(" in w.lower() for w in writes) == new, writes
        assert ("neck", pain) in [r[1:3] for r in _rows(olivia)]
