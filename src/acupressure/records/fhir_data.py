"""Gather a person's data for the FHIR export (:mod:`acupressure.exports.fhir`)."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth.models import AbstractBaseUser

from acupressure.exports.chunks import buffered
from acupressure.exports.fhir import (
    Export,
    PainReading,
    Person,
    WeeklyCheck,
    bundle_json,
    bundle_pieces,
)
from acupressure.records import clock
from acupressure.records.diary import readings
from acupressure.records.installation import installation_id
from acupressure.records.models import PractitionerLink, QuestionnaireAnswer
from acupressure.records.program_store import ProgramStore


def _export(
    owner_id: int, person: Person, prescribed_by: int | None = None, with_readings: bool = True
) -> Export:
    """The person's data; for a practitioner (``prescribed_by``), their own prescription and
    its weekly checks only, with the pain readings the client shares."""
    programs = ProgramStore(owner_id).all(prescribed_by=prescribed_by)
    program = programs[0] if programs else None
    answers = QuestionnaireAnswer.objects.filter(owner_id=owner_id).order_by("at", "id")
    if prescribed_by is not None:
        answers = answers.filter(program__prescriber_id=prescribed_by)
    return Export(
        installation=installation_id(),
        patient=person,
        practitioner=(program.prescriber or None) if program else None,
        program=program,
        readings=list(_readings(owner_id)) if with_readings else [],
        checks=[
            WeeklyCheck(
                program=a.program_id or 0,
                week=a.week,
                questionnaire=a.questionnaire,
                answers=dict(a.answers),
                at=a.at,
            )
            for a in answers
        ],
        generated_at=clock.now(),
    )


def _readings(owner_id: int) -> Iterator[PainReading]:
    for r in readings(owner_id):
        yield PainReading(at=r.at, value=r.pain, context=r.kind)


def _client(link: PractitionerLink) -> Person:
    """A client as their practitioner names them: pseudonymous unless a name was entered."""
    return Person(
        key=f"user-{link.client_id}",
        label=link.label or f"client-{link.pk}",
        named=link.named,
        year_of_birth=link.year_of_birth,
    )


def _own(user: AbstractBaseUser) -> Person:
    """A person in their own bundle (from /privacy/): their username as the pseudonym."""
    return Person(key=f"user-{user.pk}", label=user.get_username(), named=False)


def client_bundle_json(link: PractitionerLink) -> str:
    return bundle_json(_export(link.client_id, _client(link), link.practitioner_id))


def own_bundle_json(user: AbstractBaseUser) -> str:
    return bundle_json(_export(int(user.pk or 0), _own(user)))


def _chunks(owner_id: int, person: Person, prescribed_by: int | None = None) -> Iterator[bytes]:
    """The bundle as streamed JSON (exports.fhir.bundle_pieces): the same resources and ids
    as :func:`bundle_json`, made as they are sent."""
    export = _export(owner_id, person, prescribed_by, with_readings=False)
    return buffered(bundle_pieces(export, _readings(owner_id)))


def client_bundle_chunks(link: PractitionerLink) -> Iterator[bytes]:
    """A client's bundle for their practitioner: their prescription, the client's readings."""
    return _chunks(link.client_id, _client(link), link.practitioner_id)


def own_bundle_chunks(user: AbstractBaseUser) -> Iterator[bytes]:
    return _chunks(int(user.pk or 0), _own(user))
