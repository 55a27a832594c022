"""Programs: a screened routine plus a schedule, carried over weeks.

    >>> from datetime import date
    >>> from acupressure.program import design
    >>> from acupressure.safety import Intake
    >>> d = design(Intake(areas=["upper-back"], red_flags=[]), start=date(2026, 3, 2))
    >>> d.schedule.weeks, [t.isoformat() for t in d.schedule.times], d.extra_points
    (6, ['08:00:00'], ['KI27', 'TE3'])

A program is refused (``ProgramError``) when screening blocks the routine or no point fits.
Layers: this package uses plan and safety; the store (the one database) and the exports read
its models; it knows nothing of Django or the terminal. This file re-exports; the logic is in
``builder`` (a new program's design), ``routine`` (what a slot plays), ``schedule``,
``progress`` (today and adherence), ``rescreen`` and ``summary``.
"""

from __future__ import annotations

from acupressure.program.builder import Design, ProgramError, design, design_prescribed
from acupressure.program.models import (
    DoneSession,
    Program,
    Schedule,
    Slot,
    SlotKind,
    Today,
    TodayReport,
    WeekAdherence,
)
from acupressure.program.progress import adherence, next_change, report, rescreen_due, today
from acupressure.program.rescreen import Rescreen, rescreen
from acupressure.program.routine import plan_for_slot, press_seconds
from acupressure.program.schedule import all_slots, end_of, week_of

__all__ = [
    "Design",
    "DoneSession",
    "Program",
    "ProgramError",
    "Rescreen",
    "Schedule",
    "Slot",
    "SlotKind",
    "Today",
    "TodayReport",
    "WeekAdherence",
    "adherence",
    "all_slots",
    "design",
    "design_prescribed",
    "end_of",
    "next_change",
    "plan_for_slot",
    "press_seconds",
    "report",
    "rescreen",
    "rescreen_due",
    "today",
    "week_of",
]
