"""Personal data rights: export everything, delete for real, and the diary access log."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.personas import Personas

from acupressure.records.models import CheckIn, DiaryAccess, PracticeSession


def fill_diary(people: Personas, clock: FakeWallClock) -> None:
    for user, note in ((people.owner, "owner's note"), (people.stranger, "stranger's note")):
        PracticeSession.objects.create(owner=user, created_at=clock(), started_at=clock(),
                                       areas=["neck"], pain_before=6, pain_after=3,
                                       note=note)  # fmt: skip
        CheckIn.objects.create(owner=user, day=clock().date(), area="neck", pain=4, note=note,
                               updated_at=clock())  # fmt: skip


def test_json_export_holds_exactly_the_owners_data(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    fill_diary(people, clock)
    people.client_for(people.practitioner).get(f"/diary/?client={people.owner.pk}")
    response = owner_client.get("/privacy/export.json")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(downloads.body(response))
    assert data["account"]["username"] == "olivia"
    assert [(s["note"], s["pain_before"], s["pain_after"]) for s in data["sessions"]] == [
        ("owner's note", 6, 3)
    ]
    assert [(c["note"], c["pain"]) for c in data["check_ins"]] == [("owner's note", 4)]
    assert [p["practitioner"] for p in data["practitioners"]] == ["dr-pat"]
    assert [a["viewer"] for a in data["diary_opened_by"]] == ["dr-pat"]
    text = downloads.text(response)
    assert "stranger" not in text and "sam" not in text


def test_json_export_ignores_a_client_parameter(people: Personas, clock: FakeWallClock) -> None:
    fill_diary(people, clock)
    practitioner = people.client_for(people.practitioner)
    data = json.loads(
        downloads.body(practitioner.get(f"/privacy/export.json?client={people.owner.pk}"))
    )
    assert data["account"]["username"] == "dr-pat" and data["sessions"] == []
    assert [c["client"] for c in data["clients"]] == ["olivia"]


def test_delete_needs_confirmation_then_removes_the_diary(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    fill_diary(people, clock)
    confirm = owner_client.get("/privacy/delete/").content.decode()
    assert "1 session and 1 check-in" in confirm and 'name="csrfmiddlewaretoken"' in confirm
    assert owner_client.post("/privacy/delete/", {}).status_code == 400  # box not ticked
    assert PracticeSession.objects.filter(owner=people.owner).exists()

    response = owner_client.post("/privacy/delete/", {"confirm": "yes"}, follow=True)
    assert "Deleted 1 session(s) and 1 check-in(s)" in response.content.decode()
    assert not PracticeSession.objects.filter(owner=people.owner).exists()
    assert not CheckIn.objects.filter(owner=people.owner).exists()
    assert PracticeSession.objects.filter(owner=people.stranger).count() == 1  # others untouched
    assert CheckIn.objects.filter(owner=people.stranger).count() == 1


def test_delete_is_refused_without_a_csrf_token(people: Personas, clock: FakeWallClock) -> None:
    fill_diary(people, clock)
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.owner)
    assert client.post("/privacy/delete/", {"confirm": "yes"}).status_code == 403
    assert PracticeSession.objects.filter(owner=people.owner).exists()


def test_stranger_cannot_delete_someone_elses_diary(people: Personas, clock: FakeWallClock) -> None:
    fill_diary(people, clock)
    stranger = people.client_for(people.stranger)
    stranger.post(
        f"/privacy/delete/?client={people.owner.pk}", {"confirm": "yes", "owner": people.owner.pk}
    )
    assert PracticeSession.objects.filter(owner=people.owner).count() == 1
    assert CheckIn.objects.filter(owner=people.owner).count() == 1
    assert not PracticeSession.objects.filter(owner=people.stranger).exists()  # only their own


def test_practitioner_reading_is_logged_and_shown_to_the_owner(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    practitioner = people.client_for(people.practitioner)
    first = clock()
    practitioner.get(f"/diary/?client={people.owner.pk}")
    clock.advance(hours=2)
    practitioner.get(f"/diary/export.csv?client={people.owner.pk}")
    practitioner.get("/diary/")  # the practitioner's own diary: not a client access
    log = list(DiaryAccess.objects.values_list("owner", "viewer", "what", "at"))
    assert log == [
        (people.owner.pk, people.practitioner.pk, "/diary/export.csv", clock()),
        (people.owner.pk, people.practitioner.pk, "/diary/", first),
    ]
    for page in ("/privacy/", "/diary/"):
        text = owner_client.get(page).content.decode()
        assert "dr-pat" in text and "3 Mar 2025 11:00" in text and "downloaded the CSV" in text
    assert "dr-pat" not in people.client_for(people.stranger).get("/privacy/").content.decode()


def test_stranger_gets_404_and_nothing_is_logged(people: Personas, clock: FakeWallClock) -> None:
    stranger = people.client_for(people.stranger)
    assert stranger.get(f"/diary/?client={people.owner.pk}").status_code == 404
    assert stranger.get(f"/diary/export.csv?client={people.owner.pk}").status_code == 404
    assert not DiaryAccess.objects.exists()


@pytest.mark.parametrize("path", ["/privacy/", "/privacy/export.json", "/privacy/delete/"])
def test_privacy_pages_need_sign_in(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/signin/")


def test_programs_and_weekly_checks_are_exported_and_deleted(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    from tests.web.programs import check, make

    from acupressure.records.models import ProgramRecord, QuestionnaireAnswer

    program = make(owner_client)
    check(owner_client, program.pk, 0, 6, None, [4])
    data = json.loads(downloads.body(owner_client.get("/privacy/export.json")))
    assert [p["points"] for p in data["programs"]] == [program.points]
    assert {q["questionnaire"] for q in data["questionnaires"]} == {"pain-week", "activities"}
    owner_client.post("/privacy/delete/", {"confirm": "yes"})
    assert not ProgramRecord.objects.filter(owner=people.owner).exists()
    assert not QuestionnaireAnswer.objects.filter(owner=people.owner).exists()
