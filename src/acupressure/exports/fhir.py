"""FHIR R4B export (fhir.resources, validated by it; see :func:`bundle_pieces` for the
streamed one): one Bundle of type ``collection`` per
person, for a practitioner's record system (R4 systems read R4B for these resources).

- Patient: pseudonymous (an identifier, no name) unless the practitioner entered a name;
  the year of birth, when given, as ``birthDate`` (a year is a valid FHIR date).
- Practitioner: the prescriber's name (when the program was prescribed).
- CarePlan: the program, one activity per point; ``detail.code`` in our point code system
  (the code is the WHO standard code, e.g. ``LI4``), the schedule as ``scheduledTiming``
  (bounds, sessions a day, times of day), hold seconds, repetitions, pressure and place as
  extensions, the practitioner's note in ``description``.
- Observation: each pain score (LOINC 72514-3, 0-10, UCUM ``{score}``) at its time.
- QuestionnaireResponse: each weekly check, items as in our questionnaire data.

Ids and identifier systems are unique per installation: every resource id is a UUID v5 of
the installation's random id (kept in its database), the kind and the person's key, and the
identifier systems (pseudonym, prescription version) are URIs under the installation's id.
So two clinics' bundles never share an id, and one clinic's stay the same across exports and
languages.

Texts a person reads (the plan's title, each activity's description, the point's display in
our own code system, how a pain score was taken, the questions) are in the current
language; codes, LOINC's code and its display (LOINC's own name for the code), units and
extension values never change.

The code system and the extensions are described in docs/fhir.md. Nothing here imports
Django: the web app gathers the data into the models below.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from itertools import chain
from typing import Any

from pydantic import BaseModel, ConfigDict

from acupressure import atlas
from acupressure.atlas.labels import PRESSURE
from acupressure.i18n import N_, Labels, current
from acupressure.i18n import gettext as _
from acupressure.outcomes import questionnaires
from acupressure.plan.prescribe import WHERE_TEXT, PrescribedPoint
from acupressure.program import Program

BASE = "https://acupressure.invalid/fhir"  # not resolvable on purpose: names, not addresses
POINTS_SYSTEM = f"{BASE}/CodeSystem/acupressure-points"
EXT = f"{BASE}/StructureDefinition"
LOINC = "http://loinc.org"
PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
UCUM = "http://unitsofmeasure.org"
NAMESPACE = uuid.UUID("6f1c3a52-3c1e-4b0e-9d8e-5a1f0c2b7e44")  # for stable resource ids


def system(installation: str, name: str) -> str:
    """An identifier system of one installation, e.g. ``NamingSystem/client-pseudonym``."""
    return f"{BASE}/installation/{installation}/{name}"


def pseudonym_system(installation: str) -> str:
    return system(installation, "NamingSystem/client-pseudonym")


def version_system(installation: str) -> str:
    return system(installation, "prescription-version")


class Person(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str  # stable and opaque, e.g. "user-12"; only used to derive resource ids
    label: str  # a name or a pseudonym
    named: bool
    year_of_birth: int | None = None


@dataclass(frozen=True, slots=True)
class PainReading:
    """A pain score (a plain dataclass: years of diary make thousands, each made cheaply)."""

    at: datetime
    value: int
    context: str  # "before", "after" (a session), "check-in"


class WeeklyCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    program: int
    week: int
    questionnaire: str
    answers: dict[str, Any]
    at: datetime


class Export(BaseModel):
    model_config = ConfigDict(frozen=True)

    installation: str  # this installation's random id (web.installation), in every id
    patient: Person
    practitioner: str | None = None  # the prescriber's name
    program: Program | None = None
    readings: list[PainReading] = []
    checks: list[WeeklyCheck] = []
    generated_at: datetime


CONTEXT_TEXT = Labels(
    {
        "before": N_("before a session"),
        "after": N_("after a session"),
        "check-in": N_("daily check-in"),
    }
)


_SEED = hashlib.sha1(NAMESPACE.bytes, usedforsecurity=False)  # uuid5's hash, fed the namespace


def _id(installation: str, kind: str, key: str) -> str:
    """``str(uuid.uuid5(NAMESPACE, ...))``, without making UUID objects (a bundle of years
    makes thousands)."""
    sha = _SEED.copy()
    sha.update(f"{installation}:{kind}:{key}".encode())
    raw = bytearray(sha.digest()[:16])
    raw[6], raw[8] = (raw[6] & 0x0F) | 0x50, (raw[8] & 0x3F) | 0x80  # version 5, RFC variant
    x = raw.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _ref(resource_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id}"}


def _patient(person: Person, pid: str, installation: str) -> dict[str, Any]:
    data: dict[str, Any] = {"resourceType": "Patient", "id": pid}
    if person.named:
        data["name"] = [{"text": person.label}]
    else:
        data["identifier"] = [{"system": pseudonym_system(installation), "value": person.label}]
    if person.year_of_birth is not None:
        data["birthDate"] = str(person.year_of_birth)
    return data


def _timing(program: Program, times: list[time]) -> dict[str, Any]:
    s = program.schedule
    start = datetime.combine(s.start, time(0, 0), tzinfo=s.zone)
    end = start + timedelta(days=7 * s.weeks)
    return {
        "repeat": {
            "boundsPeriod": {"start": start.isoformat(), "end": end.isoformat()},
            "frequency": len(times),
            "period": 1,
            "periodUnit": "d",
            "timeOfDay": [t.strftime("%H:%M:%S") for t in times],
        }
    }


def _items(program: Program) -> list[PrescribedPoint]:
    """The prescription, or for a program a person made, its routine as planned."""
    if program.prescription is not None:
        return list(program.prescription)
    from acupressure.program import plan_for_slot

    planned = {p.code: p for p in plan_for_slot(program.intake, "routine", []).points}
    out = []
    for code in program.points:
        p = planned.get(code)
        t = atlas.get(code).technique
        out.append(
            PrescribedPoint(
                code=code,
                hold_seconds=p.hold_seconds if p else t.hold_seconds,
                repetitions=p.repetitions if p else t.repetitions,
                pressure=p.pressure if p else t.pressure,
            )
        )
    return out


def _activity(program: Program, item: PrescribedPoint, now: datetime) -> dict[str, Any]:
    point = atlas.get(item.code)
    status = {"active": "scheduled", "stopped": "stopped", "finished": "completed"}
    times = list(program.schedule.times)
    if item.code in program.extra_points:
        times = sorted({*times, *program.schedule.extra_times})
    text = _(
        "{code} {pinyin}: hold {hold} s, {times} time(s), {pressure} pressure, {where}."
    ).format(
        code=point.code,
        pinyin=point.names.pinyin,
        hold=item.hold_seconds,
        times=item.repetitions,
        pressure=PRESSURE[item.pressure],
        where=WHERE_TEXT[item.where],
    )
    if item.note:
        text += " " + _("Note: {note}").format(note=item.note)
    detail: dict[str, Any] = {
        "extension": [
            {"url": f"{EXT}/hold-seconds", "valueInteger": item.hold_seconds},
            {"url": f"{EXT}/repetitions", "valueInteger": item.repetitions},
            {"url": f"{EXT}/pressure", "valueCode": item.pressure},
            {"url": f"{EXT}/setting", "valueCode": item.where},
        ],
        "code": {
            "coding": [
                {
                    "system": POINTS_SYSTEM,
                    "code": point.code,
                    "display": f"{point.names.pinyin} ({point.names.english})",
                }
            ],
            "text": point.code,
        },
        "status": status[program.status(now)],
        "description": text,
    }
    if item.where == "home":
        detail["scheduledTiming"] = _timing(program, times)
    return {"detail": detail}


def _careplan(export: Export, program: Program, ids: dict[str, str]) -> dict[str, Any]:
    state = program.status(export.generated_at)
    data: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": ids["careplan"],
        "status": {"active": "active", "stopped": "revoked", "finished": "completed"}[state],
        "intent": "plan",
        "title": _("Acupressure program"),
        "subject": _ref(ids["patient"]),
        "created": program.created_at.isoformat(),
        "period": _timing(program, list(program.schedule.times))["repeat"]["boundsPeriod"],
        "activity": [_activity(program, i, export.generated_at) for i in _items(program)],
    }
    if "practitioner" in ids:
        data["author"] = _ref(ids["practitioner"])
    if program.version:
        data["identifier"] = [
            {
                "system": version_system(export.installation),
                "value": f"{program.id}-v{program.version}",
            }
        ]
    return data


def _observation(rid: str, patient: str, at: str, value: int | str, context: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": rid,
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY}]},
        "subject": _ref(patient),
        "effectiveDateTime": at,
        "valueQuantity": {
            "value": value,
            "unit": "{score}",
            "system": UCUM,
            "code": "{score}",
        },
        "method": {"text": CONTEXT_TEXT.get(context, context)},
    }


def _whole(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _answer_items(check: WeeklyCheck) -> list[dict[str, Any]]:
    q = questionnaires().get(check.questionnaire)
    items: list[dict[str, Any]] = []
    for item_id, given in check.answers.items():
        item = next((i for i in q.items if i.id == item_id), None) if q else None
        text = item.text if item else item_id
        if isinstance(given, dict):
            parts = [
                {
                    "linkId": f"{item_id}.name",
                    "answer": [{"valueString": str(given.get("name", ""))}],
                }
            ]
            rating = _whole(given.get("rating"))
            if rating is not None:
                parts.append({"linkId": f"{item_id}.rating", "answer": [{"valueInteger": rating}]})
            items.append({"linkId": item_id, "text": text, "item": parts})
        elif _whole(given) is not None:
            items.append(
                {"linkId": item_id, "text": text, "answer": [{"valueInteger": _whole(given)}]}
            )
        else:
            items.append({"linkId": item_id, "text": text, "answer": [{"valueString": str(given)}]})
    return items


def _response(check: WeeklyCheck, rid: str, ids: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": rid,
        "extension": [{"url": f"{EXT}/program-week", "valueInteger": check.week}],
        "questionnaire": f"{BASE}/Questionnaire/{check.questionnaire}",
        "status": "completed",
        "subject": _ref(ids["patient"]),
        "authored": check.at.isoformat(),
        "item": _answer_items(check),
    }
    if "careplan" in ids:
        data["basedOn"] = [_ref(ids["careplan"])]
    return data


def _head(export: Export) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The ids and resources that come before the readings: patient, practitioner, plan."""
    key = export.patient.key

    def _rid(kind: str, name: str) -> str:
        return _id(export.installation, kind, name)

    ids = {"patient": _rid("patient", key)}
    resources: list[dict[str, Any]] = [
        _patient(export.patient, ids["patient"], export.installation)
    ]
    if export.practitioner:
        ids["practitioner"] = _rid("practitioner", f"{key}:{export.practitioner}")
        resources.append(
            {
                "resourceType": "Practitioner",
                "id": ids["practitioner"],
                "name": [{"text": export.practitioner}],
            }
        )
    if export.program is not None:
        ids["careplan"] = _rid("careplan", f"{key}:{export.program.id}")
        resources.append(_careplan(export, export.program, ids))
    return ids, resources


