"""Bad input the fuzzers found on the pages and endpoints: each is a clear 4xx, not a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.web.personas import intake_form

from acupressure.records.models import CheckIn

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("client_id", ["²", "٣", "99999999999999999999999"])
@pytest.mark.parametrize("url", ["/diary/", "/diary/export.csv"])
def test_odd_client_ids_in_the_diary_query_are_not_a_500(
    owner_client: Client, url: str, client_id: str
) -> None:
    assert owner_client.get(url, {"client": client_id}).status_code in (200, 404)


def test_superscript_minutes_on_the_plan_page_is_a_400(client: Client) -> None:
    response = client.post("/plan/", intake_form(area="neck", minutes="²"))
    assert response.status_code == 400 and b"whole number of minutes" in response.content


def test_arabic_indic_minutes_are_read_as_a_number(client: Client) -> None:
    response = client.post("/plan/", intake_form(area="neck", minutes="١٠"))
    assert response.status_code == 200


def test_trimester_without_pregnant_says_to_tick_pregnant(client: Client) -> None:
    response = client.post("/plan/", intake_form(area="neck", trimester="2"))
    assert response.status_code == 400
    assert b"I am pregnant" in response.content and b"is not 1, 2 or 3" not in response.content


def test_nul_in_a_check_in_note_is_refused_by_the_api(owner_client: Client) -> None:
    body = json.dumps({"area": "neck", "pain": 3, "note": "a\x00b"})
    response = owner_client.post("/api/diary/checkins", body, content_type="application/json")
    # refused at the edge, before the endpoint (web/edge.py), as everywhere
    assert response.status_code == 400 and CheckIn.objects.count() == 0
    assert "NUL" in response.json()["detail"]


HAND = {"label": "Left", "score": 0.9, "landmarks": [[0.5, 0.5]] * 21}


@pytest.mark.parametrize(
    ("where", "bad"),
    [
        *[(w, b) for w in ("hand", "pose-landmark") for b in ("NaN", "Infinity", "1e308")],
        ("pose-visibility", "NaN"),
        ("pose-visibility", "-Infinity"),
    ],
)
def test_non_finite_landmarks_are_a_422(owner_client: Client, where: str, bad: str) -> None:
    if where == "hand":
        body = json.dumps({"width": 100, "height": 100, "hands": [HAND]})
        body = body.replace("[0.5, 0.5]", f"[{bad}, 0.5]", 1)
    else:
        pose = {"landmarks": [[0.5, 0.5]] * 33, "visibility": [0.9] * 33}
        body = json.dumps({"width": 100, "height": 100, "pose": pose})
        old = "[0.5, 0.5]" if where == "pose-landmark" else "0.9"
        body = body.replace(old, f"[{bad}, 0.5]" if old.startswith("[") else bad, 1)
    response = owner_client.post("/api/locate/landmarks", body, content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"]
