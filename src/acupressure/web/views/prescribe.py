"""Prescribing: the points the safety rules allow for this client (the others shown disabled
with the reason, and refused here too), numbers within the atlas's ranges, a note and a place
per point, and the schedule. Saving makes a new version of the client's program."""

from __future__ import annotations

from datetime import time
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from pydantic import ValidationError

from acupressure import i18n, safety
from acupressure.atlas.labels import AREAS
from acupressure.i18n import gettext as _
from acupressure.i18n import ngettext
from acupressure.plan.prescribe import WHERE_TEXT, PrescribedPoint, choices
from acupressure.program import ProgramError, design_prescribed
from acupressure.program.schedule import parse_time
from acupressure.records import clock, practice
from acupressure.records.access import Need
from acupressure.records.models import Action, PractitionerLink
from acupressure.records.program_store import ProgramStore
from acupressure.safety import Intake
from acupressure.web.access import client_link, log, practitioner_only
from acupressure.web.planning import validation_message


class PrescribeError(ValueError):
    """A prescription that cannot be saved; the message says why, in one line."""


def save(
    link: PractitionerLink,
    author: User,
    items: list[PrescribedPoint],
    weeks: int,
    times: list[time],
    timezone: str,
) -> int:
    """Check and store a prescription (the form and the API); the program's id."""
    intake = practice.stored_intake(link)
    if intake is None:
        raise PrescribeError(_("record the client's screening answers first"))
    current = _current(link)
    start = current.schedule.start if current else clock.now().date()
    try:
        made = design_prescribed(intake, items, start, weeks, times or None, timezone)
    except ProgramError as exc:
        raise PrescribeError(str(exc)) from None
    return practice.prescribe(link, author, made, items)


def _current(link: PractitionerLink) -> Any:
    """This practitioner's running prescription for the client, if any."""
    programs = ProgramStore(link.client_id).all(prescribed_by=link.practitioner_id)
    return next((p for p in programs if p.prescription is not None and p.stopped_at is None), None)


def _items(data: QueryDict) -> list[PrescribedPoint]:
    items = []
    for code in data.getlist("point"):
        try:
            items.append(
                PrescribedPoint(
                    code=code,
                    hold_seconds=int(data.get(f"hold-{code}", "0") or 0),
                    repetitions=int(data.get(f"reps-{code}", "0") or 0),
                    pressure=data.get(f"pressure-{code}", ""),
                    note=data.get(f"note-{code}", ""),
                    where=data.get(f"where-{code}", "home"),
                )
            )
        except ValidationError as exc:
            raise PrescribeError(f"{code[:8]}: {validation_message(exc)}") from None
        except ValueError:
            raise PrescribeError(
                _("{code}: hold and repetitions are whole numbers").format(code=code[:8])
            ) from None
    return items


def _rows(intake: Intake, given: list[PrescribedPoint]) -> list[dict[str, Any]]:
    chosen = {i.code: i for i in given}
    rows = []
    for choice in choices(intake).values():
        item = chosen.get(choice.code)
        rows.append(
            {
                "choice": choice,
                "item": item,
                "hold": item.hold_seconds if item else choice.hold_range[0],
                "reps": item.repetitions if item else choice.repetitions_range[0],
                "pressure": item.pressure if item else choice.pressures[-1],
                "where": item.where if item else ("clinic" if choice.helper_only else "home"),
            }
        )
    return rows


# How each language separates the items of a list, and the parts of a line.
SEPARATORS = {"zh-Hans": ("、", "；")}


def screening_text(intake: Intake) -> str:
    """The recorded screening in a line, in the page's language."""
    comma, semicolon = SEPARATORS.get(i18n.current(), (", ", "; "))
    parts = [comma.join(AREAS[a] for a in intake.unique_areas())]
    if intake.pregnant:
        parts.append(
            _("pregnant, trimester {number}").format(number=intake.trimester)
            if intake.trimester
            else _("pregnant")
        )
    labels = {c.id: c.label for c in safety.conditions().values()}
    parts += [labels.get(c, c) for c in intake.conditions]
    if intake.red_flags:
        count = len(intake.red_flags)
        parts.append(
            ngettext("{count} red flag answered yes", "{count} red flags answered yes", count)
            .format(count=count)
        )  # fmt: skip
    return semicolon.join(parts)


def _zone(request: HttpRequest, link: PractitionerLink) -> str:
    """The form's time zone, else the client's own; never a silent UTC."""
    zone = request.POST.get("tz", "").strip() or link.timezone
    if not zone:
        raise PrescribeError(_("time zone: give the client's, such as Europe/Madrid"))
    return zone


@login_required
@require_http_methods(["GET", "POST"])
def prescribe_page(request: HttpRequest, pk: int) -> HttpResponse:
    me = practitioner_only(request)
    link = client_link(request, pk, Need.WRITE)
    intake = practice.stored_intake(link)
    if intake is None:
        return redirect(f"/clients/{link.pk}/screening/")
    current = _current(link)
    given: list[PrescribedPoint] = list(current.prescription) if current else []
    schedule = current.schedule if current else None
    context: dict[str, Any] = {
        "link": link,
        "name": practice.display_name(link),
        "intake": intake,
        "places": list(WHERE_TEXT),
        "screening_text": screening_text(intake),
        "weeks": schedule.weeks if schedule else 6,
        "times": [t.strftime("%H:%M") for t in schedule.times] if schedule else ["08:00"],
        "timezone": schedule.timezone if schedule else link.timezone,
        "client_zone": link.timezone,
        "current": current,
    }
    if request.method == "POST":
        try:
            given = _items(request.POST)
            weeks_raw = request.POST.get("weeks", "6").strip()
            if not weeks_raw.isdecimal():
                raise PrescribeError(_("weeks: a whole number from 1 to 52"))
            times = [parse_time(t) for t in request.POST.getlist("at") if t.strip()]
            save(link, me, given, int(weeks_raw), times, _zone(request, link))
        except (PrescribeError, ValueError) as exc:
            context.update(error=str(exc), rows=_rows(intake, given))
            log(request, link.client_id, Action.PRESCRIBE)
            return render(request, "web/prescribe.html", context, status=400)
        log(request, link.client_id, Action.PRESCRIBED)
        return redirect(f"/clients/{link.pk}/")
    log(request, link.client_id, Action.PRESCRIBE)
    context["rows"] = _rows(intake, given)
    return render(request, "web/prescribe.html", context)
