"""Outside judges of the OpenAPI document: openapi-spec-validator on the document, and every
documented response of every operation produced by a real request and checked against its
schema by jsonschema (Draft 2020-12, formats on), not by pydantic that wrote the schema.
A response the document lists but no case below produces fails the test, and so does one a
case produces that the document does not list."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.practice import Practice, item, make_practice, signed_in
from tests.web.programs import make

pytestmark = [pytest.mark.judge, pytest.mark.django_db(transaction=True)]

CSRF = "c" * 32
PLAN = {"areas": ["neck"], "red_flags": []}
Call = Callable[[Practice, int], Any]  # (the practice, the client's program) -> response


def as_json(body: object) -> dict[str, Any]:
    return {"data": json.dumps(body), "content_type": "application/json"}


def without_csrf(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def with_csrf(user: Any) -> Client:
    client = without_csrf(user)
    client.cookies["csrftoken"] = CSRF
    return client


def prescribe(practice: Practice, items: list[dict[str, Any]], who: str = "ana") -> Any:
    body = as_json({"items": items})
    url = f"/api/clients/{practice.link.pk}/prescription"
    if who == "anonymous":
        return Client().post(url, **body)
    user = practice.practitioner
    if who == "no-csrf":
        return without_csrf(user).post(url, **body)
    return with_csrf(user).post(url, **body, HTTP_X_CSRFTOKEN=CSRF)


def check_in(practice: Practice, body: object, client: Client | None = None) -> Any:
    client = client or with_csrf(practice.client)
    return client.post("/api/diary/checkins", **as_json(body), HTTP_X_CSRFTOKEN=CSRF)


def too_many_check_ins(p: Any) -> Any:
    """Two new check-ins with a limit of one per window: the second is refused (429)."""
    from django.conf import settings
    from django.test import override_settings

    limits = {**settings.CREATION_LIMITS, "check-ins": 1}
    with override_settings(CREATION_LIMITS=limits):
        check_in(p, {"area": "upper-back", "pain": 3})
        return check_in(p, {"area": "lower-back", "pain": 3})


# (method, path in the document, status): how to get that answer
CASES: dict[tuple[str, str, int], Call] = {
    ("get", "/api/points", 200): lambda p, n: Client().get("/api/points?area=neck"),
    ("get", "/api/points", 422): lambda p, n: Client().get("/api/points?area=knee"),
    ("get", "/api/points/{code}", 200): lambda p, n: Client().get("/api/points/B47"),
    ("get", "/api/points/{code}", 404): lambda p, n: Client().get("/api/points/XX99"),
    ("post", "/api/plan", 200): lambda p, n: Client().post("/api/plan", **as_json(PLAN)),
    ("post", "/api/plan", 400): lambda p, n: Client().post(
        "/api/plan", **as_json({"areas": ["neck"]})
    ),
    ("post", "/api/plan", 422): lambda p, n: Client().post(
        "/api/plan", **as_json({"areas": ["knee"], "red_flags": []})
    ),
    ("get", "/api/diary/sessions", 200): lambda p, n: signed_in(p.client).get(
        "/api/diary/sessions"
    ),
    ("get", "/api/diary/sessions", 401): lambda p, n: Client().get("/api/diary/sessions"),
    ("get", "/api/diary/checkins", 200): lambda p, n: signed_in(p.client).get(
        "/api/diary/checkins"
    ),
    ("get", "/api/diary/checkins", 401): lambda p, n: Client().get("/api/diary/checkins"),
    ("post", "/api/diary/checkins", 201): lambda p, n: check_in(p, {"area": "neck", "pain": 3}),
    ("post", "/api/diary/checkins", 401): lambda p, n: Client().post(
        "/api/diary/checkins", **as_json({"area": "neck", "pain": 3})
    ),
    ("post", "/api/diary/checkins", 403): lambda p, n: check_in(
        p, {"area": "neck", "pain": 3}, without_csrf(p.client)
    ),
    ("post", "/api/diary/checkins", 400): lambda p, n: with_csrf(p.client).post(
        "/api/diary/checkins", b"\xff{", content_type="multipart/form-data", HTTP_X_CSRFTOKEN=CSRF
    ),
    ("post", "/api/diary/checkins", 422): lambda p, n: check_in(p, {"area": "neck", "pain": 11}),
    ("post", "/api/diary/checkins", 429): lambda p, n: too_many_check_ins(p),
    ("get", "/api/programs", 200): lambda p, n: signed_in(p.client).get("/api/programs"),
    ("get", "/api/programs", 401): lambda p, n: Client().get("/api/programs"),
    ("get", "/api/programs/{pk}/today", 200): lambda p, n: signed_in(p.client).get(
        f"/api/programs/{n}/today"
    ),
    ("get", "/api/programs/{pk}/today", 404): lambda p, n: signed_in(p.stranger).get(
        f"/api/programs/{n}/today"
    ),
    ("get", "/api/programs/{pk}/today", 401): lambda p, n: Client().get(f"/api/programs/{n}/today"),
    ("get", "/api/programs/{pk}/summary", 200): lambda p, n: signed_in(p.client).get(
        f"/api/programs/{n}/summary"
    ),
    ("get", "/api/programs/{pk}/summary", 404): lambda p, n: signed_in(p.client).get(
        "/api/programs/999999/summary"
    ),
    ("get", "/api/programs/{pk}/summary", 401): lambda p, n: Client().get(
        f"/api/programs/{n}/summary"
    ),
    ("get", "/api/clients/{pk}/fhir", 200): lambda p, n: signed_in(p.practitioner).get(
        f"/api/clients/{p.link.pk}/fhir"
    ),
    ("get", "/api/clients/{pk}/fhir", 401): lambda p, n: Client().get(
        f"/api/clients/{p.link.pk}/fhir"
    ),
    ("get", "/api/clients/{pk}/fhir", 404): lambda p, n: signed_in(p.other).get(
        f"/api/clients/{p.link.pk}/fhir"
    ),
    ("post", "/api/clients/{pk}/prescription", 201): lambda p, n: prescribe(
        p, [item("KI27", 120, 3)]
    ),
    ("post", "/api/clients/{pk}/prescription", 400): lambda p, n: prescribe(
        p,
        [item("LI4", 60, 2)],  # excluded in pregnancy
    ),
    ("post", "/api/clients/{pk}/prescription", 401): lambda p, n: prescribe(
        p, [item("KI27", 120, 3)], "anonymous"
    ),
    ("post", "/api/clients/{pk}/prescription", 403): lambda p, n: prescribe(
        p, [item("KI27", 120, 3)], "no-csrf"
    ),
    ("post", "/api/clients/{pk}/prescription", 404): lambda p, n: with_csrf(p.other).post(
        f"/api/clients/{p.link.pk}/prescription",
        **as_json({"items": [item("KI27", 120, 3)]}),
        HTTP_X_CSRFTOKEN=CSRF,
    ),
    ("post", "/api/clients/{pk}/prescription", 422): lambda p, n: prescribe(p, []),
}


def documented(doc: dict[str, Any]) -> set[tuple[str, str, int]]:
    return {
        (method, path, int(status))
        for path, operations in doc["paths"].items()
        for method, operation in operations.items()
        for status in operation["responses"]
    }


def test_the_document_is_valid_openapi_3_1() -> None:
    doc = Client().get("/api/openapi.json").json()
    validate(doc)  # openapi-spec-validator: raises on any problem
    assert doc["openapi"].startswith("3.1") and doc["servers"]
    assert doc["info"]["license"]["identifier"] == "Apache-2.0"
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            public = operation.get("security") == []
            assert public or operation.get("security"), (method, path)
            assert any(400 <= int(s) < 500 for s in operation["responses"]), (method, path)
    assert '"format": "time"' not in json.dumps(doc)  # local times are sent without offsets


def test_every_documented_response_matches_its_schema(clock: FakeWallClock) -> None:
    doc = Client().get("/api/openapi.json").json()
    assert documented(doc) == set(CASES)
    practice = make_practice()
    own = make(signed_in(practice.client))
    checked = []
    for (method, path, status), call in CASES.items():
        response = call(practice, own.pk)
        assert response.status_code == status, (
            method,
            path,
            status,
            downloads.body(response)[:300],
        )
        media = response["Content-Type"].split(";")[0]
        content = doc["paths"][path][method]["responses"][str(status)]["content"]
        assert list(content) == [media], (method, path, status)
        schema = {**content[media]["schema"], "components": doc["components"]}
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        errors = [e.message for e in validator.iter_errors(json.loads(downloads.body(response)))]
        assert errors == [], (method, path, status, errors[:5])
        checked.append((method, path, status))
    assert len(checked) == len(CASES)


def test_formats_are_checked() -> None:
    """The checker is not blind: a date-time without a zone, a month 13 and an odd local
    time (our pattern) each fail."""
    checker = FormatChecker()
    doc = Client().get("/api/openapi.json").json()
    times = doc["components"]["schemas"]["Schedule"]["properties"]["times"]["items"]
    assert list(Draft202012Validator(times).iter_errors("24:00:00"))
    assert not list(Draft202012Validator(times).iter_errors("08:00:00"))
    for fmt, value in (("date-time", "2025-03-03T09:00:00"), ("date", "2025-13-01")):
        schema = {"type": "string", "format": fmt}
        assert list(Draft202012Validator(schema, format_checker=checker).iter_errors(value))
