"""API bad input found by fuzzing: each answer is a JSON 4xx that says what is wrong."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.web.personas import Personas

pytestmark = pytest.mark.django_db

CSRF = "c" * 32


def test_broken_multipart_body_is_a_json_400(people: Personas) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.owner)
    client.cookies["csrftoken"] = CSRF
    response = client.post(
        "/api/diary/checkins",
        b"\xff{",
        content_type="multipart/form-data",
        HTTP_X_CSRFTOKEN=CSRF,
    )
    assert response.status_code == 400
    assert "multipart" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {"areas": ["neck"], "red_flags": [], "pain": False},
        {"areas": ["neck"], "red_flags": [], "minutes": True},
        {"areas": ["neck"], "red_flags": [], "pregnant": "yes"},
        {"areas": ["neck"], "red_flags": [], "pregnant": True, "trimester": True},
    ],
)
def test_plan_refuses_values_of_the_wrong_json_type(client: Client, body: object) -> None:
    response = client.post("/api/plan", json.dumps(body), content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"][0]["msg"]


def test_check_in_refuses_true_as_pain(owner_client: Client) -> None:
    body = json.dumps({"area": "neck", "pain": True})
    response = owner_client.post("/api/diary/checkins", body, content_type="application/json")
    assert response.status_code == 422


def test_openapi_lists_known_ids_and_error_answers(client: Client) -> None:
    doc = client.get("/api/openapi.json").json()
    intake = doc["components"]["schemas"]["Intake"]["properties"]
    assert "fever" in intake["red_flags"]["items"]["enum"]
    assert "pacemaker" in intake["conditions"]["items"]["enum"]
    assert "422" in doc["paths"]["/api/plan"]["post"]["responses"]
    assert "404" in doc["paths"]["/api/points/{code}"]["get"]["responses"]
    assert "401" in doc["paths"]["/api/diary/checkins"]["post"]["responses"]
