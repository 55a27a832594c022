"""The second clinical review (issue 23), content side: what plans say in pregnancy, about
pressure, on the never-in-pregnancy points, to a person with chest pain, with a condition
of the feet, the neck or the aorta, and in a practitioner's prescription in every language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import examples, intakes

from acupressure import atlas
from acupressure.atlas.models import PRESSURES, Pressure
from acupressure.i18n import LANGUAGES, use
from acupressure.plan import LOWERED, PRESSURE_WARNING, Plan, build_plan, questions
from acupressure.plan.prescribe import PrescribedPoint, choices, prescribed_plan
from acupressure.plan.timeline import POSTURE_GROUP, POSTURE_TEXT
from acupressure.safety import Intake, conditions, red_flags

# Words that ask for more than a pressure, by language: what a softer plan must never say.
FIRMER_THAN_MODERATE = {
    "en": [
        "firmly",
        "lean in",
        "leans in",
        "leans slowly",
        "deeper",
        "deepening",
        "strongly",
        "weight does the pressing",
        "weight provides the pressure",
    ],
    "es": ["con firmeza", "se inclina", "más hondo", "con fuerza", "su peso haga la presión"],
    "zh-Hans": ["用力", "有力", "俯身加力", "加深", "强力", "重量产生压力", "的重量按压"],
}
STRONGER_THAN_FIRM = {"en": ["strongly"], "es": ["con fuerza"], "zh-Hans": ["强力"]}
NEVER = [p for p in atlas.all_points() if p.pregnancy.policy == "never"]
FACE_DOWN = [p for p in atlas.all_points() if p.technique.posture == "lying-prone"]


def _words_above(pressure: Pressure, language: str) -> list[str]:
    if PRESSURES.index(pressure) < PRESSURES.index("firm"):
        return FIRMER_THAN_MODERATE[language] + STRONGER_THAN_FIRM[language]
    return STRONGER_THAN_FIRM[language] if pressure == "firm" else []


def _check_pressure_words(plan: Plan, language: str) -> None:
    for p in plan.points:
        said = [*p.steps, p.method, *(s.cue for s in plan.steps if s.code == p.code)]
        for word in _words_above(p.pressure, language):
            assert not any(word in text for text in said), (p.code, p.pressure, word)
        if PRESSURES.index(p.pressure) < PRESSURES.index(atlas.get(p.code).technique.pressure):
            assert LOWERED[p.pressure] in p.notes, p.code  # lowered points say how to press
    if plan.points:
        lowest = min((p.pressure for p in plan.points), key=PRESSURES.index)
        assert PRESSURE_WARNING[lowest] in plan.warnings
        for word in _words_above(lowest, language):
            assert not any(word in w for w in plan.warnings), (lowest, word)


def test_the_words_detect_the_firm_steps_they_replace() -> None:
    """The check can fail: every point with lighter steps says a firmer word without them."""
    for language in LANGUAGES:
        with use(language):
            for point in atlas.all_points():
                t = point.technique
                if t.lighter is None:
                    continue
                said = [*t.steps, t.method, t.breathing or ""]
                words = _words_above("moderate", language)
                assert any(w in text for w in words for text in said), (language, point.code)


@settings(max_examples=examples(250), deadline=None)
@given(intakes(), st.sampled_from(LANGUAGES))
def test_no_plan_says_more_pressure_than_it_gives(intake: Intake, language: str) -> None:
    with use(language):
        _check_pressure_words(build_plan(intake), language)


@settings(max_examples=examples(150), deadline=None)
@given(intakes(), st.sampled_from(LANGUAGES), st.data())
def test_no_prescription_says_more_pressure_than_it_gives(
    intake: Intake, language: str, data: st.DataObject
) -> None:
    intake = intake.model_copy(update={"red_flags": [], "seen_clinician": False})
    allowed = [
        c for c in choices(intake).values() if c.allowed and (intake.helper or not c.helper_only)
    ]
    if not allowed:
        return
    picked = data.draw(st.lists(st.sampled_from(allowed), min_size=1, unique_by=lambda c: c.code))
    items = [
        PrescribedPoint(
            code=c.code,
            hold_seconds=c.hold_range[0],
            repetitions=c.repetitions_range[0],
            pressure=data.draw(st.sampled_from(c.pressures)),
        )
        for c in picked
    ]
    with use(language):
        _check_pressure_words(prescribed_plan(intake, items), language)


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_no_pregnant_plan_lies_face_down(intake: Intake) -> None:
    plan = build_plan(intake)
    if not intake.pregnant:
        return
    prone = POSTURE_TEXT[POSTURE_GROUP["lying-prone"]]
    assert all(p.posture != "lying-prone" for p in plan.points)
    assert all(s.cue != prone for s in plan.steps if s.kind == "position")
    for p in plan.points:
        technique = atlas.get(p.code).technique
        if technique.posture == "lying-prone":
            assert technique.pregnancy_posture is not None
            assert p.steps == technique.pregnancy_posture.steps
            assert p.posture_note == technique.pregnancy_posture.posture_note


def test_trimester_two_with_a_helper_gets_the_lower_back_points_lying_on_the_side() -> None:
    intake = Intake(areas=["lower-back"], pregnant=True, trimester=2, helper=True, red_flags=[])
    plan = build_plan(intake)
    codes = {p.code for p in plan.points}
    assert {p.code for p in FACE_DOWN} <= codes  # offered, not lost
    assert {p.posture for p in plan.points if p.code in codes & {q.code for q in FACE_DOWN}} == {
        "side-lying"
    }
    assert POSTURE_TEXT[POSTURE_GROUP["side-lying"]] in [s.cue for s in plan.steps]


@settings(max_examples=examples(300), deadline=None)
@given(intakes(), st.sampled_from(LANGUAGES))
def test_never_in_pregnancy_points_always_carry_their_note(intake: Intake, language: str) -> None:
    with use(language):
        plan = build_plan(intake)
        notes = {p.code: " ".join(p.notes) for p in plan.points}
        for point in NEVER:
            if point.code in notes:
                assert atlas.get(point.code).pregnancy.note in notes[point.code]


def test_the_four_never_points_are_the_ones_the_review_names() -> None:
    assert {p.code for p in NEVER} == {"LI4", "GB21", "BL60", "CV6"}


def test_a_prescription_says_the_pregnancy_note_and_the_practitioner_in_each_language() -> None:
    intake = Intake(areas=["neck"], red_flags=[])
    items = [PrescribedPoint(code="LI4", hold_seconds=5, repetitions=2, pressure="firm", note="x")]
    for language in LANGUAGES:
        with use(language):
            plan = prescribed_plan(intake, items)
            (point,) = plan.points
            assert atlas.get("LI4").pregnancy.note in " ".join(point.notes)
            assert point.notes[-1] != "From your practitioner: x" or language == "en"


def test_a_prescription_in_spanish_and_chinese_is_not_told_nothing_fits() -> None:
    """The warnings are decided by what the routine holds, never by matching English text."""
    intake = Intake(areas=["neck"], red_flags=[])
    items = [PrescribedPoint(code="TE3", hold_seconds=4, repetitions=1, pressure="strong")]
    for language in LANGUAGES:
        with use(language):
            empty = build_plan(intake, only=frozenset())
            nothing = empty.warnings[-1]  # the "no point fits" line, in this language
            plan = prescribed_plan(intake, items)
            assert plan.points and nothing not in plan.warnings, language


def test_chest_pain_alone_is_an_emergency_asked_before_ki27() -> None:
    flag = red_flags()["chest-heart"]
    assert flag.urgency == "emergency"
    assert "together with" not in flag.question
    intake = Intake(areas=["upper-back"], red_flags=[])
    assert "chest-heart" in [f.id for f in questions(intake)]
    blocked = build_plan(intake.model_copy(update={"red_flags": ["chest-heart"]}))
    assert blocked.blocked and blocked.urgency == "emergency"


def test_ki27_carries_its_chest_pain_caution_in_every_plan_that_holds_it() -> None:
    ki27 = atlas.get("KI27")
    caution = next(c for c in ki27.precautions if c.id == "chest-pain")
    assert "nice-cg95" in caution.sources
    assert "muscular tension of the upper chest" in ki27.indications[0].text.lower()
    for language in LANGUAGES:
        with use(language):
            plan = build_plan(Intake(areas=["upper-back"], red_flags=[]))
            (point,) = [p for p in plan.points if p.code == "KI27"]
            assert atlas.get("KI27").precautions[0].text in point.notes


def _excluded(intake: Intake) -> dict[str, str]:
    return {e.code: e.kind for e in build_plan(intake).excluded}


def test_conditions_of_the_aorta_the_feet_and_the_upper_neck() -> None:
    every = ["lower-back", "upper-back", "neck", "shoulders"]
    aorta = Intake(areas=every, conditions=["aortic-aneurysm"], red_flags=[])
    assert _excluded(aorta).get("CV6") == "condition"
    feet = build_plan(Intake(areas=every, conditions=["reduced-feeling-feet"], red_flags=[]))
    assert {"BL60", "LR3"} <= {e.code for e in feet.excluded}
    (bl40,) = [p for p in feet.points if p.code == "BL40"]
    assert bl40.pressure == "gentle"
    assert conditions()["reduced-feeling-feet"].effects[1].text in bl40.notes
    neck = Intake(areas=every, conditions=["upper-neck-instability"], helper=True, red_flags=[])
    assert {"BL10", "GV14"} <= set(_excluded(neck))


def test_cv6_cautions_reach_the_plan() -> None:
    plan = build_plan(Intake(areas=["lower-back"], red_flags=[]))
    (cv6,) = [p for p in plan.points if p.code == "CV6"]
    for pid in ("hernia-or-lump", "belly-pain", "full-bladder"):
        text = next(c.text for c in atlas.get("CV6").precautions if c.id == pid)
        assert text in cv6.notes


def test_a_painless_pulsing_lump_is_see_a_doctor_soon_not_an_emergency() -> None:
    assert red_flags()["pulsing-lump"].urgency == "soon"
    intake = Intake(areas=["lower-back"], red_flags=["pulsing-lump"])
    assert build_plan(intake).urgency == "soon"
    seen = intake.model_copy(update={"seen_clinician": True})
    assert not build_plan(seen).blocked


NEW_FLAGS = {  # a new flag -> an intake for which it must be asked
    "arm-weakness": {"areas": ["neck"]},
    "sudden-worst-headache": {"areas": ["neck"]},
    "pulsing-lump": {"areas": ["lower-back"]},
    "pregnancy-ectopic": {"areas": ["neck"], "maybe_pregnant": True},
    "pregnancy-abruption": {"areas": ["lower-back"], "pregnant": True, "trimester": 3},
}


def test_every_new_flag_is_asked_when_relevant_and_blocks() -> None:
    for fid, body in NEW_FLAGS.items():
        intake = Intake.model_validate({**body, "red_flags": []})
        assert fid in [f.id for f in questions(intake)], fid
        plan = build_plan(intake.model_copy(update={"red_flags": [fid]}))
        assert plan.blocked and red_flags()[fid].advice in plan.advice
    not_pregnant = Intake(areas=["lower-back"], red_flags=[])
    asked = [f.id for f in questions(not_pregnant)]
    assert "pregnancy-ectopic" not in asked and "pregnancy-abruption" not in asked


def test_the_plan_carries_the_review_mark_in_translations_only() -> None:
    for language in LANGUAGES:
        with use(language):
            plan = build_plan(Intake(areas=["neck"], red_flags=[]))
            assert (plan.review is None) == (language == "en")
