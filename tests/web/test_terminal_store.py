"""Sessions run in the terminal land in the same diary as browser sessions."""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth.models import User
from django.test import Client

from acupressure.records.models import PracticeSession
from acupressure.records.store import DiaryStore
from acupressure.session.record import PlanSummary, SessionRecord


def record() -> SessionRecord:
    return SessionRecord(
        started_at=datetime(2025, 3, 1, 8, 0, tzinfo=UTC),
        ended_at=datetime(2025, 3, 1, 8, 12, tzinfo=UTC),
        areas=["neck"],
        plan=PlanSummary(
            points=["BL10", "TE3"], total_seconds=700, steps_total=30, budget_seconds=None
        ),
        steps_completed=28,
        steps_skipped=2,
        seconds_done=650,
        completed=True,
        pain_before=5,
        pain_after=2,
    )


def test_terminal_session_is_saved_to_the_local_users_diary(db: None) -> None:
    DiaryStore("olivia").save(record())
    saved = PracticeSession.objects.get()
    assert saved.source == "terminal" and saved.owner.username == "olivia"
    assert (saved.pain_before, saved.pain_after, saved.completed_steps, saved.total_steps) == (
        5,
        2,
        28,
        30,
    )
    client = Client()
    client.force_login(User.objects.get(username="olivia"))
    page = client.get("/diary/").content.decode()
    assert "Terminal" in page and 'class="session-row"' in page


def test_save_to_diary_uses_the_person_running_the_command(db: None) -> None:
    import getpass

    from acupressure.records.store import save_to_diary

    assert save_to_diary(record()) is True
    assert PracticeSession.objects.get().owner.username == getpass.getuser()
