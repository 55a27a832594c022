"""Following up: /clients/ rows (adherence, pain against the start, alerts first, sorting),
the client page (notes only when shared, access log), FHIR downloads and the CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from fhir.resources.R4B.bundle import Bundle
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.practice import (
    PREGNANT,
    form_for,
    item,
    make_practice,
    practise,
    record_screening,
    signed_in,
)
from tests.web.programs import check

from acupressure.records.models import DiaryAccess, PracticeSession, ProgramRecord
from acupressure.records.practice import add_client, answer
from acupressure.records.program_store import ProgramStore

pytestmark = pytest.mark.django_db(transaction=True)


def test_dashboard_client_page_and_downloads(clock: FakeWallClock) -> None:
    practice = make_practice()
    me = signed_in(practice.client)
    pk = practice.program.pk
    check(me, pk, 0, 6, None, [3, 4, 5])  # baseline
    clock.advance(hours=1)
    practise(me, pk, before=6, after=4, note="felt calmer")
    clock.advance(days=7)
    check(me, pk, 1, 3, 2, [6, 6, 7])
    ana = signed_in(practice.practitioner)
    page = ana.get("/clients/").content.decode()
    assert "P-17" in page
    # one session of 22 due: a routine and two extra sessions a day (KI27 and TE3 are
    # "several times a day" points) for 7 days, and the routine of day 8 at 08:00; day 1's
    # 08:00 routine (the program was made at 09:00) is the session started at 10:00, so it
    # counts as due and done
    assert "1 of 22 (5%)" in page
    assert "3 (6)" in page and "★" in page  # pain 3 against 6 at the start: meaningful
    client_page = ana.get(f"/clients/{practice.link.pk}/").content.decode()
    assert "felt calmer" not in client_page  # notes not shared
    assert "The client has not chosen to share their notes." in client_page
    diary_csv = f"/diary/export.csv?client={practice.client.pk}"
    assert "felt calmer" not in downloads.text(ana.get(diary_csv))
    assert "felt calmer" in downloads.text(me.get("/diary/export.csv"))
    practice.link.share_notes = True
    practice.link.save()
    assert "felt calmer" in ana.get(f"/clients/{practice.link.pk}/").content.decode()
    assert "felt calmer" in downloads.text(ana.get(diary_csv))
    # every read is logged and shown to the client
    reads = list(
        DiaryAccess.objects.filter(owner=practice.client, viewer=practice.practitioner).values_list(
            "what", flat=True
        )
    )
    assert "/clients/" in reads and f"/clients/{practice.link.pk}/" in reads
    assert "saw you in their client list" in me.get("/privacy/").content.decode()
    # FHIR from the client page and the API: the same content, pseudonymous, parsed
    for url in (f"/clients/{practice.link.pk}/fhir.json", f"/api/clients/{practice.link.pk}/fhir"):
        response = ana.get(url)
        assert response["Content-Type"] == "application/fhir+json"
        body = downloads.body(response)  # streamed: read once
        Bundle.model_validate_json(body)
        data = json.loads(body)
        kinds = [e["resource"]["resourceType"] for e in data["entry"]]
        assert kinds.count("QuestionnaireResponse") == 5  # 2 at the start, 3 in week 1
        (patient,) = [
            e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient"
        ]
        assert "name" not in patient and patient["birthDate"] == "1990"
        observations = [
            e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Observation"
        ]
        session = PracticeSession.objects.get(owner=practice.client)
        values = [
            (datetime.fromisoformat(o["effectiveDateTime"]), o["valueQuantity"]["value"])
            for o in observations
        ]
        assert values == [(session.created_at, 6), (session.finished_at, 4)]
    assert DiaryAccess.objects.filter(what=f"/api/clients/{practice.link.pk}/fhir").exists()
    # the client's own bundle from /privacy/
    own = me.get("/privacy/fhir.json")
    own_body = downloads.body(own)
    Bundle.model_validate_json(own_body)
    assert practice.client.username in own_body.decode()
    # the practitioner's CSV of adherence and outcomes
    rows = list(csv.reader(io.StringIO(downloads.text(ana.get("/clients/export.csv")))))
    assert rows[0][:3] == ["client", "last_session", "week_done"]
    (row,) = rows[1:]
    named = dict(zip(rows[0], row, strict=True))
    assert named["client"] == "P-17" and named["total_done"] == "1" and named["total_due"] == "22"
    assert (named["pain_baseline"], named["pain_now"], named["pain_change"]) == (
        "6",
        "3",
        "-3",
    )
    assert named["pain_meaningful_change"] == "yes" and named["change_rating"] == "2"


def test_red_flag_and_much_worse_clients_come_first(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana = practice.practitioner
    second = add_client(ana, "A-01", named=False, year_of_birth=None)  # sorts first by name
    answer(second, yes=True, share_notes=False)
    record_screening(second, PREGNANT)
    desk = signed_in(ana)
    assert (
        desk.post(f"/clients/{second.pk}/prescribe/", form_for([item("KI27", 120, 3)])).status_code
        == 302
    )

    def names() -> list[str]:
        page = desk.get("/clients/").content.decode()
        rows = page.split('<th scope="row"><a href="/clients/')[1:]
        return [r.split('">', 1)[1].split("<", 1)[0] for r in rows]

    assert names() == ["A-01", "P-17"]
    # P-17 answers yes to a red flag at re-screening: the program stops, P-17 goes to the top
    ProgramStore(practice.link.client_id).stop(practice.program.pk, clock(), "a safety answer")
    page = desk.get("/clients/").content.decode()
    assert names() == ["P-17", "A-01"]
    assert "Answered yes to a red-flag question" in page
    # once the practitioner has opened the client page, the alert is no longer new
    clock.advance(minutes=5)
    desk.get(f"/clients/{practice.link.pk}/")
    assert names() == ["A-01", "P-17"]
    # much worse pain (re-screening requested) is at the top too
    ProgramStore(second.client_id).request_rescreen(
        ProgramRecord.objects.get(owner=second.client).pk
    )
    assert names()[0] == "A-01"
    assert "Reported much worse pain." in desk.get("/clients/?sort=last").content.decode()
