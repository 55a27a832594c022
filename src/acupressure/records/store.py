"""A session store that writes terminal sessions (`acupressure session`) into the web diary.

    store = open_diary_store()          # sets up Django and migrates the database
    run_session(..., store=store)       # the session module calls store.save(record)

The record goes to the diary of the person running the command (their local user, the same
one `acupressure serve` signs in), so it shows up on /diary/ next to browser sessions.
"""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

from acupressure.session.record import SessionRecord

if TYPE_CHECKING:
    from acupressure.records.program_store import ProgramStore


class DiaryStore:
    """Saves each :class:`SessionRecord` as a PracticeSession of one user."""

    def __init__(self, username: str) -> None:
        self.username = username

    def save(self, record: SessionRecord) -> None:
        from acupressure.records.models import PracticeSession
        from acupressure.records.signin import local_user

        PracticeSession.objects.create(
            owner=local_user(self.username),
            source="terminal",
            created_at=record.started_at,
            started_at=record.started_at,
            finished_at=record.ended_at,
            areas=list(record.areas),
            plan=record.plan.model_dump(mode="json"),
            pain_before=record.pain_before,
            pain_after=record.pain_after,
            completed_steps=record.steps_completed,
            total_steps=record.plan.steps_total,
            seconds_pressed=record.seconds_pressed,
        )


def setup_records() -> None:
    """Set up Django for the records (the data folder and database of `acupressure serve`;
    the web's settings when the web app is already set up) and migrate."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.records.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def open_diary_store(username: str | None = None) -> DiaryStore:
    """The diary of the person running the command (Django set up and migrated)."""
    setup_records()
    return DiaryStore(username or getpass.getuser())


def save_to_diary(record: SessionRecord) -> bool:
    """Also keep a terminal session in the web diary; False when the `web` extra is missing."""
    try:
        store = open_diary_store()
    except ImportError:
        return False
    store.save(record)
    return True


def open_program_store(username: str | None = None) -> ProgramStore:
    """Programs of the person running the command, in the same database as the web app."""
    diary = open_diary_store(username)
    from acupressure.records.program_store import ProgramStore
    from acupressure.records.signin import local_user

    return ProgramStore(int(local_user(diary.username).pk))
