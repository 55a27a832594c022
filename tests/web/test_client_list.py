"""/clients/ and /clients/export.csv at real size (issue 26): the same number of queries for
10 clients as for 200, a page at a time with those needing attention first, the access log
written in one statement per request, the CSV streamed; and the list's query of readable
links agrees with the one access decision."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.doubles import FakeWallClock as FakeClock
from tests.web.practice import signed_in

from acupressure.program import design
from acupressure.records.access import Need, decide, readable_links
from acupressure.records.models import (
    ClientSummary,
    DiaryAccess,
    ListVersion,
    PracticeSession,
    PractitionerLink,
    PractitionerProfile,
    ProgramRecord,
    QuestionnaireAnswer,
)
from acupressure.records.practice import add_practitioner
from acupressure.safety import Intake
from acupressure.web.views.clients import PAGE_SIZE

pytestmark = pytest.mark.django_db


def _clinic(clock: FakeClock, practitioner: User, count: int, start: int = 0) -> None:
    """``count`` consenting clients, each with a prescribed program, sessions and weekly
    pain checks; every seventh stopped by a red-flag answer (needs attention)."""
    now = clock()
    made = design(Intake(areas=["neck"], red_flags=[]), now.date() - timedelta(days=14))
    users = User.objects.bulk_create(
        [User(username=f"client-{start + i:04d}") for i in range(count)]
    )
    PractitionerLink.objects.bulk_create(
        PractitionerLink(practitioner=practitioner, client=u, created_at=now, consented_at=now,
                         label=f"C{start + i:04d}")
        for i, u in enumerate(users)
    )  # fmt: skip
    programs = ProgramRecord.objects.bulk_create(
        ProgramRecord(
            owner=u, created_at=now, prescriber=practitioner,
            intake=made.intake.model_dump(mode="json"), points=made.points,
            schedule=made.schedule.model_dump(mode="json"), prescription=[],
            stopped_at=now if (start + i) % 7 == 0 else None,
            stop_reason="a safety answer" if (start + i) % 7 == 0 else "",
        )
        for i, u in enumerate(users)
    )  # fmt: skip
    PracticeSession.objects.bulk_create(
        PracticeSession(owner=p.owner, program=p, created_at=now - timedelta(days=d),
                        started_at=now - timedelta(days=d), finished_at=now - timedelta(days=d),
                        slot_kind="routine")
        for p in programs for d in range(1, 4)
    )  # fmt: skip
    QuestionnaireAnswer.objects.bulk_create(
        QuestionnaireAnswer(owner=p.owner, program=p, week=w, questionnaire="pain-week",
                            answers={"pain": 6 - w}, at=now)
        for p in programs for w in (0, 1)
    )  # fmt: skip
    ListVersion.renew([practitioner.pk])  # as saving each link would


def _queries(desk: Client, path: str) -> tuple[int, int, bytes]:
    """Queries run and INSERT statements among them, and the body (streamed or not)."""
    with CaptureQueriesContext(connection) as seen:
        response = desk.get(path)
        body = b"".join(response) if response.streaming else response.content
    assert response.status_code == 200
    inserts = sum(
        1 for q in seen.captured_queries if q["sql"].lstrip().upper().startswith("INSERT")
    )
    return len(seen.captured_queries), inserts, body


def _tokenless(page: bytes) -> bytes:
    """The page without its CSRF tokens (masked anew in every response)."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", page)


def _sizes(desk: Client) -> dict[str, tuple[int, int, bytes]]:
    """Queries of each request kind: the list when new clients' rows are missing, then the
    list and the CSV with every row kept, and again with every row stale."""
    found = {"missing": _queries(desk, "/clients/")}
    for path in ("/clients/", "/clients/export.csv"):
        found[f"kept {path}"] = _queries(desk, path)
        found[f"again {path}"] = _queries(desk, path)  # the list page: cached
        ClientSummary.mark(ClientSummary.objects.all())  # as a write to every client does
        found[f"stale {path}"] = _queries(desk, path)
    return found


