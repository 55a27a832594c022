"""Who may open what: the table in tests/web/access_matrix.py, checked request by request.

Every route of the app must be in MATRIX or in PUBLIC, so a new URL without an entry fails
``test_every_route_has_an_entry``. Every answer to a signed-in persona is marked no-store.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLResolver, get_resolver
from tests.doubles import FakeWallClock
from tests.web.access_matrix import MATRIX, PERSONAS, PUBLIC, SECRET, Row
from tests.web.personas import matrix_practitioners

from acupressure.program import design
from acupressure.records.models import (
    CheckIn,
    PracticeSession,
    PractitionerLink,
    PractitionerProfile,
)
from acupressure.records.program_store import ProgramStore
from acupressure.safety import Intake


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
def world(db: None, clock: FakeWallClock) -> dict[str, Any]:
    owner = User.objects.create_user("olivia")
    linked = User.objects.create_user("dr-pat")
    unlinked = User.objects.create_user("dr-una")
    stranger = User.objects.create_user("sam")
    other_client = User.objects.create_user("otto")
    link = PractitionerLink.objects.create(
        practitioner=linked, client=owner, created_at=clock(), share_notes=True
    )
    PractitionerLink.objects.create(practitioner=unlinked, client=other_client, created_at=clock())
    CheckIn.objects.create(
        owner=owner, day=clock().date(), area="neck", pain=6, note=SECRET, updated_at=clock()
    )
    session = PracticeSession.objects.create(
        owner=owner,
        created_at=clock(),
        areas=["neck"],
        intake={},
        plan={"points": [], "steps": [], "total_seconds": 0},
        total_steps=1,
        completed_steps=1,
        started_at=clock(),
        finished_at=clock(),
        note=SECRET,
    )
    program = ProgramStore(owner.pk).create(
        design(Intake(areas=["neck"], red_flags=[]), clock().date()), clock()
    )
    activity = {"activity-1": {"name": SECRET, "rating": 3}}
    ProgramStore(owner.pk).save_answers(program.id, 0, "activities", activity, clock())
    rx = practitioners(link, linked, unlinked)
    ProgramStore(owner.pk).save_answers(rx, 0, "activities", activity, clock())
    others = matrix_practitioners(owner, clock())
    users = {"stranger": stranger, "owner": owner, "linked": linked, "unlinked": unlinked}
    return {
        **others,
        "users": users | others["users"],
        "pk": session.pk,
        "owner": owner.pk,
        "program": program.id,
        "token": program.calendar_token,
        "link": link.pk,
        "rx": rx,
    }


def practitioners(link: PractitionerLink, linked: User, unlinked: User) -> int:
    """Both practitioners get their accounts; the owner's consents, shares notes, is screened
    and asked to answer the safety questions too; the owner gets a prescription."""
    from acupressure.plan.prescribe import PrescribedPoint
    from acupressure.web.views.prescribe import save

    for user in (linked, unlinked):
        PractitionerProfile.objects.create(
            user=user, name=user.username, created_at=link.created_at
        )
    link.intake = json.loads(Intake(areas=["neck"], red_flags=[]).model_dump_json())
    link.consented_at, link.screening_by_client = link.created_at, True
    link.save()
    item = PrescribedPoint(code="KI27", hold_seconds=120, repetitions=3, pressure="firm")
    return save(link, linked, [item], 2, [], "UTC")


def _fill(value: Any, values: dict[str, Any]) -> Any:
    """A form value naming a record of the table ("{pending_link}") gets its id."""
    if isinstance(value, str) and value.startswith("{") and value.strip("{}") in values:
        return str(values[value.strip("{}")])
    return value


@pytest.mark.parametrize("row", MATRIX, ids=lambda r: f"{r.method} {r.path}")
def test_authorization_matrix(world: dict[str, Any], row: Row) -> None:
    names = ("pk", "owner", "program", "token", "link", "rx")
    values = {name: world[name] for name in (*names, "pending_link", "super_link", "made_link")}
    path = row.path.format(**values)
    data = {k: _fill(v, values) for k, v in row.body.items()}
    got: dict[str, int] = {}
    for persona in PERSONAS:
        client = Client()
        if persona != "signed_out":
            client.force_login(world["users"][persona])
        if row.method == "GET":
            response = client.get(path)
        elif row.json_body:
            response = client.post(path, json.dumps(data), content_type="application/json")
        else:
            response = client.post(path, data)
        got[persona] = response.status_code
        if persona != "signed_out":  # anything for a signed-in person is kept by no cache
            assert response["Cache-Control"] == "no-store, private", persona
        body = b"".join(response) if response.streaming else response.content
        seen = SECRET.encode() in body
        assert seen == (persona in row.shows), f"{persona}: marker {'shown' if seen else 'missing'}"
    assert got == dict(zip(PERSONAS, row.expect, strict=True))
