"""Creation limits per person (acupressure.records.creation): a clear 429, counted in the database,
per person, and free again once the window has moved on (an injected clock, no waiting)."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings
from tests.doubles import FakeWallClock
from tests.web.personas import Personas

from acupressure.records.models import CheckIn, PracticeSession

pytestmark = pytest.mark.django_db
INTAKE = json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})
LIMITS = {"sessions": 3, "check-ins": 2, "programs": 2}


@override_settings(CREATION_LIMITS=LIMITS, CREATION_WINDOW_SECONDS=3600)
def test_sessions_past_the_limit_get_a_clear_429_until_the_window_moves(
    people: Personas, owner_client: Client, clock: FakeWallClock
) -> None:
    for _ in range(3):
        assert owner_client.post("/session/start/", {"intake": INTAKE}).status_code == 302
        clock.advance(minutes=10)
    refused = owner_client.post("/session/start/", {"intake": INTAKE})
    assert refused.status_code == 429
    text = refused.content.decode()
    assert "3 sessions in the last 60 minutes" in text and "try again in 30 min" in text
    assert refused["Retry-After"] == str(30 * 60)  # when the first of the three leaves
    assert PracticeSession.objects.filter(owner=people.owner).count() == 3  # nothing made
    other = people.client_for(people.stranger)  # per person: someone else is not limited
    assert other.post("/session/start/", {"intake": INTAKE}).status_code == 302
    clock.advance(minutes=31)
    assert owner_client.post("/session/start/", {"intake": INTAKE}).status_code == 302


@override_settings(CREATION_LIMITS=LIMITS, CREATION_WINDOW_SECONDS=3600)
def test_check_ins_count_new_ones_and_changing_one_is_never_refused(
    people: Personas, owner_client: Client
) -> None:
    for area in ("neck", "shoulders"):
        assert owner_client.post("/diary/checkin/", {"area": area, "pain": "4"}).status_code == 302
    for pain in ("5", "6", "7"):  # today's neck check-in, changed: not a creation
        assert (
            owner_client.post("/diary/checkin/", {"area": "neck", "pain": pain}).status_code == 302
        )
    refused = owner_client.post("/diary/checkin/", {"area": "lower-back", "pain": "4"})
    assert refused.status_code == 429 and "check-ins" in refused.content.decode()
    api = owner_client.post(
        "/api/diary/checkins", {"area": "lower-back", "pain": 4}, content_type="application/json"
    )
    assert api.status_code == 429 and "check-ins" in api.json()["detail"]
    assert int(api["Retry-After"]) > 0
    assert CheckIn.objects.filter(owner=people.owner).count() == 2
    assert CheckIn.objects.get(owner=people.owner, area="neck").pain == 7


@override_settings(CREATION_LIMITS=LIMITS, CREATION_WINDOW_SECONDS=3600)
def test_the_limit_speaks_the_visitors_language(people: Personas, owner_client: Client) -> None:
    for _ in range(3):
        owner_client.post("/session/start/", {"intake": INTAKE})
    spanish = owner_client.post(
        "/session/start/", {"intake": INTAKE}, headers={"accept-language": "es"}
    )
    assert spanish.status_code == 429 and "sesiones" in spanish.content.decode()


def test_the_check_ins_limit_counts_through_its_own_index() -> None:
    """The count of a person's check-ins in the window read every row of theirs (or every
    row: PostgreSQL chose a sequential scan) until migration 0016's (owner, updated_at)."""
    from datetime import UTC, datetime

    from django.db import connection

    from acupressure.records.creation import CHECK_INS_COUNTED_BY

    since = datetime(2026, 3, 1, tzinfo=UTC)
    counted = CheckIn.objects.filter(owner_id=1, **{f"{CHECK_INS_COUNTED_BY}__gte": since})
    sql, params = counted.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # its planner takes a scan on a tiny table
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "checkin_owner_updated" in plan, plan
