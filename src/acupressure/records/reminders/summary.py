"""The weekly summary email (for people who tick "A weekly summary by email"): the program
week just ended, sessions done of due and the pain trend, with the one-click unsubscribe."""

from __future__ import annotations

from datetime import timedelta

from acupressure.program import Schedule, adherence
from acupressure.program.schedule import week_of
from acupressure.records.models import PracticeSession
from acupressure.records.program_store import ProgramStore
from acupressure.records.reminders.channels import Outcome, email_person, language_of, public_url
from acupressure.records.reminders.models import Reminder
from acupressure.reminders.summary import WeeklySummary, weekly_summary


def _pains(reminder: Reminder, schedule: Schedule, week: int) -> list[int]:
    rows = PracticeSession.objects.filter(program_id=reminder.program_id, pain_before__isnull=False)
    return [
        r.pain_before
        for r in rows
        if r.pain_before is not None and week_of(schedule, r.started_at or r.created_at) == week
    ]


def summary_of(reminder: Reminder) -> WeeklySummary:
    """The week that ended at the reminder's slot (the day after the week's last day)."""
    record = reminder.program
    schedule = Schedule.model_validate(record.schedule)
    week = week_of(schedule, reminder.slot - timedelta(days=1)) or schedule.weeks
    store = ProgramStore(record.owner_id)
    program = store.get(record.pk)
    assert program is not None
    weeks = adherence(program, store.sessions(record.pk), reminder.slot, store.skipped(record.pk))
    row = next((w for w in weeks if w.week == week), None)
    done, due = (row.done, row.due) if row else (0, 0)
    before = _pains(reminder, schedule, week - 1) if week > 1 else []
    language = language_of(record.owner_id)
    return weekly_summary(week, done, due, _pains(reminder, schedule, week), before, language)


def send_summary(reminder: Reminder) -> Outcome:
    if not reminder.program.owner.email:  # before working out a summary nobody receives
        return Outcome(False, "no email address")
    said = summary_of(reminder)
    page = f"{public_url()}/program/{reminder.program_id}/"
    return email_person(reminder, "email_summary", said.subject, {"summary": said, "program": page})
