"""One's own /diary/ and /program/<id>/, made once per records version (web/personal.py):
every write shows at once on the next view, nobody ever gets another person's page, and the
queries do not grow with the diary. The clock stands still in these tests, so only the
records version can make a page new."""

from __future__ import annotations

import functools
import gzip
import inspect
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import brotli
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver
from tests.doubles import FakeWallClock
from tests.web import programs
from tests.web.diary_data import fill
from tests.web.personas import answered_early
from tests.web.practice import form_for, item, make_practice, practise, signed_in
from tests.web.programs import make

from acupressure.records.models import PracticeSession, PractitionerProfile
from acupressure.records.practice import add_practitioner
from acupressure.records.records_version import bump, version
from acupressure.web import pagecache
from acupressure.web.personal import ROLE_PAGE

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as seen:
        _page(client, path)
    return len(seen.captured_queries)


@pytest.fixture
def olivia(clock: FakeWallClock) -> tuple[User, Client, int]:
    person = User.objects.create_user("olivia")
    client = signed_in(person)
    return person, client, make(client).pk


def test_a_check_in_shows_at_once(olivia: tuple[User, Client, int]) -> None:
    _, client, _ = olivia
    assert "stiff after the drive" not in _page(client, "/diary/")
    _page(client, "/diary/")  # now from the cache
    sent = client.post(
        "/diary/checkin/", {"area": "neck", "pain": 6, "note": "stiff after the drive"}
    )
    assert sent.status_code == 302
    assert "stiff after the drive" in _page(client, "/diary/")
    client.post("/diary/checkin/", {"area": "neck", "pain": 2, "note": "better by noon"})
    page = _page(client, "/diary/")  # the same day and area: the row changed in place
    assert "better by noon" in page and "stiff after the drive" not in page


def test_a_new_session_shows_at_once(olivia: tuple[User, Client, int]) -> None:
    _, client, program = olivia
    path = f"/program/{program}/"
    assert _page(client, "/diary/").count('class="session-row"') == 0
    before = _page(client, path)
    practise(client, program, before=5, after=3)
    diary = _page(client, "/diary/")
    assert diary.count('class="session-row"') == 1
    assert "<td>5</td><td>3</td>" in diary  # pain before and after, as finished
    assert _page(client, path) != before  # today's session done
    programs.start(client)  # a session from a plan, outside the program
    assert _page(client, "/diary/").count('class="session-row"') == 1  # not started yet
    session = PracticeSession.objects.latest("id")
    assert client.post(f"/session/{session.pk}/pain/", {"pain": 7}).status_code == 200
    assert _page(client, "/diary/").count('class="session-row"') == 2


def test_a_program_change_shows_at_once(olivia: tuple[User, Client, int]) -> None:
    _, client, program = olivia
    path = f"/program/{program}/"
    assert "Resume this program" not in _page(client, path)
    assert client.post(f"/program/{program}/stop/").status_code == 302
    client.get(path)  # the page that shows the "stopped" messages is made afresh
    assert "Resume this program" in _page(client, path)  # and the next one is new too
    assert client.post(f"/program/{program}/resume/").status_code == 302
    client.get(path)
    assert "Resume this program" not in _page(client, path)
    assert client.post(f"/program/{program}/calendar/", {"action": "renew"}).status_code == 302
    assert "/calendar/" in _page(client, path) and ".ics" in _page(client, path)
    client.post(f"/program/{program}/calendar/", {"action": "revoke"})
    assert "The calendar address is off." in _page(client, path)


