"""The guided session: start from a plan, the player page, pain before and after."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from acupressure import i18n
from acupressure.i18n import N_
from acupressure.i18n import gettext as _
from acupressure.plan import build_plan, review
from acupressure.program.summary import pain_much_worse
from acupressure.records import clock, creation
from acupressure.records.models import PracticeSession
from acupressure.records.program_store import ProgramStore
from acupressure.safety import Intake
from acupressure.vision.press import held_live
from acupressure.web.access import own_session, user_id
from acupressure.web.forms import FinishForm, PainForm, ProgressForm, first_error
from acupressure.web.planning import plan_for, validation_message


def _bad(message: str) -> HttpResponse:
    return JsonResponse({"detail": message}, status=400)


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    try:
        intake = Intake.model_validate_json(request.POST.get("intake", ""))
    except ValidationError as exc:
        return _bad(f"intake: {validation_message(exc)}")
    plan = plan_for(intake)
    if plan.blocked or not plan.steps:
        return _bad("this intake gives no routine; see the plan page for the advice")
    creation.check_session(user_id(request))
    session = PracticeSession.objects.create(
        owner_id=user_id(request),
        created_at=clock.now(),
        areas=list(intake.unique_areas()),
        intake=intake.model_dump(mode="json"),
        plan=plan.model_dump(mode="json"),
        total_steps=len(plan.steps),
    )
    return redirect(f"/session/{session.pk}/")


@login_required
def player(request: HttpRequest, pk: int) -> HttpResponse:
    session = own_session(request, pk)
    # Each point's chart is an image the browser fetches when its step shows (loading=lazy
    # in a hidden figure), so the first visit carries no chart but the current one.
    codes = list(dict.fromkeys(p["code"] for p in session.plan["points"]))
    shown = _in_current_language(session.plan, session.intake)
    context = {
        "session": session,
        "codes": codes,
        # each point's cautions (its pregnancy note too), read before the first press
        "cautions": [p for p in shown["points"] if p["notes"]],
        "review": review(),
        "camera_points": held_live(codes),  # none: no camera switch
        "timeline": timeline(session),
        "player_words": {english: _(english) for english in PLAYER_WORDS},
        "voice_lang": VOICE_LANG[i18n.current()],
    }
    return render(request, "web/player.html", context)


# What player.js shows or says besides the cues, looked up by the English text.
PLAYER_WORDS = (
    N_("Pause"),
    N_("Resume"),
    N_("Resumed"),
    N_("Session ended: no step was done"),
    N_("Well done: all {total} steps done"),
    N_("Session ended early: {done} of {total} steps done"),
    N_("Session over: {done} of {total} steps done"),
    N_("Saving…"),
    N_("Saved. See your diary."),
    N_("Not saved: {problem}. Try again when online."),
    N_("find"),
    N_("breathe"),
    N_("press"),
    N_("release"),
    N_("rest"),
    N_("switch"),
    N_("position"),
    N_("left"),
    N_("right"),
    N_("both"),
    N_("midline"),
    # player_camera.js
    N_("Camera: am I on the point?"),
    N_("The hold waits until your finger is on {code}."),
    N_("On {code}: the hold runs."),
    N_(
        "Live, the camera cannot be sure of your finger on {code} (it checks the points on "
        "the hand): the hold runs by the clock."
    ),
    N_(
        "Maybe on {code}, but the camera is not sure (low certainty): the hold waits. Come "
        "closer, add light, or untick the camera to hold by the clock."
    ),
)
# The language the browser's voice should speak (speechSynthesis picks a matching voice).
VOICE_LANG = {"en": "en", "es": "es", "zh-Hans": "zh-CN"}


def _in_current_language(plan: dict[str, Any], intake: dict[str, Any]) -> dict[str, Any]:
    """The stored plan with its words in the page's language: the same intake planned again
    gives the same steps (the planner does not depend on the language), so only the cues and
    names are taken; anything that differs keeps the stored plan."""
    try:
        fresh = build_plan(Intake.model_validate(intake)).model_dump(mode="json")
    except ValueError:
        return plan
    shape = [(s["kind"], s["code"], s["side"], s["seconds"]) for s in plan["steps"]]
    if shape != [(s["kind"], s["code"], s["side"], s["seconds"]) for s in fresh["steps"]]:
        return plan
    return {**plan, "steps": fresh["steps"], "points": fresh["points"]}


def timeline(session: PracticeSession) -> dict[str, object]:
    plan = _in_current_language(session.plan, session.intake)
    names = {p["code"]: p["name"] for p in plan["points"]}
    return {
        "session": session.pk,
        "total_seconds": plan["total_seconds"],
        "steps": plan["steps"],
        "names": names,
        "pain_before": session.pain_before,
        "finished": session.finished_at is not None,
    }


@login_required
def timeline_json(request: HttpRequest, pk: int) -> HttpResponse:
    return JsonResponse(timeline(own_session(request, pk)))


@login_required
@require_POST
def pain_before(request: HttpRequest, pk: int) -> HttpResponse:
    session = own_session(request, pk)
    form = PainForm(request.POST)
    if not form.is_valid():
        return _bad(first_error(form))
    session.pain_before = form.cleaned_data["pain"]
    session.started_at = session.started_at or clock.now()  # Start pressed: it happened
    session.save(update_fields=["pain_before", "started_at"])
    return JsonResponse({"ok": True, "pain_before": session.pain_before})


@login_required
@require_POST
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Steps done so far (sent as each step ends, and by a beacon when the session ends or
    the page is hidden or closed): kept whatever the person does next."""
    # read and written under the row's lock: two reports sent together (a step's and the
    # end's) reach two workers, and the one that read first must not write last
    with transaction.atomic():
        found = _reported(request, pk, ProgressForm, keep_more=True)
        if isinstance(found, HttpResponse):
            return found
        session, data = found
        fields = list(PROGRESS_FIELDS)
        if data["ended"]:
            session.finished_at = session.finished_at or clock.now()
            fields.append("finished_at")
        # only what a report carries: a beacon that arrives while the pain-after form is
        # being saved must not write back the pain and note it read before, and a step's
        # report must not write back an end it had not seen
        session.save(update_fields=fields)
    return JsonResponse({"ok": True, "completed_steps": session.completed_steps})


