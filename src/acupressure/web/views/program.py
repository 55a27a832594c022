"""Programs on the web: make one from a plan, today, the program page, re-screening, the
calendar feed (secret, revocable) and the one-off .ics download."""

from __future__ import annotations

from datetime import time
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from pydantic import ValidationError

from acupressure import i18n
from acupressure.i18n import N_
from acupressure.i18n import gettext as _
from acupressure.plan import questions
from acupressure.program import (
    Program,
    ProgramError,
    SlotKind,
    adherence,
    design,
    plan_for_slot,
    rescreen,
    today,
    week_of,
)
from acupressure.program.schedule import parse_time
from acupressure.program.words import SAFETY_ANSWER, STOPPED_BY_YOU
from acupressure.records import clock, creation
from acupressure.records.installation import installation_id
from acupressure.records.models import Prescription, ProgramRecord
from acupressure.records.program_store import ProgramStore, new_token, program_by_token
from acupressure.safety import Intake
from acupressure.web import feeds
from acupressure.web.access import user_id
from acupressure.web.language.middleware import core_language, stored_language
from acupressure.web.links import absolute
from acupressure.web.personal import own_page
from acupressure.web.planning import validation_message
from acupressure.web.security import PRIVATE

ICS = "text/calendar; charset=utf-8"
# today.js's words (keyed by the English, as player.js does).
TODAY_WORDS = (
    N_("You will get a reminder here when the next session is due."),
    N_("Acupressure session"),
    N_("A session is due now."),
)


def own_program(request: HttpRequest, pk: int) -> tuple[ProgramStore, Program]:
    """A program the signed-in person owns; 404 for everyone else."""
    store = ProgramStore(user_id(request))
    program = store.get(pk)
    if program is None:
        raise Http404("No such program.")
    return store, program


def _times(request: HttpRequest) -> list[time]:
    raw = [t for t in request.POST.getlist("at") if t.strip()]
    return [parse_time(t) for t in raw]


@login_required
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    """From the plan result's "Make it a program": the same intake, re-screened here."""
    try:
        intake = Intake.model_validate_json(request.POST.get("intake", ""))
        weeks = _whole(request, "weeks", "6")
        per_day = _whole(request, "per_day", "1")
        times: list[time] | None = _times(request)
        if times is not None and len(times) != per_day:
            times = None  # the usual times for that many sessions a day
        made = design(
            intake,
            clock.now().astimezone(_zone(request)).date(),
            weeks,
            times,
            per_day,
            str(_zone(request)),
        )
    except ValidationError as exc:
        return _refused(request, _("intake: {problem}").format(problem=validation_message(exc)))
    except (ProgramError, ValueError) as exc:
        return _refused(request, str(exc))
    creation.check_program(user_id(request))
    program = ProgramStore(user_id(request)).create(made, clock.now())
    return redirect(f"/program/{program.id}/check/?week=0")


def _whole(request: HttpRequest, name: str, default: str) -> int:
    text = request.POST.get(name, default).strip() or default
    if not text.isdecimal() or len(text) > 3:  # isdecimal: "²" is a digit but no number
        raise ValueError(_("{name}: give a whole number").format(name=name))
    return int(text)


def _refused(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "web/program_refused.html", {"error": message}, status=400)


def _zone(request: HttpRequest) -> Any:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = request.POST.get("tz", "") or "UTC"
    try:
        if len(name) > 64:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            _("unknown time zone {name!r}").format(name=request.POST.get("tz"))
        ) from None


def today_context(store: ProgramStore, program: Program) -> dict[str, Any]:
    now = clock.now()
    sessions = store.sessions(program.id)
    day = today(program, sessions, now)
    weeks = adherence(program, sessions, now, store.skipped(program.id))
    return {
        "program": program,
        "today": day,
        "weeks": weeks,
        "status": program.status(now),
        "check_due": _check_due(store, program),
        "times_text": _clock_times(program.schedule.times),
        "extra_times_text": _clock_times(program.schedule.extra_times),
        "today_words": {english: _(english) for english in TODAY_WORDS},
        "next_due": next(
            (s.slot.start.isoformat() for s in day.slots if s.state in ("due", "later")), ""
        ),
    }


def _clock_times(times: list[time]) -> str:
    return ", ".join(t.strftime("%H:%M") for t in times)


def _check_due(store: ProgramStore, program: Program) -> int | None:
    """The program week whose weekly check is open and not yet answered, if any."""
    week = week_of(program.schedule, clock.now())
    if week is None or program.status(clock.now()) != "active":
        return None
    done = {a.week for a in store.answers(program.id)}
    if 0 not in done:
        return 0  # the baseline, "before you start"
    return week if week not in done else None


def current_today(request: HttpRequest) -> HttpResponse | None:
    """The today page for a signed-in person with a running program (shown at /)."""
    store = ProgramStore(user_id(request))
    program = store.current(clock.now())
    if program is None:
        return None
    return render(request, "web/today.html", today_context(store, program))


@login_required
def page(request: HttpRequest, pk: int) -> HttpResponse:
    owner_id = user_id(request)
    return own_page(request, owner_id, "web/program.html", lambda: _page(request, pk))


def _page(request: HttpRequest, pk: int) -> dict[str, Any]:
    store, program = own_program(request, pk)  # a 404 is never cached
    context = today_context(store, program)
    token = program.calendar_token
    context["feed"] = absolute(request, f"/calendar/{token}.ics") if token else None
    context["versions"] = Prescription.objects.filter(program_id=program.id)
    context["resumable"] = program.stopped_at is not None and program.stop_reason == STOPPED_BY_YOU
    return context


