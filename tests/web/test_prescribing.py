"""Prescribing: points the client's screening excludes are shown disabled with the reason and
refused by the form and the API; ranges from the atlas; versions the client can read."""

from __future__ import annotations

import html
import json
import re

import pytest
from tests.doubles import FakeWallClock
from tests.web.practice import (
    EXCLUDED_IN_PREGNANCY,
    PREGNANT,
    form_for,
    item,
    make_practice,
    record_screening,
    signed_in,
)

from acupressure import atlas
from acupressure.records.models import PracticeSession, Prescription, ProgramRecord
from acupressure.records.practice import add_client, add_practitioner, answer

pytestmark = pytest.mark.django_db(transaction=True)


def pregnant_client() -> tuple[object, object]:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-20", named=False, year_of_birth=None)
    answer(link, yes=True, share_notes=False)
    record_screening(link, PREGNANT)
    return ana, link


def test_screening_first_then_the_form_shows_excluded_points_disabled(clock: FakeWallClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-21", named=False, year_of_birth=None)
    desk = signed_in(ana)
    assert (
        desk.get(f"/clients/{link.pk}/prescribe/")["Location"] == f"/clients/{link.pk}/screening/"
    )
    from acupressure import safety

    form = {f"flag-{f}": "no" for f in safety.red_flags()}
    form.update(area=["neck", "shoulders"], pregnant="yes", trimester="2")
    saved = desk.post(f"/clients/{link.pk}/screening/", form)
    assert saved["Location"] == f"/clients/{link.pk}/prescribe/"
    page = desk.get(f"/clients/{link.pk}/prescribe/").content.decode()
    for code in EXCLUDED_IN_PREGNANCY:
        box = re.search(rf'<input type="checkbox" name="point" value="{code}"[^>]*>', page)
        assert box and "disabled" in box[0], code
        note = html.escape(atlas.get(code).pregnancy.note, quote=False)
        assert f'id="why-{code}">Not available for this client: {note}' in page
    allowed = re.search(r'<input type="checkbox" name="point" value="KI27"[^>]*>', page)
    assert allowed and "disabled" not in allowed[0]


def test_unanswered_red_flags_are_refused(clock: FakeWallClock) -> None:
    ana, link = pregnant_client()
    bad = signed_in(ana).post(f"/clients/{link.pk}/screening/", {"area": "neck"})
    assert bad.status_code == 400
    assert "please answer every safety question" in bad.content.decode()


@pytest.mark.parametrize("code", sorted(EXCLUDED_IN_PREGNANCY))
def test_the_form_refuses_an_excluded_point(clock: FakeWallClock, code: str) -> None:
    ana, link = pregnant_client()
    refused = signed_in(ana).post(
        f"/clients/{link.pk}/prescribe/", form_for([item("KI27", 120, 3), item(code, 30, 3)])
    )
    assert refused.status_code == 400
    note = html.escape(atlas.get(code).pregnancy.note, quote=False)
    assert f"{code} is not allowed for this client: {note}" in refused.content.decode()
    assert not ProgramRecord.objects.exists()


@pytest.mark.parametrize("code", sorted(EXCLUDED_IN_PREGNANCY))
def test_the_api_refuses_an_excluded_point(clock: FakeWallClock, code: str) -> None:
    ana, link = pregnant_client()
    body = {"items": [item("KI27", 120, 3), item(code, 30, 3)], "weeks": 2}
    refused = signed_in(ana).post(
        f"/api/clients/{link.pk}/prescription", json.dumps(body), content_type="application/json"
    )
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith(f"{code} is not allowed for this client")
    assert not ProgramRecord.objects.exists()


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        (item("KI27", 119, 3), "KI27: hold 120 to 120 seconds"),
        (item("KI27", 120, 6), "KI27: 3 to 5 repetitions"),
        (
            item("GV4", 60, 1, "firm", where="clinic"),
            "GV4: pressure at most gentle for this client",
        ),
        (item("BL23", 60, 2, where="home"), "BL23 needs a helper"),
    ],
)
def test_ranges_pressure_and_helper_are_checked(
    clock: FakeWallClock, changed: dict[str, object], message: str
) -> None:
    ana, link = pregnant_client()
    refused = signed_in(ana).post(
        f"/api/clients/{link.pk}/prescription",
        json.dumps({"items": [changed]}),
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith(message)


def test_api_prescribes_and_versions(clock: FakeWallClock) -> None:
    ana, link = pregnant_client()
    desk = signed_in(ana)
    first = {"items": [item("KI27", 120, 3, note="Slowly"), item("BL23", 60, 2, where="clinic")]}
    made = desk.post(
        f"/api/clients/{link.pk}/prescription", json.dumps(first), content_type="application/json"
    )
    assert made.status_code == 201, made.content
    assert made.json()["version"] == 1
    row = ProgramRecord.objects.get(pk=made.json()["program"])
    assert row.owner_id == link.client_id and row.points == ["KI27"]  # BL23 is for the clinic
    second = {"items": [item("KI27", 120, 4), item("TE3", 4, 1)], "times": ["07:30"]}
    clock.advance(days=3)
    again = desk.post(
        f"/api/clients/{link.pk}/prescription", json.dumps(second), content_type="application/json"
    )
    assert again.json() == {"program": row.pk, "version": 2}
    v2 = Prescription.objects.get(program=row, version=2)
    assert v2.changes == [
        "Added TE3.", "Removed BL23.", "KI27: 120 s x 3 is now 120 s x 4.", "KI27: new note.",
        "The schedule changed.",
    ]  # fmt: skip
    # the client sees what changed and when, and can read the old version
    me = signed_in(link.client)
    page = me.get(f"/program/{row.pk}/").content.decode()
    assert "Prescribed by Dr Ana Silva" in page
    assert "Version 2, 6 March 2025" in page and "Added TE3." in page
    old = me.get(f"/program/{row.pk}/prescription/1/").content.decode()
    assert "First prescription." in old and "Slowly" in old and "in clinic / with a helper" in old
    assert me.get(f"/program/{row.pk}/prescription/3/").status_code == 404


def test_the_prescribed_program_plays_the_prescribed_numbers(clock: FakeWallClock) -> None:
    practice = make_practice()
    me = signed_in(practice.client)
    started = me.post(f"/program/{practice.program.pk}/start/")
    assert started.status_code == 302, started.content
    plan = PracticeSession.objects.get(owner=practice.client).plan
    points = {p["code"]: p for p in plan["points"]}
    assert set(points) == {"KI27", "TE3"}
    assert (points["KI27"]["hold_seconds"], points["KI27"]["repetitions"]) == (120, 3)
    assert points["KI27"]["pressure"] == "gentle"
    assert "From your practitioner: Before bed too" in points["KI27"]["notes"]
    presses = [s for s in plan["steps"] if s["kind"] == "press" and s["code"] == "KI27"]
    assert len(presses) == 3 and {s["seconds"] for s in presses} == {120}  # both sides at once