def test_a_prescription_and_a_practitioners_reading_show_at_once(clock: FakeWallClock) -> None:
    practice = make_practice()
    person = signed_in(practice.client)
    path = f"/program/{practice.program.pk}/"
    before = _page(person, path)
    diary = _page(person, "/diary/")
    said = "KI27: 120 s x 3 is now 120 s x 4."
    assert said not in before
    ana = signed_in(practice.practitioner)
    changed = ana.post(
        f"/clients/{practice.link.pk}/prescribe/",
        form_for([item("KI27", 120, 4), item("TE3", 4, 1)]),
    )
    assert changed.status_code == 302, re.findall(
        r"role=\"alert\">([^<]*)", changed.content.decode()
    )
    assert said in _page(person, path)  # the new version and what it changed
    # the practitioner reads the client's diary: the client's own diary lists it at once
    assert ana.get(f"/diary/?client={practice.client.pk}").status_code == 200
    assert _page(person, "/diary/") != diary
    # and the client list (its access log is one INSERT ... SELECT, with the trigger)
    now = _page(person, "/diary/")
    assert ana.get("/clients/").status_code == 200
    assert _page(person, "/diary/") != now


def test_a_language_switch_shows_at_once(olivia: tuple[User, Client, int]) -> None:
    _, client, program = olivia
    for path in ("/diary/", f"/program/{program}/"):
        assert '<html lang="en">' in _page(client, path)
    switched = client.post("/language/", {"language": "es", "next": "/diary/"})
    assert switched.status_code == 302
    fresh = Client()  # another browser of hers, without the language cookie
    fresh.force_login(olivia[0])
    for path in ("/diary/", f"/program/{program}/"):
        assert '<html lang="es">' in _page(client, path)
        assert '<html lang="es">' in _page(fresh, path)  # her stored choice


def test_nobody_gets_another_persons_page(olivia: tuple[User, Client, int]) -> None:
    person, client, program = olivia
    client.post("/diary/checkin/", {"area": "neck", "pain": 6, "note": "only olivia's"})
    assert "only olivia&#x27;s" in _page(client, "/diary/")
    _page(client, f"/program/{program}/")
    sam = User.objects.create_user("sam")
    other = signed_in(sam)
    assert "only olivia" not in _page(other, "/diary/")
    assert other.get(f"/program/{program}/").status_code == 404
    # one browser: she signs out, he signs in
    client.post("/signout/")
    assert client.get("/diary/").status_code == 302  # to the sign-in page
    assert client.get(f"/program/{program}/").status_code == 302
    client.force_login(sam)
    assert "only olivia" not in _page(client, "/diary/")
    assert client.get(f"/program/{program}/").status_code == 404
    client.force_login(person)
    assert "only olivia&#x27;s" in _page(client, "/diary/")


def test_a_cached_page_comes_compressed_with_a_working_token(
    olivia: tuple[User, Client, int],
) -> None:
    person, _, program = olivia
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    for path in ("/diary/", f"/program/{program}/"):
        plain = _page(client, path)
        packed = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
        assert packed["Content-Encoding"] == "gzip"  # gzip around the tokens, not brotli
        text = gzip.decompress(packed.content).decode()
        assert TOKEN.sub("", text) == TOKEN.sub("", plain)
        assert "csrf-token-placeholder" not in text
    token = TOKEN.search(text)
    assert token
    sent = client.post(
        "/diary/checkin/",
        {
            "area": "neck",
            "pain": 3,
            "note": "sent from a cached page",
            "csrfmiddlewaretoken": token[1],
        },
    )
    assert sent.status_code == 302
    assert "sent from a cached page" in _page(client, "/diary/")


def _sizes(person: User, program: int, add: Callable[[int], None]) -> dict[str, list[int]]:
    client = signed_in(person)
    _page(client, "/diary/")  # the worker now knows the session's account (web/signed.py)
    found: dict[str, list[int]] = {}
    for days in (5, 200):
        add(days)
        bump([person.pk])  # the bulk insert of the test's filler saves no row one by one
        for path in ("/diary/", f"/program/{program}/"):
            found.setdefault(path, []).extend([_queries(client, path), _queries(client, path)])
    return found


def test_own_pages_take_the_same_queries_whatever_the_diary_size(
    olivia: tuple[User, Client, int], clock: FakeWallClock
) -> None:
    person, _, program = olivia
    made = [0]

    def add(days: int) -> None:  # 5 days, then 195 more, before the clock's day
        fill(person.pk, clock() - timedelta(days=days + made[0]), days - made[0], program)
        made[0] = days

    found = _sizes(person, program, add)
    for path, (made_small, hit_small, made_large, hit_large) in found.items():
        assert made_small == made_large, path  # made afresh: constant in the diary's size
        assert hit_small == hit_large, path  # from the cache: the same few queries
        assert hit_large < made_large, path
        assert hit_large == 1, path  # the session with its account, language and version


