"""A stored program for the export tests (handouts, progress reports, calendars)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from acupressure.atlas.models import Area
from acupressure.program import Program, design
from acupressure.safety import Intake


def stored_program(area: Area) -> Program:
    """A program for one area, designed on Monday 2 March 2026, as the store gives it back."""
    made = design(Intake(areas=[area], red_flags=[]), date(2026, 3, 2))
    return Program(
        id=7,
        owner="olivia",
        created_at=datetime(2026, 3, 2, tzinfo=UTC),
        intake=made.intake,
        points=made.points,
        extra_points=made.extra_points,
        routine_press_seconds=300,
        extra_press_seconds=60,
        schedule=made.schedule,
    )