PROGRESS_FIELDS = ["completed_steps", "seconds_pressed", "on_target", "started_at"]


@login_required
@require_POST
def finish(request: HttpRequest, pk: int) -> HttpResponse:
    with transaction.atomic():  # under the row's lock, as a progress report is
        found = _reported(request, pk, FinishForm, keep_more=False)
        if isinstance(found, HttpResponse):
            return found
        session, data = found
        session.pain_after = data["pain_after"]
        session.note = data["note"]
        session.finished_at = session.finished_at or clock.now()
        fields = [*PROGRESS_FIELDS, "pain_after", "note", "finished_at"]
        if session.pain_before is None and data["pain_before"] is not None:
            session.pain_before = data["pain_before"]
            fields.append("pain_before")
        # only what the finish carries: the pain before, saved by its own request while
        # this one was on its way, is never written back as it was read here
        session.save(update_fields=fields)
    if session.program_id and pain_much_worse(session.pain_before, session.pain_after):
        ProgramStore(user_id(request)).request_rescreen(session.program_id)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"ok": True, "diary": "/diary/"})
    return redirect("/diary/")


def _reported(
    request: HttpRequest, pk: int, form_class: type[forms.Form], keep_more: bool
) -> tuple[PracticeSession, dict[str, Any]] | HttpResponse:
    """In the caller's transaction: the person's session, its row locked, with the form's
    steps done, seconds pressed and on target put onto it (not saved), and the form's data;
    or the 400 answer to a bad form (a stranger's session is a 404 first)."""
    session = own_session(request, pk, for_update=True)
    form = form_class(request.POST)
    if not form.is_valid():
        return _bad(first_error(form))
    problem = _record_progress(session, form.cleaned_data, keep_more)
    return _bad(problem) if problem else (session, form.cleaned_data)


def _record_progress(session: PracticeSession, data: dict[str, Any], keep_more: bool) -> str:
    """Steps done, seconds pressed and on target onto the session (not saved); the one-line
    problem when a value is out of range. ``keep_more``: never lower what is stored (beacons
    may arrive out of order)."""
    if data["completed_steps"] > session.total_steps:
        return f"completed_steps: at most {session.total_steps}"
    on_target = _on_target(data.get("on_target"), session)
    if isinstance(on_target, str):
        return on_target
    pressable = sum(s["seconds"] for s in session.plan["steps"] if s["kind"] == "press")
    pressed = data["pressed_seconds"]
    if pressed is not None and pressed > pressable:
        return f"pressed_seconds: at most {pressable}"
    pressed = pressed or 0
    if keep_more:
        data = {**data, "completed_steps": max(data["completed_steps"], session.completed_steps)}
        pressed = max(pressed, session.seconds_pressed)
        on_target = {**session.on_target, **on_target}
    session.completed_steps = data["completed_steps"]
    session.seconds_pressed = pressed
    session.on_target = on_target
    session.started_at = session.started_at or session.created_at  # steps done, so it ran
    return ""


def _on_target(value: object, session: PracticeSession) -> dict[str, float] | str:
    """Seconds on target per point (the camera switch), or the one-line problem."""
    if value in (None, ""):
        return {}
    codes = {p["code"] for p in session.plan["points"]}
    limit = float(session.plan["total_seconds"])
    if not isinstance(value, dict):
        return "on_target: an object of point codes and seconds"
    out: dict[str, float] = {}
    for code, seconds in value.items():
        if code not in codes:
            return f"on_target: {code} is not a point of this session"
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            return f"on_target: seconds for {code} must be a number"
        if not 0 <= seconds <= limit:
            return f"on_target: seconds for {code} must be between 0 and {limit:g}"
        out[code] = round(float(seconds), 1)
    return out
