"""Outside judges of our calendars: ical.js (Node) and vobject (Python), neither of them the
icalendar package that writes the files, read a program that crosses a daylight-saving
change, running and stopped, and agree with each other and with the schedule on every
event: UID, start, end, status and alarm."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import vobject
from tests.doubles import FakeWallClock
from tests.judges.run import node
from tests.web.personas import Personas
from tests.web.programs import make

from acupressure.program import all_slots
from acupressure.records.installation import installation_id
from acupressure.records.program_store import ProgramStore

pytestmark = pytest.mark.judge
MADRID = ZoneInfo("Europe/Madrid")  # summer time from 30 March 2025, 02:00 -> 03:00


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def read_with_vobject(path: Path) -> list[dict[str, Any]]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    events = []
    for event in calendar.vevent_list:
        status = event.contents.get("status")
        events.append(
            {
                "uid": event.uid.value,
                "start": iso(event.dtstart.value),
                "end": iso(event.dtend.value),
                "status": status[0].value if status else "",
                "alarms": len(event.contents.get("valarm", [])),
            }
        )
    return events


def test_ical_js_and_vobject_agree_across_a_dst_change(
    owner_client: Any, people: Personas, clock: FakeWallClock, tmp_path: Path
) -> None:
    record = make(owner_client, weeks="6", at="08:00", tz="Europe/Madrid")
    program = ProgramStore(people.owner.pk).all()[0]
    slots = all_slots(program.schedule)
    assert slots[0].start < datetime(2025, 3, 30, tzinfo=UTC) < slots[-1].start  # the change
    files = {"feed": tmp_path / "feed.ics", "download": tmp_path / "download.ics"}
    anonymous = people.client_for(people.stranger)
    anonymous.logout()
    files["feed"].write_bytes(anonymous.get(f"/calendar/{record.calendar_token}.ics").content)
    files["download"].write_bytes(owner_client.get(f"/program/{record.pk}/program.ics").content)
    clock.advance(days=20)
    owner_client.post(f"/program/{record.pk}/stop/")
    files["stopped"] = tmp_path / "stopped.ics"
    files["stopped"].write_bytes(anonymous.get(f"/calendar/{record.calendar_token}.ics").content)
    stopped_at = clock()

    verdict = node("ical_judge.mjs", *(str(p) for p in files.values()))
    for name, path in files.items():
        by_ical_js = verdict[str(path)]["events"]
        assert by_ical_js == read_with_vobject(path), name
        assert [e["start"] for e in by_ical_js] == [iso(s.start) for s in slots]
        cancelled = [e for e in by_ical_js if e["status"] == "CANCELLED"]
        if name == "stopped":
            assert [e["start"] for e in cancelled] == [
                iso(s.start) for s in slots if s.start >= stopped_at
            ]
            assert cancelled and all(e["alarms"] == 0 for e in cancelled)
        else:
            assert not cancelled and all(e["alarms"] == 1 for e in by_ical_js)
    # as the judges read it, the routine is at 08:00 in Madrid on both sides of the change:
    # 07:00 UTC in winter time, 06:00 UTC in summer time
    events = verdict[str(files["feed"])]["events"]
    uids = [e["uid"] for e in events]  # unique, and this installation's own
    assert len(set(uids)) == len(uids) and all(installation_id() in u for u in uids)
    read = [datetime.fromisoformat(e["start"]) for e, s in zip(events, slots, strict=True)]
    routine_read = [r for r, s in zip(read, slots, strict=True) if s.kind == "routine"]
    assert {r.astimezone(MADRID).time() for r in routine_read} == {time(8, 0)}
    assert {r.hour for r in routine_read} == {7, 6}


def test_the_agreement_can_fail(tmp_path: Path) -> None:
    """A file that names a time zone without defining it (RFC 5545 wants a VTIMEZONE) is read
    two ways: vobject guesses the zone (12:00 UTC), ical.js takes a floating time (08:00)."""
    path = tmp_path / "odd.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:x@y\r\n"
        "DTSTAMP:20250101T000000Z\r\nDTSTART;TZID=America/New_York:20250310T080000\r\n"
        "DTEND;TZID=America/New_York:20250310T081000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    by_ical_js = node("ical_judge.mjs", str(path))[str(path)]["events"]
    by_vobject = read_with_vobject(path)
    assert [e["start"] for e in by_vobject] == ["2025-03-10T12:00:00.000Z"]
    assert by_ical_js != by_vobject
