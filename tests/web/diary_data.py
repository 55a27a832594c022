"""A large diary made fast for the scale tests: sessions with a real plan, and check-ins,
one of each a day (bulk inserts; the benchmark makes its data through the views instead)."""

from __future__ import annotations

from datetime import datetime, timedelta

from acupressure.plan import build_plan
from acupressure.records.models import CheckIn, PracticeSession
from acupressure.safety import Intake

INTAKE = Intake(areas=["lower-back", "neck"], helper=True, red_flags=[])


def fill(owner_id: int, start: datetime, days: int, program_id: int | None = None) -> None:
    """``days`` days, each with a finished session (pain before and after, a note) and a
    check-in; the session carries the plan and intake a real one stores."""
    plan = build_plan(INTAKE).model_dump(mode="json")
    intake = INTAKE.model_dump(mode="json")
    sessions, check_ins = [], []
    for day in range(days):
        at = start + timedelta(days=day)
        sessions.append(
            PracticeSession(
                owner_id=owner_id,
                created_at=at,
                started_at=at,
                finished_at=at + timedelta(minutes=12),
                areas=["lower-back", "neck"],
                intake=intake,
                plan=plan,
                pain_before=3 + day % 5,
                pain_after=2 + day % 4,
                completed_steps=6,
                total_steps=6,
                note=f"day {day}: =1+2 stiff after sitting, María",
                program_id=program_id,
                slot_kind="routine" if program_id else "",
                seconds_pressed=300,
            )
        )
        check_ins.append(
            CheckIn(
                owner_id=owner_id,
                day=at.date(),
                area="neck",
                pain=day % 11,
                note="",
                updated_at=at + timedelta(hours=10),
            )
        )
    PracticeSession.objects.bulk_create(sessions, batch_size=500)
    CheckIn.objects.bulk_create(check_ins, batch_size=500)
