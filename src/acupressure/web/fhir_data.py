"""Gather a person's data for the FHIR export (:mod:`acupressure.exports.fhir`)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from acupressure.exports.fhir import Export, PainReading, Person, WeeklyCheck, bundle_json
from acupressure.web import clock
from acupressure.web.diary import readings
from acupressure.web.installation import installation_id
from acupressure.web.models import PractitionerLink, QuestionnaireAnswer
from acupressure.web.program_store import ProgramStore


def _export(owner_id: int, person: Person, prescribed_by: int | None = None) -> Export:
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
        readings=[PainReading(at=r.at, value=r.pain, context=r.kind) for r in readings(owner_id)],
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


def client_bundle_json(link: PractitionerLink) -> str:
    """A client's bundle for their practitioner: pseudonymous unless a name was entered."""
    person = Person(
        key=f"user-{link.client_id}",
        label=link.label or f"client-{link.pk}",
        named=link.named,
        year_of_birth=link.year_of_birth,
    )
    return bundle_json(_export(link.client_id, person, prescribed_by=link.practitioner_id))


def own_bundle_json(user: AbstractBaseUser) -> str:
    """A person's own bundle (from /privacy/): their username as the pseudonym."""
    person = Person(key=f"user-{user.pk}", label=user.get_username(), named=False)
    return bundle_json(_export(int(user.pk or 0), person))
