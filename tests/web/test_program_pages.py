"""Programs on the web: make one from a plan, today, sessions, re-screening, calendar feed."""

from __future__ import annotations

from django.test import Client
from icalendar import Calendar
from tests.doubles import FakeWallClock
from tests.web.personas import Personas
from tests.web.programs import INTAKE, make

from acupressure import i18n, safety
from acupressure.program.words import SAFETY_ANSWER
from acupressure.records.models import PracticeSession, ProgramRecord
from acupressure.records.program_store import ProgramStore
from acupressure.safety import Intake


def test_plan_result_offers_make_it_a_program(owner_client: object) -> None:
    from tests.web.personas import intake_form

    page = owner_client.post("/plan/", intake_form(area="upper-back"))  # type: ignore[attr-defined]
    assert b'action="/program/new/"' in page.content and b"Make it a program" in page.content


def test_today_at_home_then_a_session_counts(owner_client: object, clock: FakeWallClock) -> None:
    program = make(owner_client)  # the fake clock starts Monday 2025-03-03 09:00 UTC
    home = owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    assert "Today: week 1 of 2" in home
    assert "09:00" in home and "due now" in home and "0 of 1" in home
    started = owner_client.post(f"/program/{program.pk}/start/", {"kind": "routine"})  # type: ignore[attr-defined]
    session = PracticeSession.objects.get(program=program)
    assert started["Location"] == f"/session/{session.pk}/" and session.slot_kind == "routine"
    press = sum(s["seconds"] for s in session.plan["steps"] if s["kind"] == "press")
    finish = {"pain_after": "3", "completed_steps": str(session.total_steps)}
    too_much = owner_client.post(  # type: ignore[attr-defined]
        f"/session/{session.pk}/finish/", {**finish, "pressed_seconds": str(press + 1)}
    )
    assert too_much.status_code == 400
    owner_client.post(  # type: ignore[attr-defined]
        f"/session/{session.pk}/finish/", {**finish, "pressed_seconds": str(press)}
    )
    home = owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    assert "1 of 1" in home and f"{press // 60} min {press % 60:02d} s of {press // 60} min" in home


def test_extra_session_has_only_the_several_a_day_points(owner_client: object) -> None:
    program = make(owner_client)
    owner_client.post(f"/program/{program.pk}/start/", {"kind": "extra"})  # type: ignore[attr-defined]
    session = PracticeSession.objects.get(program=program)
    assert [p["code"] for p in session.plan["points"]] == ["KI27", "TE3"]


