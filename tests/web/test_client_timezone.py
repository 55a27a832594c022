"""A prescription's times are the client's: the zone their browser reported when they
consented is the default (shown on the form), and no zone at all is an error, not UTC."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web.practice import PREGNANT, form_for, item, record_screening, signed_in

from acupressure.records.models import PractitionerLink, ProgramRecord
from acupressure.records.practice import add_client, add_practitioner
from acupressure.records.signin import issue_token

pytestmark = pytest.mark.django_db(transaction=True)


def invited(consent_tz: str | None) -> tuple[Client, PractitionerLink]:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-20", named=False, year_of_birth=None)
    record_screening(link, PREGNANT)
    if consent_tz is not None:
        answer = {"link": link.pk, "answer": "yes", "tz": consent_tz}
        assert signed_in(link.client).post("/consent/", answer).status_code == 302
    link.refresh_from_db()
    return signed_in(ana), link


def test_the_clients_zone_is_remembered_shown_and_used(clock: FakeWallClock) -> None:
    desk, link = invited("Europe/Madrid")
    assert link.timezone == "Europe/Madrid"
    page = " ".join(desk.get(f"/clients/{link.pk}/prescribe/").content.decode().split())
    assert 'name="tz" id="tz" value="Europe/Madrid"' in page
    assert "The client's time zone is Europe/Madrid" in page
    form = form_for([item("KI27", 120, 3)], tz="")  # the field left empty
    assert desk.post(f"/clients/{link.pk}/prescribe/", form).status_code == 302
    assert ProgramRecord.objects.get().schedule["timezone"] == "Europe/Madrid"
    client_page = desk.get(f"/clients/{link.pk}/").content.decode()
    assert "at 08:00 (Europe/Madrid)" in client_page


def test_the_api_defaults_to_the_clients_zone(clock: FakeWallClock) -> None:
    desk, link = invited("America/Bogota")
    body = {"items": [item("KI27", 120, 3)], "weeks": 2}
    made = desk.post(
        f"/api/clients/{link.pk}/prescription", json.dumps(body), content_type="application/json"
    )
    assert made.status_code == 201, made.content
    assert ProgramRecord.objects.get().schedule["timezone"] == "America/Bogota"


def test_an_unknown_zone_is_refused_and_none_is_never_utc(clock: FakeWallClock) -> None:
    desk, link = invited(None)  # not consented: the zone is not known
    page = desk.get(f"/clients/{link.pk}/prescribe/").content.decode()
    assert "time zone is not known yet" in page and 'class="tz-field"' in page
    refused = desk.post(f"/clients/{link.pk}/prescribe/", form_for([item("KI27", 120, 3)], tz=""))
    assert refused.status_code == 400
    assert "time zone: give the client&#x27;s, such as Europe/Madrid" in refused.content.decode()
    assert not ProgramRecord.objects.exists()
    _, other = invited("Mars/Olympus")  # a made-up zone from a browser is not kept
    assert other.timezone == ""


def test_signing_in_with_the_link_remembers_the_zone_too(clock: FakeWallClock) -> None:
    _, link = invited("Europe/Madrid")
    token = issue_token(link.client)
    Client().post(f"/signin/link/{token}/", {"tz": "Asia/Shanghai"})  # moved since
    link.refresh_from_db()
    assert link.timezone == "Asia/Shanghai"
    Client().post(f"/signin/link/{issue_token(link.client)}/", {"tz": "Nowhere/Else"})
    link.refresh_from_db()
    assert link.timezone == "Asia/Shanghai"