def test_a_records_version_changes_with_every_write(olivia: tuple[User, Client, int]) -> None:
    person, client, _ = olivia
    seen = {version(person.pk)}
    for pain in (1, 2, 3):
        client.post("/diary/checkin/", {"area": "neck", "pain": pain})
        seen.add(version(person.pk))
    assert len(seen) == 4


def _headers(response: Any) -> dict[str, str]:
    skip = {"Set-Cookie", "Date", "Content-Length"}
    found = {k: v for k, v in response.items() if k not in skip}
    found["Vary"] = ", ".join(sorted(v.strip() for v in found.get("Vary", "").split(",")))
    return found


@pytest.mark.parametrize("encoding", ["br, gzip", ""])
def test_the_early_answer_is_the_views_answer(
    olivia: tuple[User, Client, int], encoding: str
) -> None:
    _, client, program = olivia
    for path in ("/diary/", f"/program/{program}/"):
        with CaptureQueriesContext(connection) as made:
            slow = client.get(path, HTTP_ACCEPT_ENCODING=encoding)
        with CaptureQueriesContext(connection) as early:
            fast = client.get(path, HTTP_ACCEPT_ENCODING=encoding)
        assert len(early.captured_queries) == 1 < len(made.captured_queries)
        assert _headers(fast) == _headers(slow)
        assert int(fast["Content-Length"]) == len(fast.content)
        assert fast.cookies["csrftoken"].value == slow.cookies["csrftoken"].value
        texts = [
            gzip.decompress(r.content).decode() if encoding else r.content.decode()
            for r in (slow, fast)
        ]
        assert TOKEN.sub("", texts[0]) == TOKEN.sub("", texts[1])


def test_the_early_answer_needs_a_valid_signed_in_session(
    olivia: tuple[User, Client, int],
) -> None:
    person, client, _ = olivia
    _page(client, "/diary/")  # cached
    other = Client()
    other.cookies["sessionid"] = client.cookies["sessionid"].value + "x"
    assert other.get("/diary/").status_code == 302  # an unknown session: to sign in
    person.set_password("a new password 4711")  # signs out every other session
    person.save()
    assert client.get("/diary/").status_code == 302
    client.force_login(person)
    _page(client, "/diary/")
    User.objects.filter(pk=person.pk).update(is_active=False)
    assert client.get("/diary/").status_code == 302
    User.objects.filter(pk=person.pk).update(is_active=True)
    client.force_login(person)
    _page(client, "/diary/")
    client.post("/signout/")
    assert client.get("/diary/").status_code == 302


def test_deleting_the_diary_shows_at_once(olivia: tuple[User, Client, int]) -> None:
    _, client, program = olivia
    client.post("/diary/checkin/", {"area": "neck", "pain": 6})
    assert "No check-ins yet." not in _page(client, "/diary/")
    assert client.post("/privacy/delete/", {"confirm": "yes"}).status_code in (200, 302)
    assert "No check-ins yet." in _page(client, "/diary/")
    assert client.get(f"/program/{program}/").status_code == 404


def test_a_check_in_takes_the_same_statements_whatever_the_diary_size(
    olivia: tuple[User, Client, int], clock: FakeWallClock
) -> None:
    person, client, _ = olivia
    client.post("/diary/checkin/", {"area": "neck", "pain": 2})  # today's: changed below
    counts = []
    for days, start in ((5, 10), (200, 300)):
        fill(person.pk, clock() - timedelta(days=start), days)
        with CaptureQueriesContext(connection) as seen:
            sent = client.post(
                "/diary/checkin/", {"area": "neck", "pain": 3}, HTTP_HX_REQUEST="true"
            )
        assert sent.status_code == 200
        counts.append(len(seen.captured_queries))
    # session, user, language; the write (checkins.py), its version and its list rows made stale
    assert counts[0] == counts[1] <= 9


