"""The JSON API for programs (mounted at /api/programs): the signed-in person's own only."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from acupressure.i18n import gettext as _
from acupressure.program import Program, TodayReport, report
from acupressure.program.summary import Summary
from acupressure.records import clock
from acupressure.records.program_store import ProgramStore, program_summary
from acupressure.web.access import user_id

router = Router(auth=django_auth, tags=["programs"])


class Refusal(Schema):
    """An error answer (401 signed out, 403 no CSRF token, 404 not yours or no such
    program): what went wrong, in one line."""

    detail: str


ERRORS: dict[int, Any] = {401: Refusal}  # reads only: no CSRF check, so no 403


def _own(request: HttpRequest, pk: str) -> tuple[ProgramStore, Program]:
    """The path's id is read here, so any odd id is a plain 404, like a stranger's."""
    store = ProgramStore(user_id(request))
    if not pk.isdecimal() or len(pk) > 18:
        raise HttpError(404, _("no such program"))
    program = store.get(int(pk))
    if program is None:
        raise HttpError(404, _("no such program"))
    return store, program


@router.get("", response={200: list[Program], **ERRORS}, summary="Your programs, newest first")
def programs(request: HttpRequest) -> list[Program]:
    return ProgramStore(user_id(request)).all()


@router.get(
    "/{pk}/today",
    response={200: TodayReport, 404: Refusal, **ERRORS},
    summary="Today's sessions and adherence",
)
def program_today(request: HttpRequest, pk: str) -> TodayReport:
    store, program = _own(request, pk)
    return report(program, store.sessions(program.id), clock.now())


@router.get(
    "/{pk}/summary",
    response={200: Summary, 404: Refusal, **ERRORS},
    summary="Weekly checks against the start",
)
def summary(request: HttpRequest, pk: str) -> Summary:
    store, program = _own(request, pk)
    return program_summary(store, program, clock.now())
