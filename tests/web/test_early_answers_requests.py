"""Request tricks against the early answers (web/personal.py, web/quick_checkin.py), for the
signed-in person's own pages and check-in: hosts and forwarded headers (a cached page must
hold its own request's host, never one an attacker chose), methods and path variants,
language cookies, CSRF tokens and origins over https, fields naming another account, and
the headers that keep a shared cache from storing an answer."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web.practice import signed_in
from tests.web.programs import make

from acupressure.records.models import CheckIn
from acupressure.web.edge import URLENCODED
from acupressure.web.security import PRIVATE

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = {"area": "neck", "pain": 4, "note": "from the early path"}


@pytest.fixture
def olivia(clock: FakeWallClock) -> User:
    return User.objects.create_user("olivia")


def _checkin(client: Client, form: dict[str, Any], **extra: Any) -> Any:
    return client.post("/diary/checkin/", urlencode(form), content_type=URLENCODED, **extra)


def _notes(person: User) -> list[str]:
    return list(CheckIn.objects.filter(owner=person).values_list("note", flat=True))


def test_a_cached_page_holds_its_own_requests_host_and_scheme(olivia: User) -> None:
    client = signed_in(olivia)
    program = make(client).pk
    assert client.post(f"/program/{program}/calendar/", {"action": "renew"}).status_code == 302
    path = f"/program/{program}/"
    for _ in range(2):  # made, then from the cache
        for host, secure, origin in (
            ("localhost", False, "http://localhost/"),
            ("127.0.0.1", False, "http://127.0.0.1/"),
            ("localhost:8000", False, "http://localhost:8000/"),
            ("localhost", True, "https://localhost/"),
        ):
            page = client.get(
                path, HTTP_HOST=host, HTTP_X_FORWARDED_HOST="evil.example", secure=secure
            )
            body = page.content.decode()
            assert page.status_code == 200 and f"{origin}calendar/" in body, (host, secure)
            feeds = set(re.findall(r"https?://[^/\"]+/calendar/", body))
            assert feeds == {f"{origin}calendar/"}, (host, secure)  # no other host's page
            assert "evil.example" not in body
    refused = client.get(path, HTTP_HOST="evil.example")
    assert refused.status_code == 400 and b"calendar" not in refused.content


def test_every_early_answer_is_private_and_varies_by_cookie(olivia: User) -> None:
    client = signed_in(olivia)
    program = make(client).pk
    answers = []
    for path in ("/diary/", f"/program/{program}/"):
        answers += [client.get(path), client.get(path, HTTP_ACCEPT_ENCODING="gzip")]
    answers += [_checkin(client, FORM), _checkin(client, FORM, HTTP_HX_REQUEST="true")]
    for answer in answers:
        assert answer["Cache-Control"] == PRIVATE
        assert "Cookie" in answer["Vary"]
        assert answer["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("method", ["head", "options", "get"])
def test_other_methods_and_path_variants_go_to_the_chain(olivia: User, method: str) -> None:
    client = signed_in(olivia)
    client.get("/diary/")
    anonymous = Client()
    for path in ("/diary/", "/diary", "/%64iary/", "/diary/?x=1", "/diary/checkin/"):
        assert getattr(anonymous, method)(path).status_code in (301, 302, 405), (method, path)
    assert client.get("/diary//").status_code == 404
    assert getattr(client, method)("/diary/checkin/").status_code == 405
    assert client.put("/diary/checkin/", urlencode(FORM), URLENCODED).status_code == 405
    assert client.post("/diary/checkin", urlencode(FORM), URLENCODED).status_code == 301
    assert client.post("/diary//checkin/", urlencode(FORM), URLENCODED).status_code == 404
    assert _notes(olivia) == []
    page = getattr(client, method)("/diary/")
    assert page.status_code == 200 and page["Cache-Control"] == PRIVATE


def test_fields_naming_another_account_write_only_ones_own(olivia: User) -> None:
    sam = User.objects.create_user("sam")
    client = signed_in(olivia)
    form = {**FORM, "owner": sam.pk, "owner_id": sam.pk, "user": sam.pk, "client": sam.pk}
    for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
        assert _checkin(client, form, **extra).status_code in (200, 302)
    assert _notes(olivia) == [FORM["note"]] and _notes(sam) == []
    sent = _checkin(client, form, QUERY_STRING=f"client={sam.pk}")
    assert sent.status_code == 302 and _notes(sam) == []


def test_the_language_cookie_never_overrides_the_stored_choice(olivia: User) -> None:
    client = signed_in(olivia)
    assert client.post("/language/", {"language": "es", "next": "/diary/"}).status_code == 302
    assert '<html lang="es">' in client.get("/diary/").content.decode()  # cached in Spanish
    for cookie in ("en", "zh-hans", "xx", ""):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
        page = client.get("/diary/")
        assert '<html lang="es">' in page.content.decode(), cookie
        assert page["Content-Language"] == "es"
        assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"  # set back
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
        said = _checkin(client, FORM, HTTP_HX_REQUEST="true")
        assert "Guardado" in said.content.decode(), cookie


def _token(client: Client, **extra: Any) -> str:
    found = TOKEN.search(client.get("/diary/", **extra).content.decode())
    assert found
    return found[1]


def test_another_persons_token_is_refused_and_nothing_is_written(olivia: User) -> None:
    sam = User.objects.create_user("sam")
    her, him = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    her.force_login(olivia)
    him.force_login(sam)
    _token(her)  # her CSRF cookie is set
    theirs = _token(him)
    for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
        sent = _checkin(her, {**FORM, "csrfmiddlewaretoken": theirs}, **extra)
        assert sent.status_code == 403
        sent = _checkin(her, FORM, HTTP_X_CSRFTOKEN=theirs, **extra)
        assert sent.status_code == 403
    assert _notes(olivia) == [] and _notes(sam) == []


HTTPS = {"secure": True, "HTTP_HOST": "localhost"}


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://localhost"},  # the right host, the wrong scheme
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/diary/"},
        {"HTTP_REFERER": "http://localhost/diary/"},
        {},  # neither: https needs one
    ],
)
def test_over_https_a_foreign_origin_or_referer_is_refused(
    olivia: User, headers: dict[str, str]
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(olivia)
    token = _token(client, **HTTPS)
    form = {**FORM, "csrfmiddlewaretoken": token}
    for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
        assert _checkin(client, form, **HTTPS, **headers, **extra).status_code == 403
    assert _notes(olivia) == []
    sent = _checkin(client, form, **HTTPS, HTTP_ORIGIN="https://localhost")
    assert sent.status_code == 302 and _notes(olivia) == [FORM["note"]]


def test_over_http_a_foreign_origin_is_refused_too(olivia: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(olivia)
    form = {**FORM, "csrfmiddlewaretoken": _token(client)}
    for origin in ("http://evil.example", "https://testserver", "null"):
        assert _checkin(client, form, HTTP_ORIGIN=origin).status_code == 403, origin
    assert _notes(olivia) == []
    assert _checkin(client, form, HTTP_ORIGIN="http://testserver").status_code == 302
    assert _notes(olivia) == [FORM["note"]]


def test_two_session_cookies_in_one_header_are_read_as_django_reads_them(olivia: User) -> None:
    """Django keeps the last of two cookies of one name; the early answers read the same
    request.COOKIES, so a stranger's cookie beside hers never mixes the two."""
    sam = User.objects.create_user("sam")
    her, him = signed_in(olivia), signed_in(sam)
    _checkin(her, FORM)
    her.get("/diary/")
    keys = (
        her.cookies[settings.SESSION_COOKIE_NAME].value,
        him.cookies[settings.SESSION_COOKIE_NAME].value,
    )
    for first, last, shown in ((keys[0], keys[1], False), (keys[1], keys[0], True)):
        name = settings.SESSION_COOKIE_NAME
        both = Client(HTTP_COOKIE=f"{name}={first}; {name}={last}")
        page = both.get("/diary/")
        assert page.status_code == 200
        assert (FORM["note"] in page.content.decode()) is shown
        both_write = _checkin(both, {**FORM, "area": "shoulders", "note": f"last was {shown}"})
        assert both_write.status_code == 302
    assert sorted(_notes(olivia)) == [FORM["note"], "last was True"]
    assert _notes(sam) == ["last was False"]


def test_a_nul_smuggled_in_another_charset_is_never_written(olivia: User) -> None:
    """UTF-7 spells NUL "+AAA-": no NUL byte and no %00 in the body for the edge to find,
    but the decoded note would hold one (PostgreSQL refuses it: a 500)."""
    client = signed_in(olivia)
    body = "area=neck&pain=4&note=a%2BAAA-b"
    for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
        sent = client.post("/diary/checkin/", body, f"{URLENCODED}; charset=utf-7", **extra)
        assert sent.status_code == 400
    assert _notes(olivia) == []


def test_a_multipart_body_without_its_token_is_refused(olivia: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(olivia)
    _token(client)
    assert client.post("/diary/checkin/", FORM).status_code == 403  # multipart, no token
    assert _notes(olivia) == []
