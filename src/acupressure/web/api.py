"""The JSON API (django-ninja); OpenAPI schema at /api/openapi.json."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError, ValidationError
from ninja.security import django_auth
from pydantic import BeforeValidator, ConfigDict, Field

from acupressure import atlas
from acupressure.atlas.export import PointDetail, PointSummary, point_detail, point_summary
from acupressure.atlas.models import Area
from acupressure.i18n import gettext as _
from acupressure.plan import Plan
from acupressure.records import clock, creation
from acupressure.records.checkins import check_and_save
from acupressure.records.models import CheckIn, PracticeSession
from acupressure.safety import Intake
from acupressure.safety.models import json_int
from acupressure.web.access import user_id
from acupressure.web.api_clients import router as clients_router
from acupressure.web.api_programs import router as programs_router
from acupressure.web.pagecache import cached_plan_json, remember_plan_body

api = NinjaAPI(
    title="Acupressure",
    version="1",
    description="Atlas, routines and the signed-in person's pain diary.",
    urls_namespace="api",
    docs_url=None,  # no Swagger UI (it loads from a CDN); the schema is at /api/openapi.json
    # paths start with /api/: the server is this installation's root, wherever it is served
    servers=[{"url": "/", "description": "this installation"}],
    openapi_extra={"info": {"license": {"name": "Apache License 2.0", "identifier": "Apache-2.0"}}},
)
# Operations anyone may call say so: no security requirement (the others: SessionAuth).
PUBLIC: dict[str, Any] = {"security": []}


api.add_router("/programs", programs_router)
api.add_router("/clients", clients_router)


@api.exception_handler(MultiPartParserError)
def broken_form_body(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    """The CSRF check reads a form body; a broken one is a 400 that says so, in JSON."""
    detail = _("the body is not valid multipart form data ({problem}); send JSON").format(
        problem=exc
    )
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(creation.TooManyCreatedError)
def too_many(request: HttpRequest, exc: creation.TooManyCreatedError) -> HttpResponse:
    """429: a creation limit reached (acupressure.records.creation), with Retry-After."""
    response = api.create_response(request, {"detail": str(exc)}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(ValidationError)
def invalid_body(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 for bad values; a plan request missing a field (``red_flags``: the screening
    answers, required) is a 400 that names it."""
    missing = [str(e["loc"][-1]) for e in exc.errors if e.get("type") == "missing" and e.get("loc")]
    if request.path.endswith("/plan") and missing:
        names = ", ".join(dict.fromkeys(missing))
        detail = _("missing field(s): {names}").format(names=names)
        if "red_flags" in missing:
            detail += "; " + _(
                "red_flags lists the safety questions answered yes ([] for no to every one), "
                "and no routine is given without it"
            )
        return api.create_response(request, {"detail": detail}, status=400)
    return api.create_response(request, {"detail": exc.errors}, status=422)


class Message(Schema):
    """An error answer (400, 401, 403, 404): what went wrong, in one line."""

    detail: str


class Problem(Schema):
    """One problem with the input, as pydantic reports it."""

    type: str  # pydantic's error type, such as "literal_error"
    loc: list[str | int]  # where: "body", "intake", then the field path
    msg: str  # what is wrong, in one line
    ctx: dict[str, Any] | None = None  # details for some types (the expected values...)


class Invalid(Schema):
    """A 422 answer: each problem with the input, where it is (`loc`) and what is wrong (`msg`)."""

    detail: list[Problem]


BODY_ERRORS: dict[int, Any] = {400: Message, 422: Invalid}
SIGNED_OUT: dict[int, Any] = {401: Message}  # a read: no CSRF check, so no 403
SIGNED_IN_ERRORS: dict[int, Any] = {401: Message, 403: Message}  # a write: 403 without CSRF


class SessionOut(Schema):
    id: int
    source: str
    created_at: datetime
    finished_at: datetime | None
    areas: list[Area]
    pain_before: int | None
    pain_after: int | None
    completed_steps: int
    total_steps: int
    note: str
    on_target: dict[str, float]  # seconds the finger was on each point (camera switch)


class CheckInIn(Schema):
    model_config = ConfigDict(strict=True)  # "pain": true is an error, not 1

    area: Area
    pain: Annotated[int, Field(ge=0, le=10), BeforeValidator(json_int)]
    note: str = Field(default="", max_length=500, pattern=r"^[^\x00]*$")  # PostgreSQL takes no NUL


class CheckInOut(Schema):
    day: date
    area: Area
    pain: int
    note: str


@api.get(
    "/points",
    response={200: list[PointSummary], 422: Invalid},
    summary="Every point of the atlas, or those for one area",
    description="`area` (optional): only the points used for that area. An unknown area is "
    "a 422 that lists the areas.",
    openapi_extra=PUBLIC,
)
def list_points(request: HttpRequest, area: Area | None = None) -> list[PointSummary]:
    return [point_summary(p) for p in atlas.all_points() if area is None or area in p.areas]


@api.get(
    "/points/{code}",
    response={200: PointDetail, 404: Message},
    summary="One point, by any code or alias",
    openapi_extra=PUBLIC,
)
def get_point(request: HttpRequest, code: str) -> PointDetail:
    try:
        match = atlas.resolve(code)
    except (ValueError, atlas.PointNotFoundError) as exc:
        raise HttpError(404, str(exc)) from None
    return point_detail(match)


@api.post(
    "/plan",
    response={200: Plan, **BODY_ERRORS},
    summary="Plan a routine (as `acupressure plan --json`)",
    description="`red_flags` is required: the ids of the safety questions answered yes "
    "(`[]`: no to every one). A request without it is a 400 naming the field. The answer's "
    "`screening` lists the questions that apply (`asked`) and the yes answers.",
    openapi_extra=PUBLIC,
)
def make_plan(request: HttpRequest, intake: Intake) -> HttpResponse:
    # The JSON text is made once per intake (a plan is a pure function of it), and a repeated
    # body is answered before it reaches here (pagecache.PublicPageMiddleware).
    text = cached_plan_json(intake)
    remember_plan_body(request, text)
    return HttpResponse(text, content_type="application/json")


@api.get("/diary/sessions", response={200: list[SessionOut], **SIGNED_OUT}, auth=django_auth)
def diary_sessions(request: HttpRequest) -> list[PracticeSession]:
    sessions = PracticeSession.objects.started().filter(owner_id=user_id(request))
    return list(sessions.defer("plan", "intake")[:500])  # kilobytes of JSON each, not sent


@api.get("/diary/checkins", response={200: list[CheckInOut], **SIGNED_OUT}, auth=django_auth)
def diary_check_ins(request: HttpRequest) -> list[CheckIn]:
    return list(CheckIn.objects.filter(owner_id=user_id(request))[:500])


@api.post(
    "/diary/checkins",
    response={201: CheckInOut, **SIGNED_IN_ERRORS, **BODY_ERRORS, 429: Message},
    auth=django_auth,
)
def add_check_in(request: HttpRequest, payload: CheckInIn) -> Status[CheckIn]:
    now = clock.now()
    owner = user_id(request)  # the diary form's save: the limit, the row, the version at once
    entry = check_and_save(owner, now.date(), payload.area, payload.pain, payload.note, now)
    return Status(201, entry)
