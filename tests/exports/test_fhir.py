"""FHIR R4B bundles: parse with fhir.resources, codes, units and times, and a round trip."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

pytest.importorskip("fhir.resources")

from fhir.resources.R4B.bundle import Bundle

from acupressure import i18n
from acupressure.exports import fhir
from acupressure.exports.fhir import (
    EXT,
    PAIN_CODE,
    POINTS_SYSTEM,
    Export,
    PainReading,
    Person,
    WeeklyCheck,
    bundle_json,
    bundle_pieces,
    pseudonym_system,
)
from acupressure.plan.prescribe import PrescribedPoint
from acupressure.program import Program, Schedule
from acupressure.safety import Intake

NOW = datetime(2026, 3, 20, 9, 30, tzinfo=UTC)
INSTALLATION = "0123456789abcdef0123456789abcdef"  # one installation's id (web.installation)
ITEMS = [
    PrescribedPoint(code="KI27", hold_seconds=120, repetitions=4, pressure="gentle", note="Slowly"),
    PrescribedPoint(code="TE3", hold_seconds=5, repetitions=1, pressure="firm"),
    PrescribedPoint(code="BL23", hold_seconds=60, repetitions=2, pressure="firm", where="clinic"),
]
SCHEDULE = Schedule(
    start=date(2026, 3, 2),
    weeks=6,
    times=[time(8, 0)],
    extra_times=[time(15, 0), time(21, 0)],
    timezone="Europe/London",
)
PROGRAM = Program(
    id=7,
    owner="client-1",
    created_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
    intake=Intake(areas=["upper-back"], red_flags=[]),
    points=["KI27", "TE3"],
    extra_points=["KI27", "TE3"],
    routine_press_seconds=0,
    extra_press_seconds=0,
    schedule=SCHEDULE,
    prescription=ITEMS,
    prescriber="Dr Ana Silva",
    version=2,
)
READINGS = [
    PainReading(at=datetime(2026, 3, 2, 8, 1, tzinfo=UTC), value=6, context="before"),
    PainReading(at=datetime(2026, 3, 2, 8, 20, tzinfo=UTC), value=4, context="after"),
    PainReading(at=datetime(2026, 3, 9, 19, 0, tzinfo=UTC), value=3, context="check-in"),
]
CHECKS = [
    WeeklyCheck(program=7, week=0, questionnaire="pain-week", answers={"pain": "6"}, at=NOW),
    WeeklyCheck(
        program=7,
        week=1,
        questionnaire="activities",
        answers={"activity-1": {"name": "sitting at my desk", "rating": "4"}},
        at=NOW,
    ),
    WeeklyCheck(program=7, week=1, questionnaire="change", answers={"rating": "-2"}, at=NOW),
]


def export(named: bool = False, installation: str = INSTALLATION) -> Export:
    person = Person(key="user-1", label="P-17", named=named, year_of_birth=1990)
    return Export(
        installation=installation,
        patient=person,
        practitioner="Dr Ana Silva",
        program=PROGRAM,
        readings=READINGS,
        checks=CHECKS,
        generated_at=NOW,
    )


def resources(text: str, kind: str) -> list[dict[str, Any]]:
    Bundle.model_validate_json(text)  # parses and validates with fhir.resources
    data = json.loads(text)
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_parses_and_holds_each_resource() -> None:
    text = bundle_json(export())
    data = json.loads(text)
    assert data["type"] == "collection"
    kinds = [e["resource"]["resourceType"] for e in data["entry"]]
    assert kinds.count("Patient") == 1 and kinds.count("Practitioner") == 1
    assert kinds.count("CarePlan") == 1
    assert kinds.count("Observation") == 3 and kinds.count("QuestionnaireResponse") == 3
    urls = {e["fullUrl"] for e in data["entry"]}
    for e in data["entry"]:
        for key in ("subject", "author"):
            ref = e["resource"].get(key)
            if ref:
                assert ref["reference"] in urls  # every reference resolves inside the bundle


def test_patient_is_pseudonymous_unless_named() -> None:
    (anon,) = resources(bundle_json(export()), "Patient")
    assert "name" not in anon
    assert anon["identifier"] == [{"system": pseudonym_system(INSTALLATION), "value": "P-17"}]
    assert anon["birthDate"] == "1990"
    (named,) = resources(bundle_json(export(named=True)), "Patient")
    assert named["name"] == [{"text": "P-17"}] and "identifier" not in named


def test_careplan_has_one_activity_per_point_with_codes_and_timing() -> None:
    (plan,) = resources(bundle_json(export()), "CarePlan")
    assert plan["status"] == "active" and plan["intent"] == "plan"
    assert plan["identifier"][0]["value"] == "7-v2"
    details = [a["detail"] for a in plan["activity"]]
    assert [d["code"]["coding"][0]["code"] for d in details] == ["KI27", "TE3", "BL23"]
    assert {d["code"]["coding"][0]["system"] for d in details} == {POINTS_SYSTEM}
    assert details[0]["code"]["coding"][0]["display"] == "Shufu (Transport Mansion)"
    repeat = details[0]["scheduledTiming"]["repeat"]
    assert repeat["frequency"] == 3 and repeat["period"] == 1 and repeat["periodUnit"] == "d"
    assert repeat["timeOfDay"] == ["08:00:00", "15:00:00", "21:00:00"]
    bounds = {k: datetime.fromisoformat(v) for k, v in repeat["boundsPeriod"].items()}
    assert bounds == {
        "start": datetime(2026, 3, 2, 0, 0, tzinfo=UTC),  # local midnight, London in winter
        "end": datetime(2026, 4, 12, 23, 0, tzinfo=UTC),  # local midnight in summer time
    }
    assert "scheduledTiming" not in details[2]  # in clinic: not on the home schedule
    assert "Note: Slowly" in details[0]["description"]


def test_pain_observations_have_loinc_units_and_times() -> None:
    found = resources(bundle_json(export()), "Observation")
    for obs, reading in zip(found, READINGS, strict=True):
        assert obs["code"]["coding"][0] == {
            "system": "http://loinc.org",
            "code": PAIN_CODE,
            "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        }
        quantity = obs["valueQuantity"]
        assert quantity["system"] == "http://unitsofmeasure.org" and quantity["code"] == "{score}"
        assert quantity["value"] == reading.value
        assert datetime.fromisoformat(obs["effectiveDateTime"]) == reading.at
        assert obs["status"] == "final"


def test_round_trip_of_values() -> None:
    """Read the prescription, pain scores and weekly answers back out of the bundle."""
    text = bundle_json(export())
    (plan,) = resources(text, "CarePlan")
    back = []
    for activity in plan["activity"]:
        d = activity["detail"]
        ext = {
            e["url"].rsplit("/", 1)[-1]: next(v for k, v in e.items() if k.startswith("value"))
            for e in d["extension"]
        }
        back.append(
            PrescribedPoint(
                code=d["code"]["coding"][0]["code"],
                hold_seconds=ext["hold-seconds"],
                repetitions=ext["repetitions"],
                pressure=ext["pressure"],
                where=ext["setting"],
                note=d["description"].split("Note: ", 1)[1] if "Note: " in d["description"] else "",
            )
        )
    assert back == ITEMS
    readings = [
        (datetime.fromisoformat(o["effectiveDateTime"]), o["valueQuantity"]["value"])
        for o in resources(text, "Observation")
    ]
    assert readings == [(r.at, r.value) for r in READINGS]
    responses = resources(text, "QuestionnaireResponse")
    assert [r["questionnaire"].rsplit("/", 1)[-1] for r in responses] == [
        "pain-week",
        "activities",
        "change",
    ]
    assert [r["extension"][0] for r in responses][1] == {
        "url": f"{EXT}/program-week",
        "valueInteger": 1,
    }
    assert responses[0]["item"][0]["answer"] == [{"valueInteger": 6}]
    activity = responses[1]["item"][0]["item"]
    assert activity == [
        {"linkId": "activity-1.name", "answer": [{"valueString": "sitting at my desk"}]},
        {"linkId": "activity-1.rating", "answer": [{"valueInteger": 4}]},
    ]
    assert responses[2]["item"][0]["answer"] == [{"valueInteger": -2}]
    assert {datetime.fromisoformat(r["authored"]) for r in responses} == {NOW}


def test_a_person_without_a_program_still_gets_a_valid_bundle() -> None:
    person = Person(key="user-2", label="olivia", named=False)
    text = bundle_json(Export(installation=INSTALLATION, patient=person, generated_at=NOW))
    data = json.loads(Bundle.model_validate_json(text).model_dump_json(exclude_none=True))
    assert [e["resource"]["resourceType"] for e in data["entry"]] == ["Patient"]


def test_a_self_made_program_reports_its_planned_numbers() -> None:
    """Without a prescription the activities carry the routine as planned (pregnancy: gentle)."""
    from acupressure.program import design

    intake = Intake(areas=["neck"], pregnant=True, trimester=2, red_flags=[])
    made = design(intake, date(2026, 3, 2))
    program = PROGRAM.model_copy(
        update={"prescription": None, "version": 0, "points": made.points, "intake": intake}
    )
    person = Person(key="user-3", label="me", named=False)
    out = Export(installation=INSTALLATION, patient=person, program=program, generated_at=NOW)
    text = bundle_json(out)
    (plan,) = resources(text, "CarePlan")
    codes = [a["detail"]["code"]["coding"][0]["code"] for a in plan["activity"]]
    assert codes == [p.code for p in made.plan.points]
    for activity, planned in zip(plan["activity"], made.plan.points, strict=True):
        ext = {e["url"].rsplit("/", 1)[-1]: e for e in activity["detail"]["extension"]}
        assert ext["pressure"]["valueCode"] == planned.pressure
        assert ext["hold-seconds"]["valueInteger"] == planned.hold_seconds
    assert "identifier" not in plan and "author" not in plan


def ids_and_systems(text: str) -> tuple[set[str], set[str]]:
    data = json.loads(text)
    ids = {data["id"], *(e["resource"]["id"] for e in data["entry"])}
    systems = {i["system"] for e in data["entry"] for i in e["resource"].get("identifier", [])}
    return ids, systems


def test_two_installations_share_no_id_or_identifier_system() -> None:
    """User 1 of one clinic and user 1 of another are two people to a FHIR server."""
    ours, our_systems = ids_and_systems(bundle_json(export()))
    theirs, their_systems = ids_and_systems(bundle_json(export(installation="f" * 32)))
    assert len(ours) == 10 and not ours & theirs
    assert our_systems and not our_systems & their_systems
    assert all(INSTALLATION in s for s in our_systems)


def test_ids_are_stable_across_exports_and_languages() -> None:
    first = ids_and_systems(bundle_json(export()))
    with i18n.use("zh-Hans"):
        again = ids_and_systems(bundle_json(export()))
    assert first == again


def test_the_streamed_bundle_is_the_validated_bundle_piece_by_piece() -> None:
    """bundle_pieces (the downloads) gives what bundle_json gives: the same resources, ids
    and values in the same order, as JSON that fhir.resources validates whole (it writes a
    UTC time as "Z" where the pieces keep "+00:00": the same instant)."""
    made = export()
    whole = json.loads(bundle_json(made))
    pieces = list(bundle_pieces(made.model_copy(update={"readings": []}), iter(READINGS)))
    assert len(pieces) == 2 + len(whole["entry"])  # the head, one per entry, the end
    streamed = json.loads("".join(pieces))
    assert [e["fullUrl"] for e in streamed["entry"]] == [e["fullUrl"] for e in whole["entry"]]
    assert Bundle.model_validate(streamed).model_dump() == Bundle.model_validate(whole).model_dump()


def test_a_streamed_bundle_refuses_a_bad_resource_before_writing_anything() -> None:
    bad = export().model_copy(update={"practitioner": ""})  # fine: no practitioner
    assert json.loads("".join(bundle_pieces(bad, iter(READINGS))))["entry"]
    broken = Person.model_construct(key="user-1", label="P-17", named=False, year_of_birth=-5)
    pieces = bundle_pieces(export().model_copy(update={"patient": broken}), iter(READINGS))
    with pytest.raises(ValueError, match="birthDate"):
        next(pieces)


def test_resource_ids_are_uuid5_of_the_installation_kind_and_key() -> None:
    for key in ("user-1", "user-1:2026-03-02T08:01:00+00:00:before:0", "María 张", ""):
        want = str(uuid.uuid5(fhir.NAMESPACE, f"{INSTALLATION}:observation:{key}"))
        assert fhir._id(INSTALLATION, "observation", key) == want


@pytest.mark.parametrize("language", ["en", "es", "zh-Hans"])
def test_streamed_observations_are_the_json_of_each_resource_byte_for_byte(language: str) -> None:
    """The observations are written from one template per context: the same text that
    json.dumps writes for each resource made by _observations."""
    many = [
        PainReading(at=r.at + timedelta(days=d, microseconds=d), value=(d + r.value) % 11,
                    context=r.context)
        for d in range(40) for r in READINGS
    ]  # fmt: skip
    made = export().model_copy(update={"readings": []})
    with i18n.use(language):
        pieces = list(bundle_pieces(made, iter(many)))
        ids, head = fhir._head(made)
        want = [
            json.dumps(fhir._entry(o), ensure_ascii=False)
            for o in fhir._observations(made, many, ids)
        ]
    written = [p.lstrip(",\n") for p in pieces[1 + len(head) : 1 + len(head) + len(many)]]
    assert written == want
