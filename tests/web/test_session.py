"""Starting a guided session from a plan, the player page, pain before and after."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.personas import Personas
from tests.web.programs import SESSION_INTAKE as INTAKE
from tests.web.programs import start

from acupressure.records.models import PracticeSession
from acupressure.web.views import session as views


def test_start_needs_sign_in(client: Client, db: None) -> None:
    response = client.post("/session/start/", {"intake": INTAKE})
    assert response.status_code == 302 and response["Location"].startswith("/signin/")
    assert PracticeSession.objects.count() == 0


def test_start_saves_the_plan_and_opens_the_player(owner_client: Client, people: Personas) -> None:
    session = start(owner_client)
    assert session.owner == people.owner and session.areas == ["neck"]
    assert session.total_steps == len(session.plan["steps"]) > 0
    page = owner_client.get(f"/session/{session.pk}/").content.decode()
    assert 'id="timeline"' in page and "player.js" in page and 'id="countdown"' in page


def test_timeline_json_follows_the_plan_steps(owner_client: Client, people: Personas) -> None:
    session = start(owner_client)
    data = owner_client.get(f"/session/{session.pk}/timeline.json").json()
    assert data["steps"] == session.plan["steps"]
    assert data["total_seconds"] == sum(s["seconds"] for s in data["steps"])


def test_blocked_intake_cannot_start(owner_client: Client, people: Personas) -> None:
    blocked = json.dumps({"areas": ["neck"], "red_flags": ["fever"]})
    response = owner_client.post("/session/start/", {"intake": blocked})
    assert response.status_code == 400
    assert PracticeSession.objects.count() == 0


@pytest.mark.parametrize(
    "intake",
    ["", "{", '{"areas": []}', '{"areas": ["neck"], "x": 1}', '{"areas": ["neck"]}'],
)
def test_bad_intake_is_a_400(owner_client: Client, people: Personas, intake: str) -> None:
    response = owner_client.post("/session/start/", {"intake": intake})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("intake:")


def test_pain_before_and_finish_are_saved(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    session = start(owner_client)
    assert owner_client.post(f"/session/{session.pk}/pain/", {"pain": 6}).status_code == 200
    clock.advance(minutes=12)
    done = owner_client.post(
        f"/session/{session.pk}/finish/",
        {"pain_after": 3, "completed_steps": 5},
        HTTP_ACCEPT="application/json",
    )
    assert done.json() == {"ok": True, "diary": "/diary/"}
    session.refresh_from_db()
    assert (session.pain_before, session.pain_after, session.completed_steps) == (6, 3, 5)
    assert session.finished_at == clock()


def _finish(client: Client, session: PracticeSession, **fields: object) -> None:
    sent = {"pain_after": 3, "completed_steps": 2, **fields}
    done = client.post(f"/session/{session.pk}/finish/", sent, HTTP_ACCEPT="application/json")
    assert done.status_code == 200, done.content


def test_the_finish_brings_the_pain_before_when_its_own_request_was_lost(
    owner_client: Client, people: Personas
) -> None:
    """The player sends the pain before again with the finish (its own request is sent and
    forgotten: offline, it is lost); a pain before already saved is never replaced."""
    lost = start(owner_client)
    _finish(owner_client, lost, pain_before=7)
    saved = start(owner_client)
    assert owner_client.post(f"/session/{saved.pk}/pain/", {"pain": 6}).status_code == 200
    _finish(owner_client, saved, pain_before=2)
    lost.refresh_from_db()
    saved.refresh_from_db()
    assert (lost.pain_before, lost.pain_after) == (7, 3)
    assert (saved.pain_before, saved.pain_after) == (6, 3)
    sent = {"pain_after": 3, "completed_steps": 2, "pain_before": 11}
    bad = owner_client.post(f"/session/{saved.pk}/finish/", sent)
    assert bad.status_code == 400 and "pain_before" in bad.json()["detail"]


def test_the_finish_never_writes_back_a_pain_before_saved_meanwhile(
    owner_client: Client, people: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pain before's request, slow on its way, is saved after the finish read the
    session and before it saved: the finish writes only what it carries (a browser test saw
    the pain before lost under load)."""
    session = start(owner_client)
    read = views.own_session

    def read_then_the_pain_arrives(request: object, pk: int, for_update: bool) -> PracticeSession:
        found = read(request, pk, for_update)  # type: ignore[arg-type]
        PracticeSession.objects.filter(pk=pk).update(pain_before=5)
        return found

    monkeypatch.setattr(views, "own_session", read_then_the_pain_arrives)
    _finish(owner_client, session)
    session.refresh_from_db()
    assert (session.pain_before, session.pain_after, session.completed_steps) == (5, 3, 2)


@pytest.mark.parametrize(
    "fields",
    [
        {"pain_after": 11, "completed_steps": 1},
        {"pain_after": "x", "completed_steps": 1},
        {"pain_after": 2, "completed_steps": -1},
        {"pain_after": 2, "completed_steps": 10**6},
        {},
    ],
)
def test_bad_finish_is_a_400(
    owner_client: Client, people: Personas, fields: dict[str, object]
) -> None:
    session = start(owner_client)
    response = owner_client.post(f"/session/{session.pk}/finish/", fields)
    assert response.status_code == 400 and response.json()["detail"]
    session.refresh_from_db()
    assert session.finished_at is None


def test_only_the_owner_reaches_a_session(owner_client: Client, people: Personas) -> None:
    session = start(owner_client)
    for user in (people.stranger, people.practitioner):
        other = people.client_for(user)
        assert other.get(f"/session/{session.pk}/").status_code == 404
        assert other.get(f"/session/{session.pk}/timeline.json").status_code == 404
        assert other.post(f"/session/{session.pk}/pain/", {"pain": 1}).status_code == 404
    anonymous = Client()
    assert anonymous.get(f"/session/{session.pk}/").status_code == 302
    session.refresh_from_db()
    assert session.pain_before is None


def test_a_player_opened_but_never_started_leaves_no_diary_entry(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    session = start(owner_client)
    assert owner_client.get(f"/session/{session.pk}/").status_code == 200
    assert session.started_at is None
    assert owner_client.get("/api/diary/sessions").json() == []
    assert 'class="session-row"' not in owner_client.get("/diary/").content.decode()
    assert downloads.text(owner_client.get("/diary/export.csv")).count("session,") == 0
    owner_client.post(f"/session/{session.pk}/pain/", {"pain": 5})
    session.refresh_from_db()
    assert session.started_at == clock()
    assert [s["id"] for s in owner_client.get("/api/diary/sessions").json()] == [session.pk]
