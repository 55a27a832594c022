"""The JSON API (django-ninja); OpenAPI schema at /api/openapi.json."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import Field

from acupressure import atlas
from acupressure.atlas.export import point_detail, point_summary
from acupressure.safety import Intake
from acupressure.web import clock
from acupressure.web.access import user_id
from acupressure.web.models import CheckIn, PracticeSession
from acupressure.web.planning import plan_for

api = NinjaAPI(
    title="Acupressure",
    version="1",
    description="Atlas, routines and the signed-in person's pain diary.",
    urls_namespace="api",
)

AreaName = Literal["lower-back", "upper-back", "neck", "shoulders"]


class SessionOut(Schema):
    id: int
    source: str
    created_at: datetime
    finished_at: datetime | None
    areas: list[str]
    pain_before: int | None
    pain_after: int | None
    completed_steps: int
    total_steps: int
    note: str


class CheckInIn(Schema):
    area: AreaName
    pain: int = Field(ge=0, le=10)
    note: str = Field(default="", max_length=500)


class CheckInOut(Schema):
    day: date
    area: str
    pain: int
    note: str


@api.get("/points", response=list[dict[str, Any]], summary="Every point of the atlas")
def list_points(request: HttpRequest) -> list[dict[str, Any]]:
    return [point_summary(p) for p in atlas.all_points()]


@api.get("/points/{code}", response=dict[str, Any], summary="One point, by any code or alias")
def get_point(request: HttpRequest, code: str) -> dict[str, Any]:
    try:
        match = atlas.resolve(code)
    except (ValueError, atlas.PointNotFoundError) as exc:
        raise HttpError(404, str(exc)) from None
    return point_detail(match.point, match)


@api.post("/plan", response=dict[str, Any], summary="Plan a routine (as `acupressure plan --json`)")
def make_plan(request: HttpRequest, intake: Intake) -> dict[str, Any]:
    return plan_for(intake)


@api.get("/diary/sessions", response=list[SessionOut], auth=django_auth)
def diary_sessions(request: HttpRequest) -> list[PracticeSession]:
    return list(PracticeSession.objects.filter(owner_id=user_id(request))[:500])


@api.get("/diary/checkins", response=list[CheckInOut], auth=django_auth)
def diary_check_ins(request: HttpRequest) -> list[CheckIn]:
    return list(CheckIn.objects.filter(owner_id=user_id(request))[:500])


@api.post("/diary/checkins", response={201: CheckInOut}, auth=django_auth)
def add_check_in(request: HttpRequest, payload: CheckInIn) -> Status[CheckIn]:
    now = clock.now()
    entry, _ = CheckIn.objects.update_or_create(
        owner_id=user_id(request),
        day=now.date(),
        area=payload.area,
        defaults={"pain": payload.pain, "note": payload.note, "updated_at": now},
    )
    return Status(201, entry)
