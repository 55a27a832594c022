"""The JSON API: atlas, planner, and the signed-in person's diary."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web.personas import Personas

from acupressure.plan import plan_json
from acupressure.records.models import CheckIn
from acupressure.safety import Intake

pytestmark = pytest.mark.django_db


def test_points_lists_fourteen(client: Client) -> None:
    data = client.get("/api/points").json()
    assert len(data) == 14 and {"code", "names", "aliases"} <= data[0].keys()


def test_point_by_alias_returns_the_standard_point(client: Client) -> None:
    data = client.get("/api/points/B47").json()
    assert data["code"] == "BL52"
    assert data["query"]["errata"]


def test_unknown_point_is_404_with_message(client: Client) -> None:
    response = client.get("/api/points/XX1")
    assert response.status_code == 404 and response.json()["detail"]


def test_plan_matches_the_cli_json(client: Client) -> None:
    body = {
        "areas": ["lower-back"],
        "pregnant": True,
        "trimester": 2,
        "helper": True,
        "red_flags": [],
    }
    response = client.post("/api/plan", json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert response.json() == plan_json(Intake.model_validate(body))
    screening = response.json()["screening"]
    assert screening["yes"] == [] and "pregnancy-bleeding" in screening["asked"]
    assert "aortic-aneurysm" in screening["asked"] and "chest-heart" not in screening["asked"]


def test_plan_without_red_flags_is_a_400_naming_the_field(client: Client) -> None:
    body = json.dumps({"areas": ["neck"], "minutes": 10})
    response = client.post("/api/plan", body, content_type="application/json")
    assert response.status_code == 400
    assert "red_flags" in response.json()["detail"]
    yes = json.dumps({"areas": ["neck"], "red_flags": ["chest-heart"]})
    blocked = client.post("/api/plan", yes, content_type="application/json").json()
    assert blocked["blocked"] and blocked["screening"]["yes"] == ["chest-heart"]


@pytest.mark.parametrize(
    "body",
    [
        '{"areas": []}',
        '{"areas": ["neck"], "trimester": 2}',
        '{"areas": ["neck"], "red_flags": ["x"]}',
        "not json",
        '{"areas": ["neck"], "minutes": -3}',
    ],
)
def test_bad_plan_body_is_a_4xx_with_detail(client: Client, body: str) -> None:
    response = client.post("/api/plan", body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_openapi_lists_the_endpoints(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/points",
        "/api/points/{code}",
        "/api/plan",
        "/api/diary/checkins",
        "/api/diary/sessions",
    ):
        assert path in paths


def test_diary_endpoints_need_sign_in(client: Client) -> None:
    assert client.get("/api/diary/sessions").status_code == 401
    response = client.post(
        "/api/diary/checkins", '{"area": "neck", "pain": 3}', content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert CheckIn.objects.count() == 0


def test_check_in_through_the_api(people: Personas, clock: FakeWallClock) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.owner)
    client.get("/diary/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/diary/checkins",
        '{"area": "neck", "pain": 3}',
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201
    assert response.json() == {"day": "2025-03-03", "area": "neck", "pain": 3, "note": ""}
    assert client.get("/api/diary/checkins").json()[0]["pain"] == 3
    others = people.client_for(people.stranger).get("/api/diary/checkins").json()
    assert others == []


def test_api_check_in_without_csrf_token_is_refused(people: Personas) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.owner)
    response = client.post(
        "/api/diary/checkins", '{"area": "neck", "pain": 3}', content_type="application/json"
    )
    assert response.status_code == 403
    assert CheckIn.objects.count() == 0


def test_bad_check_in_body_is_422(owner_client: Client, people: Personas) -> None:
    response = owner_client.post(
        "/api/diary/checkins", '{"area": "neck", "pain": 12}', content_type="application/json"
    )
    assert response.status_code == 422
