"""The JSON API for programs (mounted at /api/programs): the signed-in person's own only."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError
from ninja.security import django_auth

from acupressure.program import Program, TodayReport, report
from acupressure.program.summary import Summary
from acupressure.web import clock
from acupressure.web.access import user_id
from acupressure.web.program_store import ProgramStore, program_summary

router = Router(auth=django_auth, tags=["programs"])


def _own(request: HttpRequest, pk: int) -> tuple[ProgramStore, Program]:
    store = ProgramStore(user_id(request))
    program = store.get(pk)
    if program is None:
        raise HttpError(404, "no such program")
    return store, program


@router.get("", response=list[Program], summary="Your programs, newest first")
def programs(request: HttpRequest) -> list[Program]:
    return ProgramStore(user_id(request)).all()


@router.get("/{pk}/today", response=TodayReport, summary="Today's sessions and adherence")
def program_today(request: HttpRequest, pk: int) -> TodayReport:
    store, program = _own(request, pk)
    return report(program, store.sessions(program.id), clock.now())


@router.get("/{pk}/summary", response=Summary, summary="Weekly checks against the start")
def summary(request: HttpRequest, pk: int) -> Summary:
    store, program = _own(request, pk)
    return program_summary(store, program, clock.now())
