"""Steps done are kept as they happen: each progress report (and the beacon at the end)
is saved whatever the person does next, never lowered by a late report."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web.personas import Personas
from tests.web.programs import start

from acupressure.records.diary import readings


def test_steps_done_are_kept_and_the_end_recorded(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    session = start(owner_client)
    owner_client.post(f"/session/{session.pk}/pain/", {"pain": 6})
    clock.advance(minutes=2)
    saved = owner_client.post(f"/session/{session.pk}/progress/", {"completed_steps": 3})
    assert saved.json() == {"ok": True, "completed_steps": 3}
    session.refresh_from_db()
    assert (session.completed_steps, session.finished_at) == (3, None)
    clock.advance(minutes=1)
    end = clock()
    owner_client.post(f"/session/{session.pk}/progress/", {"completed_steps": 4, "ended": "on"})
    clock.advance(minutes=1)
    late = owner_client.post(f"/session/{session.pk}/progress/", {"completed_steps": 2})
    assert late.json()["completed_steps"] == 4  # an earlier report arriving late
    session.refresh_from_db()
    assert (session.completed_steps, session.finished_at) == (4, end)
    page = owner_client.get("/diary/").content.decode()
    assert f"4 / {session.total_steps}" in page
    # the pain after, given later, keeps the time the session ended
    owner_client.post(f"/session/{session.pk}/finish/", {"pain_after": 4, "completed_steps": 4})
    session.refresh_from_db()
    assert (session.pain_after, session.finished_at) == (4, end)
    assert [r.kind for r in readings(people.owner.pk)] == ["before", "after"]


@pytest.mark.parametrize(
    "fields",
    [{"completed_steps": -1}, {"completed_steps": 10**6}, {}, {"completed_steps": 1,
     "pressed_seconds": 10**6}, {"completed_steps": 1, "on_target": '{"XX1": 3}'}],
)  # fmt: skip
def test_bad_progress_is_a_400_and_changes_nothing(
    owner_client: Client, people: Personas, fields: dict[str, object]
) -> None:
    session = start(owner_client)
    response = owner_client.post(f"/session/{session.pk}/progress/", fields)
    assert response.status_code == 400 and response.json()["detail"]
    session.refresh_from_db()
    assert (session.completed_steps, session.finished_at) == (0, None)


def test_only_the_owner_reports_progress(owner_client: Client, people: Personas) -> None:
    session = start(owner_client)
    other = people.client_for(people.stranger)
    response = other.post(f"/session/{session.pk}/progress/", {"completed_steps": 1})
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.completed_steps == 0


def test_a_late_report_keeps_the_pain_after(
    owner_client: Client, people: Personas, clock: FakeWallClock
) -> None:
    """The beacon at the end and the pain-after form race: the report read the session
    before the form saved it, and must not write its stale pain back."""
    from acupressure.records.models import PracticeSession
    from acupressure.web.views import session as views

    session = start(owner_client)
    stale = PracticeSession.objects.get(pk=session.pk)
    owner_client.post(f"/session/{session.pk}/finish/", {"pain_after": 3, "completed_steps": 2})
    stale.completed_steps = 2
    stale.save(update_fields=views.PROGRESS_FIELDS)  # what the report's save writes
    session.refresh_from_db()
    assert (session.pain_after, session.completed_steps) == (3, 2)
