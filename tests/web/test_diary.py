"""The diary: who sees it, daily check-ins, the chart and the CSV download."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.personas import Personas

from acupressure.records.models import CheckIn, PracticeSession


def add_session(people: Personas, clock: FakeWallClock, before: int, after: int) -> PracticeSession:
    return PracticeSession.objects.create(
        owner=people.owner,
        created_at=clock(),
        started_at=clock(),
        finished_at=clock(),
        areas=["neck"],
        pain_before=before,
        pain_after=after,
        completed_steps=3,
        total_steps=3,
        note="=HYPERLINK(1)",
    )


def test_signed_out_person_is_sent_to_sign_in(client: Client, db: None) -> None:
    for path in ("/diary/", "/diary/export.csv"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/signin/")


def test_owner_sees_sessions_and_chart(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    add_session(people, clock, 7, 4)
    page = owner_client.get("/diary/").content.decode()
    assert 'class="session-row"' in page
    assert 'class="pain-chart"' in page and 'class="baseline"' in page and 'class="band"' in page


def test_practitioner_reads_a_client_diary(people: Personas, clock: FakeWallClock) -> None:
    add_session(people, clock, 7, 4)
    practitioner = people.client_for(people.practitioner)
    own = practitioner.get("/diary/").content.decode()
    assert "session-row" not in own and f"?client={people.owner.pk}" in own
    page = practitioner.get(f"/diary/?client={people.owner.pk}").content.decode()
    assert "session-row" in page and "Save check-in" not in page
    assert practitioner.get(f"/diary/export.csv?client={people.owner.pk}").status_code == 200


def test_stranger_gets_404_not_data(people: Personas, clock: FakeWallClock) -> None:
    add_session(people, clock, 7, 4)
    stranger = people.client_for(people.stranger)
    assert stranger.get(f"/diary/?client={people.owner.pk}").status_code == 404
    assert stranger.get(f"/diary/export.csv?client={people.owner.pk}").status_code == 404
    assert "session-row" not in stranger.get("/diary/").content.decode()


def test_check_in_is_one_per_area_and_day(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    hx = {"HTTP_HX_REQUEST": "true"}
    first = owner_client.post("/diary/checkin/", {"area": "neck", "pain": 5}, **hx)
    assert first.status_code == 200 and "Saved" in first.content.decode()
    owner_client.post("/diary/checkin/", {"area": "neck", "pain": 3, "note": "better"}, **hx)
    clock.advance(days=1)
    owner_client.post("/diary/checkin/", {"area": "neck", "pain": 2})
    entries = list(CheckIn.objects.order_by("day").values_list("day", "pain", "note"))
    assert [(p, n) for _, p, n in entries] == [(3, "better"), (2, "")]
    assert entries[1][0] == clock().date()


@pytest.mark.parametrize(
    "fields",
    [
        {"area": "neck", "pain": 11},
        {"area": "knee", "pain": 2},
        {"area": "neck"},
        {"area": "neck", "pain": 2, "note": "x" * 501},
    ],
)
def test_bad_check_in_is_a_400(
    owner_client: Client, people: Personas, fields: dict[str, object]
) -> None:
    response = owner_client.post("/diary/checkin/", fields, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "Not saved" in response.content.decode()
    assert CheckIn.objects.count() == 0


def test_check_in_needs_post(owner_client: Client, people: Personas) -> None:
    assert owner_client.get("/diary/checkin/").status_code == 405


def test_csv_has_only_own_data_and_defuses_formulas(people: Personas, clock: FakeWallClock) -> None:
    add_session(people, clock, 7, 4)
    CheckIn.objects.create(
        owner=people.stranger, day=clock().date(), area="neck", pain=9, updated_at=clock()
    )
    owner = people.client_for(people.owner)
    response = owner.get("/diary/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(downloads.text(response))))
    assert [(r["kind"], r["pain_before"], r["pain_after"]) for r in rows] == [("session", "7", "4")]
    assert rows[0]["note"] == "'=HYPERLINK(1)"
    stranger_rows = list(
        csv.DictReader(
            io.StringIO(downloads.text(people.client_for(people.stranger).get("/diary/export.csv")))
        )
    )
    assert [r["pain"] for r in stranger_rows] == ["9"]
