"""Attacks on the practitioner's kept list (web/client_list_page.py, records/client_summary.py
``settle``): another or a former practitioner reading /clients/ or its CSV kept from before
a link ended, a link ending while the page or the CSV is being made, a client deleting their
diary or their account. Each time the page and CSV served are the ones made from scratch at
that moment, and nobody but the linked practitioner ever gets P-17's row."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.doubles import FakeWallClock
from tests.web.practice import Practice, make_practice_with_every_persona, practise, signed_in

from acupressure.records import client_summary
from acupressure.records.models import Action, DiaryAccess
from acupressure.records.practice import withdraw
from acupressure.records.privacy import delete_diary
from acupressure.web.client_list_page import FILES, PAGES

pytestmark = pytest.mark.django_db
PATHS = ("/clients/", "/clients/?sort=pain&page=1", "/clients/export.csv")


def _get(desk: Client, path: str) -> tuple[int, str]:
    response = desk.get(path)
    if response.streaming:
        body = b"".join(response.streaming_content).decode()
    else:
        body = response.content.decode()
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def _kept(desk: Client) -> dict[str, str]:
    """Each list answer, viewed until it comes from the cache (the first view of a stale
    list works its rows out and keeps nothing)."""
    found = {}
    for path in PATHS:
        for _ in range(3):
            status, body = _get(desk, path)
            assert status == 200, path
        found[path] = body
    return found


def _served_is_made(desk: Client) -> dict[str, str]:
    """The answers served now (twice: once working out stale rows, once kept) are the answers
    made from scratch now."""
    served = _kept(desk)
    PAGES.clear()
    FILES.clear()
    assert _kept(desk) == served
    return served


@pytest.fixture
def practice(clock: FakeWallClock) -> Practice:
    made = make_practice_with_every_persona()
    practise(signed_in(made.client), made.program.pk, before=6, after=2)
    return made


@pytest.mark.parametrize(
    "who", ["other", "former", "pending", "superuser", "client", "stranger", "anonymous"]
)
def test_nobody_else_gets_the_kept_list_or_csv(practice: Practice, who: str) -> None:
    kept = _kept(signed_in(practice.practitioner))
    assert all("P-17" in body for body in kept.values())
    desk = practice.as_(who)
    for _ in range(2):
        for path in PATHS:
            status, body = _get(desk, path)
            assert "P-17" not in body, (who, path)
            if who == "anonymous":
                assert status == 302
            elif who not in ("other", "former", "pending"):  # practitioners: lists of their own
                assert status == 404, (who, path)


def _end_by_withdrawal(practice: Practice) -> None:
    assert withdraw(practice.client.pk, practice.link.pk)


def _end_by_deleting_the_account(practice: Practice) -> None:
    practice.client.delete()


def _end_by_deleting_the_link(practice: Practice) -> None:
    practice.link.delete()


ENDS = {
    "withdrawn": _end_by_withdrawal,
    "account deleted": _end_by_deleting_the_account,
    "link deleted": _end_by_deleting_the_link,
}


@pytest.mark.parametrize("end", ENDS)
def test_an_ended_link_leaves_the_kept_list_and_csv_at_once(practice: Practice, end: str) -> None:
    ana = signed_in(practice.practitioner)
    assert all("P-17" in body for body in _kept(ana).values())
    ENDS[end](practice)
    for path in PATHS:
        status, body = _get(ana, path)
        assert status == 200 and "P-17" not in body, (end, path)
    assert all("P-17" not in body for body in _served_is_made(ana).values())


def test_a_deleted_diary_leaves_the_kept_list_and_csv_at_once(practice: Practice) -> None:
    ana = signed_in(practice.practitioner)
    before = _kept(ana)
    delete_diary(practice.client.pk)
    after = _served_is_made(ana)
    assert after["/clients/export.csv"] != before["/clients/export.csv"]


def _ending_midway(practice: Practice, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The link ends (committed) just after ``client_summary.<name>`` has read the rows, as
    if the client withdrew while the page or the CSV was being made."""
    real: Callable[..., Any] = getattr(client_summary, name)

    def reading_then_ended(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        if name == "all_rows":
            found = iter(list(found))  # every row read before the link ends
        withdraw(practice.client.pk, practice.link.pk)
        return found

    monkeypatch.setattr(client_summary, name, reading_then_ended)


@pytest.mark.parametrize("name", ["page_rows", "all_rows"])
def test_a_link_ended_while_the_list_is_made_is_not_kept_past_it(
    practice: Practice, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    ana = signed_in(practice.practitioner)
    _kept(ana)
    PAGES.clear()
    FILES.clear()  # the list is current: the next view makes and keeps it
    with monkeypatch.context() as patch:
        _ending_midway(practice, patch, name)
        path = "/clients/" if name == "page_rows" else "/clients/export.csv"
        status, body = _get(ana, path)
        assert status == 200 and "P-17" in body  # read before the link ended
    for path in PATHS:
        status, body = _get(ana, path)
        assert status == 200 and "P-17" not in body, path
    assert all("P-17" not in body for body in _served_is_made(ana).values())


def test_a_write_between_refresh_and_settle_is_never_kept_as_fresh(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client practises while her practitioner's view works the rows out: the list stays
    not fresh (compare-and-set on the list version) and the next view shows the session."""
    ana, her = signed_in(practice.practitioner), signed_in(practice.client)
    _kept(ana)
    practise(her, practice.program.pk, before=7, after=3)  # the list is stale now
    real = client_summary.refresh
    settled: list[bool] = []
    written: list[bool] = []

    def refresh_then_write(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        if not written:  # once, between the view's refresh and its settle
            written.append(True)
            practise(her, practice.program.pk, before=5, after=1)

    real_settle = client_summary.settle

    def settle(*args: Any, **kwargs: Any) -> bool:
        settled.append(real_settle(*args, **kwargs))
        return settled[-1]

    with monkeypatch.context() as patch:
        patch.setattr(client_summary, "refresh", refresh_then_write)
        patch.setattr(client_summary, "settle", settle)
        assert _get(ana, "/clients/")[0] == 200
    assert settled == [False]
    assert not client_summary.list_state(practice.practitioner.pk).fresh
    csv = _served_is_made(ana)["/clients/export.csv"]
    assert csv.count("\n") >= 2 and "3 of" in _get(ana, "/clients/")[1]


def test_a_kept_list_or_csv_still_leaves_its_trace_in_the_clients_access_log(
    practice: Practice,
) -> None:
    """Served from the cache, the page and the CSV are still logged for the client: a
    practitioner cannot read her row unseen."""
    ana = signed_in(practice.practitioner)
    _kept(ana)
    seen = DiaryAccess.objects.filter(owner=practice.client, viewer=practice.practitioner)
    for path, action in (("/clients/", Action.LIST), ("/clients/export.csv", Action.OUTCOMES_CSV)):
        before = seen.filter(action=action).count()
        with CaptureQueriesContext(connection) as read:
            assert _get(ana, path)[0] == 200
        assert not [q for q in read.captured_queries if "clientsummary" in q["sql"]]  # kept
        assert seen.filter(action=action).count() == before + 1, path
