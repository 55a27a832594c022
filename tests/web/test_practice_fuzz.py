"""Hostile values in every practitioner, consent and program form: an answer below 500,
and nothing a practitioner may not do gets done."""

from __future__ import annotations

import json

import pytest
from tests.doubles import FakeWallClock
from tests.web.practice import HOSTILE_FORMS, HOSTILE_TEXT, form_for, item, make_practice

from acupressure.plan.prescribe import PrescribedPoint, check
from acupressure.safety import Intake
from acupressure.web.models import PractitionerLink, Prescription

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("url", sorted(u for u, (_who, fields) in HOSTILE_FORMS.items() if fields))
def test_every_field_survives_the_hostile_shapes(clock: FakeWallClock, url: str) -> None:
    practice = make_practice()
    who, fields = HOSTILE_FORMS[url]
    browser = practice.as_(who)
    path = url.format(link=practice.link.pk, program=practice.program.pk)
    for name in fields:
        for hostile in HOSTILE_TEXT:
            form: dict[str, object] = {}
            if "prescribe" in url:
                form = form_for([item("KI27", 120, 3)])
            form[name] = hostile
            response = browser.post(path, form)
            assert response.status_code < 500, (url, name, hostile[:20])
    link = PractitionerLink.objects.get(pk=practice.link.pk)
    assert link.active  # no hostile answer ended or changed the consent
    for row in Prescription.objects.all():  # whatever got stored passes the safety rules
        items = [PrescribedPoint.model_validate(i) for i in row.items]
        check(Intake.model_validate_json(json.dumps(row.intake)), items)


def test_the_prescription_api_survives_the_hostile_shapes(clock: FakeWallClock) -> None:
    practice = make_practice()
    ana = practice.as_("practitioner")
    url = f"/api/clients/{practice.link.pk}/prescription"
    bodies = [*HOSTILE_TEXT, json.dumps({"items": [{"code": "[" * 1000}]})]
    bodies.append(json.dumps({"items": [item("KI27", 10**30, 3)]}))
    for body in bodies:
        response = ana.post(url, body, content_type="application/json")
        assert 400 <= response.status_code < 500, body[:20]
        assert "detail" in response.json()