Keyed = tuple[PainReading, str, str]  # a reading, its time as text, its resource id


def _keyed(export: Export, readings: Iterable[PainReading]) -> Iterator[Keyed]:
    key = export.patient.key
    for n, reading in enumerate(readings):
        at = reading.at.isoformat()
        yield (
            reading,
            at,
            _id(export.installation, "observation", f"{key}:{at}:{reading.context}:{n}"),
        )


def _observations(
    export: Export, readings: Iterable[PainReading], ids: dict[str, str]
) -> Iterator[dict[str, Any]]:
    for reading, at, rid in _keyed(export, readings):
        yield _observation(rid, ids["patient"], at, reading.value, reading.context)


_SLOTS = ("\x01id", "\x01at", "\x01value")  # stand-ins, written by json.dumps as \u0001...


def _observation_texts(keyed: Iterable[Keyed], patient: str) -> Iterator[str]:
    """Each observation's entry as the JSON text ``json.dumps(_entry(_observation(...)))``
    writes, byte for byte: made once per context with stand-ins, then the id, the time and
    the value put in (ids, ISO times and integers need no escaping)."""
    rid, at, value = (json.dumps(slot)[1:-1] for slot in _SLOTS)
    made: dict[str, str] = {}
    for reading, when, resource_id in keyed:
        text = made.get(reading.context)
        if text is None:
            stand_in = _observation(*_SLOTS[:1], patient, *_SLOTS[1:], reading.context)
            text = made[reading.context] = json.dumps(_entry(stand_in), ensure_ascii=False)
        text = text.replace(rid, resource_id).replace(at, when)
        yield text.replace(f'"{value}"', str(reading.value))


