"""PDF downloads: "My routine" for a program, "My progress" for the diary's latest program."""

from __future__ import annotations

from typing import Literal

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from acupressure.program import plan_for_slot
from acupressure.records import clock
from acupressure.records.access import programs_seen
from acupressure.records.models import Action
from acupressure.records.program_store import ProgramStore, program_summary
from acupressure.web.access import diary_owner_id, user_id
from acupressure.web.links import absolute
from acupressure.web.security import PRIVATE
from acupressure.web.views.diary import _client
from acupressure.web.views.program import own_program


def _paper(request: HttpRequest) -> Literal["a4", "letter"]:
    return "letter" if request.GET.get("paper") == "letter" else "a4"


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = PRIVATE
    return response


@login_required
def routine_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from acupressure.exports.handout import routine_pdf as make

    _store, program = own_program(request, pk)
    plan = plan_for_slot(program.intake, "routine", program.extra_points, program.prescription)
    if plan.blocked or not plan.points:
        raise Http404("This program has no routine to print.")
    link = absolute(request, f"/program/{program.id}/")
    data = make(plan, program.schedule, program.extra_points, link, _paper(request))
    return _pdf(data, "my-routine.pdf")


@login_required
def progress_pdf(request: HttpRequest) -> HttpResponse:
    from acupressure.exports.progress import progress_pdf as make

    owner_id = diary_owner_id(request, _client(request), Action.PROGRESS_PDF)
    store = ProgramStore(owner_id)
    programs = programs_seen(user_id(request), owner_id)
    if not programs:
        raise Http404("No program yet.")
    summary = program_summary(store, programs[0], clock.now())
    return _pdf(make(programs[0], summary, _paper(request)), "my-progress.pdf")