@login_required
@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST stops the program (it can be resumed)."""
    store, program = own_program(request, pk)
    if request.method == "GET":
        if program.stopped_at is not None:
            return redirect(f"/program/{pk}/")
        return render(request, "web/program_stop.html", {"program": program})
    store.stop(program.id, clock.now(), STOPPED_BY_YOU)
    messages.info(request, _("Program stopped; its calendar feed now cancels the sessions left."))
    messages.info(request, _("You can resume it on this page."))
    return redirect(f"/program/{pk}/")


@login_required
@require_POST
def resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo "Stop this program": the sessions are due again, in the calendar feed and the
    reminders too. A program stopped by a safety answer stays stopped."""
    store, program = own_program(request, pk)
    if store.resume(program.id, STOPPED_BY_YOU):
        messages.info(request, _("Program resumed."))
    else:
        messages.warning(request, _("Only a program you stopped yourself can be resumed."))
    return redirect(f"/program/{pk}/")


@login_required
@require_POST
def calendar_token(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke the feed's secret address, or make a new one (the old one stops working)."""
    store, program = own_program(request, pk)
    action = request.POST.get("action")
    if action not in ("revoke", "renew"):
        return HttpResponse(_("action: revoke or renew"), status=400)
    store.set_token(program.id, new_token() if action == "renew" else None)
    return redirect(f"/program/{pk}/#calendar")


@login_required
def download_ics(request: HttpRequest, pk: int) -> HttpResponse:
    from acupressure.exports.calendar import program_calendar

    _store, program = own_program(request, pk)
    link, uid = absolute(request, "/"), installation_id()
    entry = feeds.built(program, link, uid, lambda: program_calendar(program, link, uid))
    response = feeds.answer(request, entry, ICS)
    response["Content-Disposition"] = 'attachment; filename="acupressure-program.ics"'
    return response


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribed calendar: anyone with the secret address, 404 once it is revoked. A
    stopped program's feed lists the sessions after the stop as cancelled, so that calendar
    apps drop them. A calendar app asks in no language, so the feed speaks the owner's chosen
    one, if any."""
    from acupressure.exports.calendar import program_calendar

    program = program_by_token(token)
    if program is None:
        raise Http404("No such calendar.")
    owner = ProgramRecord.objects.filter(calendar_token=token).values_list("owner_id", flat=True)
    chosen = stored_language(owner[0])
    language = core_language(chosen) if chosen else i18n.current()
    link, uid = absolute(request, "/"), installation_id()
    with i18n.use(language):  # built once per program change (web/feeds.py), then 304s
        entry = feeds.built(program, link, uid, lambda: program_calendar(program, link, uid))
    response = feeds.answer(request, entry, ICS)
    response["Cache-Control"] = PRIVATE
    return response


@login_required
def rescreen_page(request: HttpRequest, pk: int) -> HttpResponse:
    store, program = own_program(request, pk)
    flags = questions(program.intake)  # the ones that matter for this routine, as at the start
    context: dict[str, Any] = {"program": program, "flags": flags, "answers": request.POST}
    if request.method == "POST":
        answers = {f.id: request.POST.get(f"flag-{f.id}", "") for f in flags}
        if any(a not in ("yes", "no") for a in answers.values()):
            context["error"] = _("please answer every safety question yes or no")
            return render(request, "web/rescreen.html", context, status=400)
        result = rescreen(program.intake, [k for k, v in answers.items() if v == "yes"])
        if result.stop:
            store.stop(program.id, clock.now(), SAFETY_ANSWER, result.screening.advice)
            context["stopped"] = result.screening
            return render(request, "web/rescreen.html", context)
        store.screened(program.id, week_of(program.schedule, clock.now()) or 1)
        messages.info(request, _("Thank you: no warning sign. Carry on."))
        return redirect("/")
    return render(request, "web/rescreen.html", context)


@login_required
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the next session of a program: the routine, or a short extra session."""
    store, program = own_program(request, pk)
    return open_session(store, program, request.POST.get("kind"))


def open_session(store: ProgramStore, program: Program, asked: str | None) -> HttpResponse:
    """Make the program's next session and open it in the player (also a reminder's Start)."""
    now = clock.now()
    if program.status(now) != "active":
        return HttpResponse(_("this program is not running"), status=400)
    day = today(program, store.sessions(program.id), now)
    if day.rescreen_due:
        return redirect(f"/program/{program.id}/rescreen/")
    asked = asked or day.next_kind or "routine"
    if asked not in ("routine", "extra") or (asked == "extra" and not program.extra_points):
        return HttpResponse(_("kind: routine or extra"), status=400)
    kind: SlotKind = "extra" if asked == "extra" else "routine"
    plan = plan_for_slot(program.intake, kind, program.extra_points, program.prescription)
    if plan.blocked or not plan.steps:
        return HttpResponse(_("this program gives no routine today"), status=400)
    creation.check_session(store.owner_id)
    session = store.add_session(
        program.id,
        kind,
        now,
        None,
        plan.model_dump(mode="json"),
        areas=list(program.intake.unique_areas()),
        intake=program.intake.model_dump(mode="json"),
        total_steps=len(plan.steps),
    )
    return redirect(f"/session/{session}/")