ROLE_PAGES = ["/points/", "/points/GV4/", "/about/", "/plan/"]


@pytest.mark.parametrize("practitioner", [False, True], ids=["person", "practitioner"])
def test_a_public_page_cached_for_the_role_is_answered_early_as_the_view_answers(
    practitioner: bool,
) -> None:
    """Points, a point, About and the routine form are the same for every signed-in person
    of a role (the navigation differs): answered from that cache after the floor's one
    statement, with the view's headers and the visitor's own working token."""
    pagecache.PAGES.clear()
    person = add_practitioner("pat@example.org", "Pat") if practitioner else None
    person = person or User.objects.create_user("olivia")
    client = signed_in(person)
    for path in ROLE_PAGES:
        slow = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")  # the view's, cached
        with CaptureQueriesContext(connection) as early:
            fast = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
        assert len(early.captured_queries) == 1, path
        assert answered_early(fast) and not answered_early(slow)
        assert _headers(fast) == _headers(slow), path
        assert fast["Cache-Control"] == "no-store, private"
        texts = [_decoded(r) for r in (slow, fast)]
        assert TOKEN.sub("", texts[0]) == TOKEN.sub("", texts[1]), path
        assert ('href="/clients/"' in texts[1]) is practitioner
    token = TOKEN.search(_decoded(client.get("/plan/"))).group(1)  # type: ignore[union-attr]
    form = {"csrfmiddlewaretoken": token, "area": "neck", "pain": "3", "note": ""}
    assert client.post("/diary/checkin/", form).status_code == 302  # the token works


def test_a_role_page_follows_the_profile_and_never_the_home_page() -> None:
    """A practitioner's profile removed: the next early answer is a person's page. The home
    page is never answered early (it shows a person their program's day)."""
    pagecache.PAGES.clear()
    pat = add_practitioner("pat@example.org", "Pat")
    client = signed_in(pat)
    for _ in range(2):
        assert 'href="/clients/"' in _page(client, "/points/")
    PractitionerProfile.objects.filter(user=pat).delete()
    answers = [client.get("/points/") for _ in range(2)]  # a person's page, made, then kept
    assert [answered_early(a) for a in answers] == [False, True]
    assert not any('href="/clients/"' in a.content.decode() for a in answers)
    for _ in range(2):
        assert not answered_early(client.get("/"))
    assert client.get("/points/", headers={"host": "evil.example"}).status_code == 400


def _decoded(response: Any) -> str:
    body: bytes = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    elif response.get("Content-Encoding") == "br":
        body = brotli.decompress(body)
    return body.decode()


NOT_BY_ROLE = {"/"}  # cached, but its view may answer a person with their program's day


def _cached_page_paths() -> set[str]:
    """An example path of every URL whose view answers through pagecache.cached_page."""
    found: set[str] = set()

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif "cached_page(" in _source(pattern.callback):
                found.add("/" + re.sub(r"<\w+:\w+>", "GV4", route))

    walk(get_resolver().url_patterns, "")
    return found


def _source(view: Any) -> str:
    """A view's own source ("" for views made by libraries: the admin's, the API's)."""
    target = inspect.unwrap(view)
    while isinstance(target, functools.partial):
        target = inspect.unwrap(target.func)
    try:
        return inspect.getsource(getattr(target, "view_class", target))
    except (TypeError, OSError):
        return ""


def test_every_page_cached_by_role_is_listed_or_left_to_its_view() -> None:
    """A view that comes to answer through the role's cache must be listed in ROLE_PAGE (or
    here, left to the view): the early answer skips the view's own choices."""
    paths = _cached_page_paths()
    assert paths == {"/", "/about/", "/points/", "/points/GV4/", "/plan/"}
    assert {p for p in paths if not ROLE_PAGE.fullmatch(p)} == NOT_BY_ROLE
    assert all(p in paths for p in ROLE_PAGES)