def _responses(export: Export, ids: dict[str, str]) -> Iterator[dict[str, Any]]:
    key = export.patient.key
    for check in export.checks:
        rid = _id(
            export.installation,
            "response",
            f"{key}:{check.program}:{check.week}:{check.questionnaire}",
        )
        yield _response(check, rid, ids)


def _fields(export: Export) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "id": _id(
            export.installation, "bundle", f"{export.patient.key}:{export.generated_at.isoformat()}"
        ),
        "language": current(),  # the language of the texts (BCP 47: en, es, zh-Hans)
        "type": "collection",
        "timestamp": export.generated_at.isoformat(),
    }


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def bundle(export: Export) -> Any:
    """The Bundle as a validated ``fhir.resources.R4B.bundle.Bundle``."""
    from fhir.resources.R4B.bundle import Bundle

    ids, resources = _head(export)
    resources += [*_observations(export, export.readings, ids), *_responses(export, ids)]
    return Bundle.model_validate({**_fields(export), "entry": [_entry(r) for r in resources]})


def bundle_json(export: Export) -> str:
    return str(bundle(export).model_dump_json(exclude_none=True, indent=2))


def bundle_pieces(export: Export, readings: Iterable[PainReading]) -> Iterator[str]:
    """The same Bundle as JSON text in pieces, with the pain readings taken one by one from
    ``readings`` (``export.readings`` is not read), so any diary takes the same memory.

    fhir.resources checks the head (patient, practitioner, care plan) and the first
    resource of each kind (an observation, one response per questionnaire) in a Bundle of
    its own before anything is written; the others are made by the same functions from
    typed values (checking each would take about 1.5 ms: 11 s for five years of diary).
    Observations come in order, so their ids are those :func:`bundle` gives."""
    from fhir.resources.R4B.bundle import Bundle

    ids, head = _head(export)
    keyed = _keyed(export, readings)
    first_key = next(keyed, None)
    first = None
    if first_key is not None:
        reading, at, rid = first_key
        first = _observation(rid, ids["patient"], at, reading.value, reading.context)
    responses = list(_responses(export, ids))
    kinds = {r["questionnaire"]: r for r in reversed(responses)}  # the first of each
    sample = [*head, *([first] if first else []), *kinds.values()]
    checked = Bundle.model_validate({**_fields(export), "entry": [_entry(r) for r in sample]})
    made = [
        e.resource.model_dump(mode="json", exclude_none=True)
        for e in checked.entry or []
        if e.resource is not None
    ]
    yield json.dumps(_fields(export), ensure_ascii=False)[:-1] + ', "entry": ['
    separator = "\n"
    for resource in made[: len(head)]:
        yield separator + json.dumps(_entry(resource), ensure_ascii=False)
        separator = ",\n"
    for text in _observation_texts(chain([first_key] if first_key else [], keyed), ids["patient"]):
        yield separator + text
        separator = ",\n"
    for resource in responses:
        yield separator + json.dumps(_entry(resource), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
