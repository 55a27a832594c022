"""Hostile values in every practitioner, consent and program form: an answer below 500,
and nothing a practitioner may not do gets done."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.practice import HOSTILE_FORMS, HOSTILE_TEXT, form_for, item, make_practice

from acupressure.plan.prescribe import PrescribedPoint, check
from acupressure.records.models import PractitionerLink, Prescription
from acupressure.safety import Intake

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


# Every route of the URLconf (enumerated, so a new form or endpoint is covered the day it
# is added), fed the shapes that once gave a 500: as a form (every field its page offers and
# every field name the app's forms use), as a query and as a JSON body. A NUL anywhere is a
# 400 and a body over the size limit a 413, whatever the route.
SHAPES = [
    "[" * 5000,  # nested past Python's recursion limit (JSON fields)
    "9" * 4400,  # past Python's 4300 digits for an int
    "x" * 300,  # a username past django-axes' 255-character column
    "x" * 3000,
    "-1",
    "1e999",
    "nodots",  # a `next` without "/" or "." (Django's redirect() takes it for a URL name)
]
NUL_SHAPES = ["\x00", "ok\x00", "LI4\x00"]
# the fields of the forms whose page is another route's (the diary's check-in, the player's
# finish), besides those each page shows (read from its HTML) and the practitioner forms
POSTED_ELSEWHERE = {
    "area", "pain", "note", "intake", "pain_after", "completed_steps", "pressed_seconds",
    "on_target", "confirm", "username", "password", "next", "language", "view", "points",
    "weeks", "per_day", "at", "tz", "kind", "action", "code", "label", "url", "token",
}  # fmt: skip
FIELD_NAMES = sorted(
    POSTED_ELSEWHERE | {name for _who, fields in HOSTILE_FORMS.values() for name in fields}
)
QUERY_NAMES = ["client", "next", "week", "area", "paper", "code", "view", "tz", "at", "q"]
URLENCODED = "application/x-www-form-urlencoded"
NAME = re.compile(r'<(?:input|select|textarea|button)[^>]*\bname="([^"]+)"')
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def _routes() -> list[str]:
    def walk(patterns: list[Any], prefix: str) -> list[str]:
        found: list[str] = []
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                found += walk(pattern.url_patterns, route)
            else:
                found.append(route)
        return found

    routes = walk(get_resolver().url_patterns, "")
    # the admin's own pages are Django's; its sign-in is the one that takes a password
    return sorted({r for r in routes if not r.startswith("admin/")} | {"admin/login/"})


def _path(route: str, practice: Any, session: int) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(2) == "code":
            return "LI4"
        if match.group(1) not in ("int", None) or match.group(2) == "token":
            return "x" * 32
        if route.startswith("session/"):
            return str(session)
        if route.startswith("program/"):
            return str(practice.program.pk)
        return str(practice.link.pk)

    return "/" + PARAM.sub(value, route)


def _who(route: str) -> str:
    return "practitioner" if route.startswith(("clients/", "api/clients")) else "client"


def _field_names(browser: Client, path: str) -> list[str]:
    page = browser.get(path) if not path.endswith(".pdf") else None
    text = downloads.body(page).decode(errors="replace") if page else ""
    found = set(NAME.findall(text))
    return sorted((found - {"csrfmiddlewaretoken"}) | set(FIELD_NAMES))


def _shape_rounds(route: str, names: list[str]) -> list[dict[str, str]]:
    """One form per shape, every field holding it; a PDF route (seconds per answer) gets
    one form with the shapes spread over its fields."""
    if route.endswith(".pdf"):
        return [{name: SHAPES[i % len(SHAPES)] for i, name in enumerate(names)}]
    return [dict.fromkeys(names, shape) for shape in SHAPES]


@pytest.mark.slow  # seconds a route
@pytest.mark.django_db  # rolled back, not flushed: much faster on PostgreSQL
@pytest.mark.parametrize("route", _routes())
def test_every_route_survives_the_hostile_shapes(clock: FakeWallClock, route: str) -> None:
    practice = make_practice()
    browser = practice.as_(_who(route))
    started = practice.as_("client").post(
        "/session/start/", {"intake": json.dumps({"areas": ["neck"], "red_flags": []})}
    )
    path = _path(route, practice, int(started["Location"].strip("/").split("/")[-1]))
    names = _field_names(browser, path)
    for form in _shape_rounds(route, names):
        value = next(iter(form.values()))
        shape = value[:12]
        if not route.endswith(".pdf"):  # a PDF reads no query
            answer = browser.get(path, dict.fromkeys(QUERY_NAMES, value))
            assert answer.status_code < 500, (route, "query", shape)
        answer = browser.post(path, form)
        assert answer.status_code < 500, (route, "form", shape)
        answer = browser.post(path, json.dumps(form), content_type="application/json")
        assert answer.status_code < 500, (route, "json", shape)
    for shape in NUL_SHAPES:
        refused = [
            browser.get(path, {"q": shape}),
            browser.post(path, urlencode(dict.fromkeys(names, shape)), content_type=URLENCODED),
            browser.post(path, json.dumps({"label": shape}), content_type="application/json"),
            browser.post(path, dict.fromkeys(names, shape)),  # multipart
        ]
        assert [r.status_code for r in refused] == [400] * 4, (route, shape)
    too_big = browser.post(path, {"note": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    assert too_big.status_code == 413 and b"too large" in too_big.content, route
