"""The JSON API for practitioners (mounted at /api/clients): their consenting clients only;
anyone else, and the practitioner once consent is withdrawn, gets a 404."""

from __future__ import annotations

from typing import Annotated, Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import Field

from acupressure.i18n import gettext as _
from acupressure.plan.prescribe import PrescribedPoint
from acupressure.program.schedule import parse_time
from acupressure.web import practice
from acupressure.web.api_programs import Refusal
from acupressure.web.privacy import record_access
from acupressure.web.views.prescribe import PrescribeError, save

router = Router(auth=django_auth, tags=["clients"])


class PrescriptionIn(Schema):
    items: Annotated[list[PrescribedPoint], Field(min_length=1, max_length=20)]
    weeks: Annotated[int, Field(ge=1, le=52)] = 6
    times: Annotated[list[str], Field(max_length=6)] = Field(default_factory=lambda: ["08:00"])
    # None: the client's own zone (their browser's, when they consented), else UTC
    timezone: str | None = None


class InputIssue(Schema):
    """One problem with the body, as pydantic reports it."""

    type: str
    loc: list[str | int]
    msg: str
    ctx: dict[str, Any] | None = None


class BadPrescription(Schema):
    """A 422 answer: each problem with the body, where it is and what is wrong."""

    detail: list[InputIssue]


ERRORS: dict[int, Any] = {400: Refusal, 401: Refusal, 403: Refusal, 404: Refusal}


class PrescriptionOut(Schema):
    program: int
    version: int


def _id(pk: str) -> int:
    """The path's id, read here so that any odd id is a plain 404, like a stranger's."""
    if not pk.isdecimal() or len(pk) > 18:
        raise HttpError(404, _("no such client"))
    return int(pk)


@router.get(
    "/{pk}/fhir",
    response={200: dict[str, object], **ERRORS},
    summary="A client's FHIR R4B Bundle (application/fhir+json)",
)
def client_fhir(request: HttpRequest, pk: str) -> HttpResponse:
    from acupressure.web.fhir_data import client_bundle_json

    link = practice.client_link(request, _id(pk))
    record_access(int(request.user.pk or 0), link.client_id, request.path)
    return HttpResponse(client_bundle_json(link), content_type="application/fhir+json")


@router.post(
    "/{pk}/prescription",
    response={201: PrescriptionOut, 422: BadPrescription, **ERRORS},
    summary="Prescribe (a new version); points the client's screening excludes are refused",
)
def prescribe(request: HttpRequest, pk: str, body: PrescriptionIn) -> Status[PrescriptionOut]:
    link = practice.client_link(request, _id(pk), consented=False)
    me = request.user
    assert isinstance(me, User)
    try:
        times = [parse_time(t) for t in body.times]
        zone = body.timezone or link.timezone or "UTC"
        program = save(link, me, body.items, body.weeks, times, zone)
    except (PrescribeError, ValueError) as exc:
        raise HttpError(400, str(exc)) from None
    from acupressure.web.models import Prescription

    version = Prescription.objects.filter(program_id=program).order_by("-version").first()
    return Status(201, PrescriptionOut(program=program, version=version.version if version else 1))
