"""The JSON API for practitioners (mounted at /api/clients): their consenting clients only
(records/access.py decides); anyone else, the practitioner before consent (but in the account
they made, unused yet) and once it is withdrawn or their profile deleted, gets a 404. Every
call is written to the client's access log."""

from __future__ import annotations

from typing import Annotated, Any

from django.contrib.auth.models import User
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import Field

from acupressure.i18n import gettext as _
from acupressure.plan.prescribe import PrescribedPoint
from acupressure.program.schedule import parse_time
from acupressure.records.access import Need
from acupressure.records.models import Action
from acupressure.web.access import client_link, log
from acupressure.web.api_programs import Refusal
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


# The bundle's own schema is FHIR's (docs/fhir.md); the document names its media type.
FHIR_BUNDLE: dict[str, Any] = {
    "type": "object",
    "description": "A FHIR R4B Bundle of type collection (docs/fhir.md)",
    "properties": {
        "resourceType": {"const": "Bundle"},
        "id": {"type": "string"},
        "type": {"const": "collection"},
        "language": {"type": "string"},
        "timestamp": {"type": "string", "format": "date-time"},
        "entry": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["resourceType", "type", "entry"],
}


@router.get(
    "/{pk}/fhir",
    response={401: Refusal, 404: Refusal},  # the 200 below: FHIR's media type, not JSON's
    summary="A client's FHIR R4B Bundle (application/fhir+json)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The client's bundle",
                "content": {"application/fhir+json": {"schema": FHIR_BUNDLE}},
            }
        }
    },
)
def client_fhir(request: HttpRequest, pk: str) -> StreamingHttpResponse:
    """Streamed as it is made (records/fhir_data.py)."""
    from acupressure.records.fhir_data import client_bundle_chunks

    link = client_link(request, _id(pk), Need.READ)
    log(request, link.client_id, Action.FHIR)
    return StreamingHttpResponse(client_bundle_chunks(link), content_type="application/fhir+json")


@router.post(
    "/{pk}/prescription",
    response={201: PrescriptionOut, 422: BadPrescription, **ERRORS},
    summary="Prescribe (a new version); points the client's screening excludes are refused",
)
def prescribe(request: HttpRequest, pk: str, body: PrescriptionIn) -> Status[PrescriptionOut]:
    link = client_link(request, _id(pk), Need.WRITE)
    me = request.user
    assert isinstance(me, User)
    try:
        times = [parse_time(t) for t in body.times]
        zone = body.timezone or link.timezone or "UTC"
        program = save(link, me, body.items, body.weeks, times, zone)
    except (PrescribeError, ValueError) as exc:
        raise HttpError(400, str(exc)) from None
    log(request, link.client_id, Action.PRESCRIBED)
    from acupressure.records.models import Prescription

    version = Prescription.objects.filter(program_id=program).order_by("-version").first()
    return Status(201, PrescriptionOut(program=program, version=version.version if version else 1))
