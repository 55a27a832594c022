"""Reminders: when each reminder of a program is due, and what it says.

    >>> from datetime import date, time
    >>> from acupressure.program import Schedule
    >>> from acupressure.reminders import QuietHours, due_reminders
    >>> s = Schedule(start=date(2026, 3, 2), weeks=1, times=[time(8), time(22)],
    ...              timezone="Europe/Madrid")
    >>> [(d.kind, d.fire_at.isoformat()) for d in due_reminders(s, QuietHours())][:3]
    [('session', '2026-03-02T07:00:00+00:00'), ('session', '2026-03-03T07:00:00+00:00'), ('session', '2026-03-04T07:00:00+00:00')]

Pure: no Django, no network. The records (which reminders were sent) and the channels (email,
Web Push) live in the web app's ``reminders`` app, which uses this package.
"""

from __future__ import annotations

from acupressure.reminders.timing import (
    LATE_LIMIT,
    SNOOZE,
    Due,
    QuietHours,
    ReminderKind,
    due_reminders,
    too_late,
)
from acupressure.reminders.words import Notice, notice

__all__ = [
    "LATE_LIMIT",
    "SNOOZE",
    "Due",
    "Notice",
    "QuietHours",
    "ReminderKind",
    "due_reminders",
    "notice",
    "too_late",
]
