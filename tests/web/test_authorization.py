"""Who may open what: every personal URL and API endpoint x every kind of person, one table.

Each row names a route (as in the URLconf), a request, and the status each persona gets.
Every route of the app must be in MATRIX or in PUBLIC (with the reason it holds nothing
personal), so a new URL without an entry fails ``test_every_route_has_an_entry``. Another
issue adding URLs adds rows here. The owner's data carries a marker; it must show up exactly
for the personas in ``shows`` and never in any other answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLResolver, get_resolver
from tests.web.conftest import START, FakeClock

from acupressure.web.models import CheckIn, PracticeSession, PractitionerLink

PERSONAS = ("signed_out", "stranger", "owner", "linked", "unlinked")
SECRET = "olivia-private-marker-4711"


@dataclass(frozen=True)
class Row:
    route: str  # the URLconf route, as `test_every_route_has_an_entry` lists them
    method: str
    path: str  # {pk}: the owner's session, {owner}: the owner's user id
    expect: tuple[int, int, int, int, int]  # in the order of PERSONAS
    body: dict[str, Any] = field(default_factory=dict)
    json_body: bool = False
    shows: frozenset[str] = frozenset()  # who sees the owner's marker in the answer


def statuses(signed_out: int, stranger: int, owner: int, linked: int, unlinked: int) -> Any:
    return (signed_out, stranger, owner, linked, unlinked)


OWN = frozenset({"owner"})
OWN_AND_LINKED = frozenset({"owner", "linked"})
FINISH = {"pain_after": 2, "completed_steps": 1, "note": "ok"}
CHECKIN = {"area": "neck", "pain": 3}

MATRIX = [
    Row("diary/", "GET", "/diary/", statuses(302, 200, 200, 200, 200), shows=OWN),
    Row(
        "diary/",
        "GET",
        "/diary/?client={owner}",
        statuses(302, 404, 200, 200, 404),
        shows=OWN_AND_LINKED,
    ),
    Row(
        "diary/export.csv", "GET", "/diary/export.csv", statuses(302, 200, 200, 200, 200), shows=OWN
    ),
    Row(
        "diary/export.csv",
        "GET",
        "/diary/export.csv?client={owner}",
        statuses(302, 404, 200, 200, 404),
        shows=OWN_AND_LINKED,
    ),
    Row("diary/checkin/", "POST", "/diary/checkin/", statuses(302, 302, 302, 302, 302), CHECKIN),
    Row("diary/checkin/", "GET", "/diary/checkin/", statuses(302, 405, 405, 405, 405)),
    Row(
        "session/start/",
        "POST",
        "/session/start/",
        statuses(302, 302, 302, 302, 302),
        {"intake": json.dumps({"areas": ["neck"], "helper": True})},
    ),
    Row("session/<int:pk>/", "GET", "/session/{pk}/", statuses(302, 404, 200, 404, 404)),
    Row(
        "session/<int:pk>/timeline.json",
        "GET",
        "/session/{pk}/timeline.json",
        statuses(302, 404, 200, 404, 404),
    ),
    Row(
        "session/<int:pk>/pain/",
        "POST",
        "/session/{pk}/pain/",
        statuses(302, 404, 200, 404, 404),
        {"pain": 5},
    ),
    Row(
        "session/<int:pk>/finish/",
        "POST",
        "/session/{pk}/finish/",
        statuses(302, 404, 302, 404, 404),
        FINISH,
    ),
    Row("privacy/", "GET", "/privacy/", statuses(302, 200, 200, 200, 200)),
    Row(
        "privacy/export.json",
        "GET",
        "/privacy/export.json",
        statuses(302, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row("privacy/delete/", "GET", "/privacy/delete/", statuses(302, 200, 200, 200, 200)),
    Row(
        "privacy/delete/", "POST", "/privacy/delete/", statuses(302, 400, 400, 400, 400)
    ),  # unconfirmed
    Row("signout/", "POST", "/signout/", statuses(302, 302, 302, 302, 302)),
    Row(
        "api/diary/sessions",
        "GET",
        "/api/diary/sessions",
        statuses(401, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row(
        "api/diary/checkins",
        "GET",
        "/api/diary/checkins",
        statuses(401, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row(
        "api/diary/checkins",
        "POST",
        "/api/diary/checkins",
        statuses(401, 201, 201, 201, 201),
        CHECKIN,
        json_body=True,
    ),
    Row("admin/", "GET", "/admin/", statuses(302, 302, 302, 302, 302)),  # staff only
    Row("admin/", "GET", "/admin/web/checkin/", statuses(302, 302, 302, 302, 302)),
]

# Routes that hold nothing personal, and why.
PUBLIC = {
    "": "home: the body map",
    "about/": "what acupressure can and cannot do",
    "points/": "the atlas",
    "points/<str:code>/": "one point of the atlas",
    "plan/": "the plan form; its answers go back only to whoever posted them",
    "signin/": "the sign-in form",
    "signin/link/<str:token>/": "the one-time link (tested in test_signin.py)",
    "manifest.webmanifest": "the web app manifest",
    "sw.js": "the service worker",
    "offline/": "the offline page",
    "camera/": "photo analysis; the photo is never stored",
    "camera/live/": "live camera page; video stays in the browser",
    "api/": "the API's root",
    "api/points": "the atlas",
    "api/points/<code>": "one point",
    "api/plan": "a routine for the posted answers; nothing stored",
    "api/openapi.json": "the API schema",
    "api/locate/landmarks": "points for posted landmarks; nothing stored",
}


def _routes() -> set[str]:
    def walk(patterns: list[Any], prefix: str) -> set[str]:
        found: set[str] = set()
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                found |= walk(pattern.url_patterns, route)
            else:
                found.add(route)
        return found

    return walk(get_resolver().url_patterns, "")


def test_every_route_has_an_entry() -> None:
    covered = {row.route for row in MATRIX} | set(PUBLIC)
    missing = {r for r in _routes() if r not in covered and not r.startswith("admin/")}
    assert missing == set(), f"add these routes to MATRIX or PUBLIC: {sorted(missing)}"
    assert not set(PUBLIC) & {row.route for row in MATRIX}


@pytest.fixture
def world(db: None, clock: FakeClock) -> dict[str, Any]:
    owner = User.objects.create_user("olivia")
    linked = User.objects.create_user("dr-pat")
    unlinked = User.objects.create_user("dr-una")
    stranger = User.objects.create_user("sam")
    other_client = User.objects.create_user("otto")
    PractitionerLink.objects.create(practitioner=linked, client=owner, created_at=clock())
    PractitionerLink.objects.create(practitioner=unlinked, client=other_client, created_at=clock())
    CheckIn.objects.create(
        owner=owner, day=START.date(), area="neck", pain=6, note=SECRET, updated_at=clock()
    )
    session = PracticeSession.objects.create(
        owner=owner,
        created_at=clock(),
        areas=["neck"],
        intake={},
        plan={"points": [], "steps": [], "total_seconds": 0},
        total_steps=1,
        note=SECRET,
    )
    users = {"stranger": stranger, "owner": owner, "linked": linked, "unlinked": unlinked}
    return {"users": users, "pk": session.pk, "owner": owner.pk}


@pytest.mark.parametrize("row", MATRIX, ids=lambda r: f"{r.method} {r.path}")
def test_authorization_matrix(world: dict[str, Any], row: Row) -> None:
    path = row.path.format(pk=world["pk"], owner=world["owner"])
    got: dict[str, int] = {}
    for persona in PERSONAS:
        client = Client()
        if persona != "signed_out":
            client.force_login(world["users"][persona])
        if row.method == "GET":
            response = client.get(path)
        elif row.json_body:
            response = client.post(path, json.dumps(row.body), content_type="application/json")
        else:
            response = client.post(path, row.body)
        got[persona] = response.status_code
        if persona != "signed_out":  # anything for a signed-in person is kept by no cache
            assert response["Cache-Control"] == "no-store, private", persona
        body = b"".join(response) if response.streaming else response.content
        seen = SECRET.encode() in body
        assert seen == (persona in row.shows), f"{persona}: marker {'shown' if seen else 'missing'}"
    assert got == dict(zip(PERSONAS, row.expect, strict=True))
