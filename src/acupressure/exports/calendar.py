"""A program's sessions as iCalendar: one event per scheduled session, each with an alarm.

The feed says no more than "Acupressure session" and a link: no points, areas, pain or
conditions, because calendars are often shared and synced to third parties. Its words are in
the current language (the CLI's, or the web request's), and the calendar says which.

Every UID includes the installation's random id (the one FHIR ids use), so two installations'
sessions never share a UID in a calendar that subscribes to both. A stopped program keeps its
past sessions and lists the ones it would have had after the stop as cancelled
(STATUS:CANCELLED, SEQUENCE 1, no alarm): a calendar app that subscribed to the feed then
drops or strikes them out instead of keeping stale sessions, and the file always has
components, as RFC 5545 requires.
"""

from __future__ import annotations

from datetime import UTC, timedelta

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


def uid(program: Program, slot: Slot, installation: str) -> str:
    """The session's UID: the same in every export and language, unique per installation."""
    return f"program-{program.id}-{slot.start:%Y%m%dT%H%M%SZ}-{installation}@acupressure.invalid"


def _event(program: Program, slot: Slot, link: str | None, installation: str) -> Event:
    cancelled = program.stopped_at is not None and slot.start >= program.stopped_at
    event = Event()
    event.add("uid", uid(program, slot, installation))
    changed = program.stopped_at if cancelled and program.stopped_at else program.created_at
    event.add("dtstamp", changed.astimezone(UTC))
    event.add("dtstart", slot.start)
    event.add("dtend", slot.start + timedelta(minutes=_minutes(program, slot)))
    event.add("summary", _(SUMMARY), parameters={"LANGUAGE": current()})
    if link:
        event.add("url", link)
        event.add("description", _("Open: {link}").format(link=link))
    if cancelled:
        event.add("status", "CANCELLED")
        event.add("sequence", 1)  # changed once: by the stop
        return event
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _(SUMMARY))
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def program_calendar(program: Program, link: str | None, installation: str) -> bytes:
    """The whole program as an .ics file; ``link`` is put in each event (URL and text);
    ``installation`` is this installation's id (``acupressure.records.installation``)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Acupressure"))
    for slot in all_slots(program.schedule):
        cal.add_component(_event(program, slot, link, installation))
    return bytes(cal.to_ical())
