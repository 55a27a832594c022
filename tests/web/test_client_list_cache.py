"""/clients/ and its CSV made once per state of the practitioner's list and reused
(web/client_list_page.py): after every write that changes a client's row, and when the clock
reaches a row's due time, the page served is the page made from scratch at that moment; a
practitioner's cached page is never another's; a former practitioner sees nothing."""

from __future__ import annotations

import gzip
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.doubles import FakeWallClock
from tests.web.practice import form_for, item, make_practice, practise, signed_in
from tests.web.programs import check

from acupressure.records import client_summary, follow_up
from acupressure.records.access import readable_links
from acupressure.records.models import ClientSummary, PractitionerProfile
from acupressure.records.practice import add_client, add_practitioner, answer, withdraw
from acupressure.records.program_store import ProgramStore
from acupressure.web.client_list_page import FILES, PAGES

pytestmark = pytest.mark.django_db
RED_FLAG_TEXT = "Answered yes to a red-flag question"


def _page(desk: Client, path: str = "/clients/") -> str:
    response = desk.get(path)
    assert response.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def _served(desk: Client) -> str:
    """The page as served now, twice (the first view works out the stale rows, the second
    finds them current), each the page made from scratch now; the same for the CSV."""
    page, again = _page(desk), _page(desk)
    file, file_again = _csv(desk), _csv(desk)
    PAGES.clear()
    FILES.clear()
    assert page == again == _page(desk)
    assert file == file_again == _csv(desk)
    return page


def _csv(desk: Client) -> bytes:
    response = desk.get("/clients/export.csv")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _cached(desk: Client) -> str:
    """The page, then again from the cache: no query reads the rows, one the list's state.
    (A view that finds rows stale or missing works them out and keeps nothing: the next
    one, finding the state current, makes the page it keeps.)"""
    _page(desk)
    first = _page(desk)
    with CaptureQueriesContext(connection) as seen:
        again = _page(desk)
    read = [q["sql"] for q in seen.captured_queries]
    assert not [q for q in read if "clientsummary" in q]
    assert len([q for q in read if "web_listversion" in q]) == 1
    assert again == first
    file = _csv(desk)
    with CaptureQueriesContext(connection) as seen:
        assert _csv(desk) == file
    assert not [q for q in seen.captured_queries if "clientsummary" in q["sql"]]
    return first


def test_every_write_to_a_clients_records_shows_at_once(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana, me = signed_in(practice.practitioner), signed_in(practice.client)
    pk = practice.program.pk
    before = _cached(ana)
    assert "P-17" in before and "none yet" in before

    def shown() -> str:
        nonlocal before
        page = _served(ana)
        assert _cached(ana) == page
        changed, before = page != before, page
        return page if changed else ""

    clock.advance(hours=1)
    practise(me, pk, before=6, after=4)  # a new session
    assert "none yet" not in shown()
    check(me, pk, 0, 6, None, [3, 4, 5])  # the weekly check: the baseline
    assert "(6)" in shown()
    assert me.post("/diary/checkin/", {"area": "neck", "pain": 3}).status_code == 302
    _served(ana)  # a check-in: not on the row, the page still the one made now
    again = form_for([item("KI27", 120, 4), item("TE3", 4, 1)])  # a new prescription version
    assert ana.post(f"/clients/{practice.link.pk}/prescribe/", again).status_code == 302
    _served(ana)
    store = ProgramStore(practice.client.pk)
    assert store.stop(pk, clock(), follow_up.SAFETY_STOP)  # stopped by a red flag
    assert RED_FLAG_TEXT in shown()
    assert store.resume(pk, follow_up.SAFETY_STOP)
    assert RED_FLAG_TEXT not in shown()
    practice.link.label = "Rosa"  # the client's name on the list
    practice.link.save()
    page = shown()
    assert "Rosa" in page and "P-17" not in page
    assert withdraw(practice.client.pk, practice.link.pk)  # consent withdrawn
    assert "Rosa" not in _served(ana)  # (no row left: nothing to keep)


def test_a_link_ended_by_the_client_leaves_the_page_at_once(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana = signed_in(practice.practitioner)
    second = add_client(practice.practitioner, "Second", named=False, year_of_birth=None)
    answer(second, yes=True, share_notes=False)
    assert "Second" in _cached(ana)
    ended = signed_in(second.client).post(f"/privacy/practitioners/{second.pk}/end/")
    assert ended.status_code in (200, 302)
    page = _served(ana)
    assert "Second" not in page and "P-17" in page


def test_the_clock_reaching_a_rows_due_time_shows_at_once(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana = signed_in(practice.practitioner)
    before = _cached(ana)
    due = ClientSummary.objects.get(link=practice.link).fresh_until
    assert due is not None
    clock.now = due - timedelta(seconds=1)  # not yet: the page as it was, from the cache
    assert _cached(ana) == before
    clock.now = due  # the next slot (or midnight) has come; nothing written
    after = _served(ana)
    assert after != before  # the week's or the total's due count moved
    assert ClientSummary.objects.get(link=practice.link).fresh_until > due  # type: ignore[operator]
    assert _cached(ana) == after


def test_practitioners_never_see_each_others_cached_pages(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana, ben = signed_in(practice.practitioner), signed_in(practice.other)
    assert "P-17" in _cached(ana) and "Someone else" not in _cached(ana)
    ben_page = _cached(ben)
    assert "Someone else" in ben_page and "P-17" not in ben_page
    bo = add_practitioner("bo@example.org", "Bo Park")
    shared = add_client(bo, "Shared", named=False, year_of_birth=None)
    shared.client = practice.client  # the same person, a second practitioner
    shared.save()
    answer(shared, yes=True, share_notes=False)
    bo_page = _cached(signed_in(bo))
    assert "Shared" in bo_page and "P-17" not in bo_page
    assert "Shared" not in _cached(ana)
    former = _page(signed_in(practice.former))  # the client withdrew consent from Cara
    assert "client-row" not in former and "Old client" not in former
    assert "Someone else" not in _page(ana) and "P-17" not in _page(ben)


def test_a_former_practitioner_gets_no_cached_page(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana = signed_in(practice.practitioner)
    assert "P-17" in _cached(ana)
    PractitionerProfile.objects.filter(user=practice.practitioner).delete()
    assert ana.get("/clients/").status_code == 404


def test_the_cached_page_is_compressed_around_the_requests_own_token(
    clock: FakeWallClock,
) -> None:
    practice = make_practice()
    ana = signed_in(practice.practitioner)
    _cached(ana)
    response = ana.get("/clients/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    page = gzip.decompress(response.content).decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', page)
    assert token is not None and len(token.group(1)) == 64
    assert "placeholder" not in page and "P-17" in page


def test_a_write_while_the_rows_are_worked_out_leaves_the_list_not_fresh(
    clock: FakeWallClock,
) -> None:
    practice = make_practice()
    ana, me = signed_in(practice.practitioner), signed_in(practice.client)
    _cached(ana)
    clock.advance(hours=1)
    practise(me, practice.program.pk, before=6, after=4)
    state = client_summary.list_state(practice.practitioner.pk)
    assert not state.current(clock())
    links = readable_links(practice.practitioner)
    client_summary.refresh(links, clock())
    practise(me, practice.program.pk, before=5, after=3)  # meanwhile
    assert not client_summary.settle(links, practice.practitioner.pk, state)
    assert not client_summary.list_state(practice.practitioner.pk).fresh
    assert "2 of" in _served(ana)  # both sessions