def test_the_list_and_csv_take_the_same_queries_for_10_and_200_clients(
    clock: FakeClock,
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    desk = signed_in(ana)
    desk.get("/about/")  # the session and the language settled, as on any later page
    _clinic(clock, ana, 10)
    small = _sizes(desk)
    _clinic(clock, ana, 190, start=10)
    large = _sizes(desk)
    for kind in small:
        assert small[kind][:2] == large[kind][:2], kind  # queries, and INSERT statements
    assert large["kept /clients/"][:2] == (8, 1)  # rows kept: the log is the only INSERT
    assert large["again /clients/"][:2] == (3, 1)  # the session with its account, language
    # and profile (web/primed.py), the list's state, the log
    assert _tokenless(large["again /clients/"][2]) == _tokenless(large["kept /clients/"][2])
    assert large["kept /clients/export.csv"][1] == 1
    assert large["missing"][1] == 3  # the missing rows, the rows worked out, the log
    rows = list(csv.reader(io.StringIO(large["kept /clients/export.csv"][2].decode("utf-8-sig"))))
    assert len(rows) == 201 and rows[0][0] == "client"
    assert sum(1 for r in rows[1:] if r[-1]) == len(range(0, 200, 7))  # the alerts
    again = large["stale /clients/export.csv"][2]
    assert again == large["kept /clients/export.csv"][2]  # worked out again: the same
    logged = DiaryAccess.objects.filter(viewer=ana, what="/clients/export.csv").count()
    assert logged == 3 * (10 + 200)  # one row per client listed, in one statement each time
    listed = DiaryAccess.objects.filter(viewer=ana, what="/clients/").count()
    assert listed == 4 * 10 + 4 * PAGE_SIZE


def test_pages_come_with_those_needing_attention_first(clock: FakeClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    desk = signed_in(ana)
    _clinic(clock, ana, 120)
    first = desk.get("/clients/?sort=adherence").content.decode()
    assert first.count('class="client-row') == PAGE_SIZE
    alerts = len(range(0, 120, 7))  # 18: all on the first page, before the others
    assert first.count('class="client-row alert"') == alerts
    assert first.index('class="client-row alert"') < first.index('class="client-row"')
    assert "Clients 1 to 50 of 120." in first and "page=2" in first
    by_name = desk.get("/clients/").content.decode()  # only this page's rows in full
    assert by_name.count('class="client-row alert"') == alerts
    assert by_name.index("C0000") < by_name.index("C0001") < by_name.index("C0002")
    last = desk.get("/clients/?sort=adherence&page=3").content.decode()
    assert last.count('class="client-row') == 20 and 'class="client-row alert"' not in last
    assert desk.get("/clients/?page=x").status_code == 200  # any page: the first
    assert desk.get("/clients/?page=999").content.decode().count('class="client-row') == 20


def test_the_lists_links_are_those_the_access_decision_allows(clock: FakeClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    now = clock()
    people = [User.objects.create_user(f"p{i}") for i in range(4)]
    states = [
        {"active": True},
        {"active": False},
        {"active": False, "withdrawn_at": now},
        {"active": True, "consented_at": now},
    ]
    for person, state in zip(people, states, strict=True):
        PractitionerLink.objects.create(practitioner=ana, client=person, created_at=now, **state)
    allowed = {link.pk for link in PractitionerLink.objects.all() if decide(ana, link, Need.READ)}
    assert {link.pk for link in readable_links(ana)} == allowed and len(allowed) == 2
    PractitionerProfile.objects.filter(user=ana).delete()
    ana = User.objects.get(pk=ana.pk)  # a fresh account object, as the next request has
    assert not any(decide(ana, link, Need.READ) for link in PractitionerLink.objects.all())
    assert not readable_links(ana).exists()
