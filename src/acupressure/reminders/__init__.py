"""Reminders: when each reminder of a program is due, and what it says.

    >>> from datetime import date, time
    >>> from acupressure.program import Schedule
    >>> from acupressure.reminders import QuietHours, due_reminders
    >>> s = Schedule(start=date(2026, 3, 2), weeks=1, times=[time(8), time(22)],
    ...              timezone="Europe/Madrid")
    >>> [f"{d.kind} {d.fire_at:%d %H:%M}" for d in due_reminders(s, QuietHours())][:4]
    ['session 02 07:00', 'session 03 07:00', 'session 04 07:00', 'session 05 07:00']

(08:00 in Madrid is 07:00 UTC; the 22:00 session falls in the quiet hours and is reminded
with the next morning's.)

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