def test_feed_parses_back_and_revoked_feed_is_404(owner_client: object, people: Personas) -> None:
    program = make(owner_client)
    anonymous = people.client_for(people.stranger)
    anonymous.logout()
    feed = anonymous.get(f"/calendar/{program.calendar_token}.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(feed.content)
    events = cal.walk("VEVENT")
    assert len(events) == 14 * 3 and len(cal.walk("VALARM")) == 14 * 3
    assert {str(e["summary"]) for e in events} == {"Acupressure session"}
    text = feed.content.decode()
    for private in ("KI27", "upper", "back", "pain", "olivia"):
        assert private not in text
    owner_client.post("/language/", {"language": "es"})  # type: ignore[attr-defined]
    spanish = Calendar.from_ical(anonymous.get(f"/calendar/{program.calendar_token}.ics").content)
    assert {str(e["summary"]) for e in spanish.walk("VEVENT")} == {"Sesión de acupresión"}
    old = program.calendar_token
    owner_client.post(f"/program/{program.pk}/calendar/", {"action": "revoke"})  # type: ignore[attr-defined]
    assert anonymous.get(f"/calendar/{old}.ics").status_code == 404
    owner_client.post(f"/program/{program.pk}/calendar/", {"action": "renew"})  # type: ignore[attr-defined]
    program.refresh_from_db()
    assert program.calendar_token and program.calendar_token != old
    assert anonymous.get(f"/calendar/{old}.ics").status_code == 404
    assert anonymous.get(f"/calendar/{program.calendar_token}.ics").status_code == 200
    download = owner_client.get(f"/program/{program.pk}/program.ics")  # type: ignore[attr-defined]
    assert len(Calendar.from_ical(download.content).walk("VEVENT")) == 42


def test_rescreen_each_week_and_a_yes_stops(owner_client: object, clock: FakeWallClock) -> None:
    program = make(owner_client)
    clock.advance(days=7)  # week 2: screening is due before practice
    assert "answer the safety questions again" in owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    blocked = owner_client.post(f"/program/{program.pk}/start/", {"kind": "routine"})  # type: ignore[attr-defined]
    assert blocked["Location"] == f"/program/{program.pk}/rescreen/"
    answers = {f"flag-{fid}": "no" for fid in safety.red_flags()}
    owner_client.post(f"/program/{program.pk}/rescreen/", answers)  # type: ignore[attr-defined]
    program.refresh_from_db()
    assert program.screened_week == 2 and program.stopped_at is None
    answers["flag-fever"] = "yes"
    clock.advance(days=1)
    page = owner_client.post(f"/program/{program.pk}/rescreen/", answers)  # type: ignore[attr-defined]
    program.refresh_from_db()
    assert program.stopped_at is not None and program.calendar_token  # the feed cancels
    assert "Your program is stopped" in page.content.decode()
    assert program.advice and program.advice[0] in page.content.decode()
    owner_client.post("/language/", {"language": "es"})  # type: ignore[attr-defined]
    home = owner_client.get(f"/program/{program.pk}/").content.decode()  # type: ignore[attr-defined]
    with i18n.use("es"):  # the advice kept in English, read in Spanish, with the review mark
        spanish = safety.red_flags()["fever"].advice
    assert spanish in home and safety.red_flags()["fever"].advice not in home
    assert 'class="translation-mark"' in home


def test_unanswered_rescreen_is_refused(owner_client: object) -> None:
    program = make(owner_client)
    page = owner_client.post(f"/program/{program.pk}/rescreen/", {"flag-fever": "no"})  # type: ignore[attr-defined]
    assert page.status_code == 400


def test_strangers_get_404_everywhere(owner_client: object, people: Personas) -> None:
    program = make(owner_client)
    for who in (people.stranger, people.practitioner):
        client = people.client_for(who)
        for url in ("/", "/program/{}/", "/program/{}/program.ics", "/program/{}/rescreen/"):
            if url == "/":
                assert "Today" not in client.get("/").content.decode()
                continue
            assert client.get(url.format(program.pk)).status_code == 404
        for url in ("start", "stop", "calendar"):
            assert client.post(f"/program/{program.pk}/{url}/").status_code == 404


def test_stop_ends_today_and_the_feed_cancels_the_sessions_left(
    owner_client: object, people: Personas, clock: FakeWallClock
) -> None:
    """A calendar app that subscribed keeps no stale sessions: after the stop the feed (still
    a calendar, not an HTML 404) lists the sessions left as cancelled, without alarms; the
    download of a stopped program has its events too (RFC 5545 wants a component)."""
    program = make(owner_client)
    token = program.calendar_token
    clock.advance(days=3, hours=1)  # after 10:00 on day 4: 4 days' 09:00 sessions are past
    owner_client.post(f"/program/{program.pk}/stop/")  # type: ignore[attr-defined]
    assert "Today" not in owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    anonymous = people.client_for(people.stranger)
    anonymous.logout()
    for response in (
        anonymous.get(f"/calendar/{token}.ics"),
        owner_client.get(f"/program/{program.pk}/program.ics"),  # type: ignore[attr-defined]
    ):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        cal = Calendar.from_ical(response.content)
        events = cal.walk("VEVENT")
        cancelled = [e for e in events if str(e.get("status", "")) == "CANCELLED"]
        assert len(events) == 42
        assert 0 < len(cancelled) < len(events)
        assert all(e["dtstart"].dt >= clock() for e in cancelled)
        assert all(e["dtstart"].dt < clock() for e in events if e not in cancelled)
        assert all(int(e["sequence"]) == 1 and not e.walk("VALARM") for e in cancelled)
    owner_client.post(f"/program/{program.pk}/calendar/", {"action": "revoke"})  # type: ignore[attr-defined]
    assert anonymous.get(f"/calendar/{token}.ics").status_code == 404


def test_stop_asks_first_and_can_be_undone(owner_client: Client) -> None:
    program = make(owner_client)
    page = owner_client.get(f"/program/{program.pk}/").content.decode()
    assert f'href="/program/{program.pk}/stop/">Stop this program…' in page  # a link, no POST
    confirm = owner_client.get(f"/program/{program.pk}/stop/").content.decode()
    assert "Stop this program?" in confirm and "Yes, stop it" in confirm
    program.refresh_from_db()
    assert program.stopped_at is None  # asking stopped nothing
    stopped = owner_client.post(f"/program/{program.pk}/stop/", follow=True).content.decode()
    assert "You can resume it on this page." in stopped and "Resume this program" in stopped
    assert "Today" not in owner_client.get("/").content.decode()
    owner_client.post(f"/program/{program.pk}/resume/")
    program.refresh_from_db()
    assert (program.stopped_at, program.stop_reason) == (None, "")
    assert "Today" in owner_client.get("/").content.decode()


def test_a_safety_stop_cannot_be_resumed(owner_client: Client) -> None:
    program = make(owner_client)
    ProgramStore(program.owner_id).stop(program.pk, program.created_at, SAFETY_ANSWER)
    page = owner_client.get(f"/program/{program.pk}/").content.decode()
    assert "Resume this program" not in page
    refused = owner_client.post(f"/program/{program.pk}/resume/", follow=True).content.decode()
    assert "Only a program you stopped yourself can be resumed." in refused
    program.refresh_from_db()
    assert program.stop_reason == SAFETY_ANSWER


def test_bad_program_form_is_400(owner_client: object) -> None:
    response = owner_client.post("/program/new/", {"intake": INTAKE, "weeks": "0", "tz": "UTC"})  # type: ignore[attr-defined]
    assert response.status_code == 400
    response = owner_client.post("/program/new/", {"intake": INTAKE, "tz": "Mars/Base"})  # type: ignore[attr-defined]
    assert response.status_code == 400
    blocked = Intake(areas=["neck"], red_flags=["fever"]).model_dump_json()
    assert owner_client.post("/program/new/", {"intake": blocked}).status_code == 400  # type: ignore[attr-defined]


def test_api_lists_programs_today_and_summary(owner_client: object, people: Personas) -> None:
    program = make(owner_client)
    listed = owner_client.get("/api/programs").json()  # type: ignore[attr-defined]
    assert [p["points"] for p in listed] == [program.points]
    today = owner_client.get(f"/api/programs/{program.pk}/today").json()  # type: ignore[attr-defined]
    assert today["today"]["week"] == 1 and today["adherence"][0]["due"] == 1
    summary = owner_client.get(f"/api/programs/{program.pk}/summary").json()  # type: ignore[attr-defined]
    assert summary["rows"][0]["week"] == 1 and summary["columns"] == []
    stranger = people.client_for(people.stranger)
    assert stranger.get("/api/programs").json() == []
    assert stranger.get(f"/api/programs/{program.pk}/today").status_code == 404
    assert stranger.get(f"/api/programs/{program.pk}/summary").status_code == 404
    stranger.logout()
    assert stranger.get("/api/programs").status_code == 401
    schema = owner_client.get("/api/openapi.json").json()  # type: ignore[attr-defined]
    assert "/api/programs/{pk}/today" in schema["paths"]


def test_bad_numbers_get_a_page_naming_the_field(owner_client: object) -> None:
    for weeks in ("", "²", "x", "99999999999"):
        response = owner_client.post("/program/new/", {"intake": INTAKE, "weeks": weeks or "x"})  # type: ignore[attr-defined]
        assert response.status_code == 400
        assert "weeks: give a whole number" in response.content.decode()


def test_much_worse_pain_after_a_session_asks_the_safety_questions_again(
    owner_client: object,
) -> None:
    program = make(owner_client)
    owner_client.post(f"/program/{program.pk}/start/", {"kind": "routine"})  # type: ignore[attr-defined]
    session = PracticeSession.objects.get(program=program)
    owner_client.post(f"/session/{session.pk}/pain/", {"pain": "3"})  # type: ignore[attr-defined]
    owner_client.post(  # type: ignore[attr-defined]
        f"/session/{session.pk}/finish/", {"pain_after": "6", "completed_steps": "3"}
    )
    program.refresh_from_db()
    assert program.rescreen_requested
    home = owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    assert "answer the safety questions again" in home


def test_feed_is_built_once_per_change_and_answers_304_to_apps_that_ask_again(
    owner_client: object, people: Personas, clock: FakeWallClock
) -> None:
    program = make(owner_client)
    app = people.client_for(people.stranger)
    app.logout()
    url = f"/calendar/{program.calendar_token}.ics"
    first = app.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first.status_code == 200 and etag.startswith('"') and modified.endswith("GMT")
    clock.advance(hours=1)
    again = app.get(url)
    assert again["ETag"] == etag and again["Last-Modified"] == modified  # the same build
    for asked in ({"if-none-match": etag}, {"if-modified-since": modified}):
        unchanged = app.get(url, headers=asked)
        assert unchanged.status_code == 304 and unchanged.content == b""
        assert unchanged["ETag"] == etag
    # the program changes: a new body with new validators, the old ones get it in full
    ProgramRecord.objects.filter(pk=program.pk).update(routine_press_seconds=600)
    changed = app.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert app.get(url, headers={"if-modified-since": modified}).status_code == 200
    assert changed.content != first.content and Calendar.from_ical(changed.content)
    download = owner_client.get(f"/program/{program.pk}/program.ics")  # type: ignore[attr-defined]
    assert download["ETag"] == changed["ETag"]  # the owner's download: the same build
