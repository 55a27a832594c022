"""Seconds on target per point (the player's camera switch) are saved with the session."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.web import downloads
from tests.web.personas import Personas

from acupressure.records.models import PracticeSession

INTAKE = json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})


def start(client: Client) -> PracticeSession:
    response = client.post("/session/start/", {"intake": INTAKE})
    assert response.status_code == 302, response.content
    return PracticeSession.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))


def _finish(client: Client, session: PracticeSession, on_target: object) -> tuple[int, dict]:  # type: ignore[type-arg]
    fields = {"pain_after": 2, "completed_steps": 1, "note": ""}
    if on_target is not None:
        fields["on_target"] = on_target if isinstance(on_target, str) else json.dumps(on_target)
    response = client.post(f"/session/{session.pk}/finish/", fields, HTTP_ACCEPT="application/json")
    return response.status_code, response.json()


def test_seconds_on_target_are_saved_and_shown(owner_client: Client, people: Personas) -> None:
    session = start(owner_client)
    code = session.plan["points"][0]["code"]
    status, _ = _finish(owner_client, session, {code: 12.34})
    assert status == 200
    session.refresh_from_db()
    assert session.on_target == {code: 12.3}
    assert f"{code} 12 s" in owner_client.get("/diary/").content.decode()
    exported = json.loads(downloads.body(owner_client.get("/privacy/export.json")))
    assert exported["sessions"][0]["on_target"] == {code: 12.3}


def test_without_the_camera_nothing_is_recorded(owner_client: Client, people: Personas) -> None:
    session = start(owner_client)
    status, _ = _finish(owner_client, session, None)
    assert status == 200
    session.refresh_from_db()
    assert session.on_target == {}


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"XX9": 3}, "not a point of this session"),
        ("[1, 2]", "an object"),
        ("{", "on_target"),
        ({"FIRST": "3"}, "must be a number"),
        ({"FIRST": -1}, "between 0 and"),
        ({"FIRST": 1e9}, "between 0 and"),
        ({"FIRST": True}, "must be a number"),
    ],
)
def test_bad_seconds_on_target_are_a_400(
    owner_client: Client, people: Personas, value: object, problem: str
) -> None:
    session = start(owner_client)
    code = session.plan["points"][0]["code"]
    if isinstance(value, dict):
        value = {code if k == "FIRST" else k: v for k, v in value.items()}
    status, body = _finish(owner_client, session, value)
    assert status == 400 and problem in body["detail"]
    session.refresh_from_db()
    assert session.finished_at is None


def _player(client: Client, areas: list[str]) -> str:
    intake = json.dumps({"areas": areas, "helper": True, "red_flags": []})
    response = client.post("/session/start/", {"intake": intake})
    assert response.status_code == 302, response.content
    return client.get(response["Location"]).content.decode()


def test_the_camera_switch_times_only_the_points_on_the_hand(
    owner_client: Client, people: Personas
) -> None:
    """Live, the body model's tip of the hand is rough (certainty "low"), so only LI4 and TE3
    can hold the timer; a routine without them offers no camera switch."""
    neck = _player(owner_client, ["neck"])
    assert 'id="use-camera"' in neck
    assert 'data-checkable="TE3,LI4"' in neck or 'data-checkable="LI4,TE3"' in neck
    assert "the points on the hand (" in neck
    lower_back = _player(owner_client, ["lower-back"])  # CV6 is checked on photos only
    assert 'id="use-camera"' not in lower_back and "player_camera" in lower_back
