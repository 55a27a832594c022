"""A program's sessions as iCalendar: one event per scheduled session, each with an alarm.

The feed says no more than "Acupressure session" and a link: no points, areas, pain or
conditions, because calendars are often shared and synced to third parties. Its words are in
the current language (the CLI's, or the web request's), and the calendar says which.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from acupressure.i18n import N_, current
from acupressure.i18n import gettext as _
from acupressure.program import Program, Slot, all_slots

SUMMARY = N_("Acupressure session")
PRODID = "-//Acupressure//Program calendar//EN"
EXTRA_MINUTES = 5
ALARM_BEFORE = timedelta(0)  # remind at the start time


def _minutes(program: Program, slot: Slot) -> int:
    seconds = (
        program.routine_press_seconds if slot.kind == "routine" else program.extra_press_seconds
    )
    # press time plus finding, resting and switching sides: about double, at least 5 minutes
    return max(EXTRA_MINUTES, round(2 * seconds / 60))


def program_calendar(program: Program, link: str | None, stamp: datetime | None = None) -> bytes:
    """The whole program as an .ics file; ``link`` is put in each event (URL and text)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Acupressure"))
    stamp = stamp or program.created_at.astimezone(UTC)
    slots = all_slots(program.schedule)
    if program.stopped_at is not None:
        slots = [s for s in slots if s.start < program.stopped_at]
    for slot in slots:
        event = Event()
        event.add("uid", f"program-{program.id}-{slot.start:%Y%m%dT%H%M%SZ}@acupressure")
        event.add("dtstamp", stamp)
        event.add("dtstart", slot.start)
        event.add("dtend", slot.start + timedelta(minutes=_minutes(program, slot)))
        event.add("summary", _(SUMMARY), parameters={"LANGUAGE": current()})
        if link:
            event.add("url", link)
            event.add("description", _("Open: {link}").format(link=link))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _(SUMMARY))
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
