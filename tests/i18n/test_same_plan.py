"""The language changes the words, never the decision: the same answers give the same
questions, the same blocks and the same routine (points, steps, timing, exclusions) in
English, Spanish and Chinese."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import examples, intakes

from acupressure import i18n
from acupressure.plan import build_plan, questions
from acupressure.safety import Intake, screen


def decision(intake: Intake) -> dict[str, Any]:
    """Everything in the plan and the screening except the words."""
    plan = build_plan(intake)
    screening = screen(intake)
    return {
        "questions": [f.id for f in questions(intake)],
        "blocked": (plan.blocked, plan.urgency, screening.blocked, screening.urgency),
        "flags": [(f.id, f.urgency, f.cleared, tuple(f.sources)) for f in plan.red_flags],
        "advice": len(plan.advice),
        "points": [
            (p.code, p.pressure, p.posture, p.performer, p.hold_seconds, p.repetitions, p.seconds)
            for p in plan.points
        ],
        "steps": [(s.kind, s.code, s.side, s.seconds, s.start) for s in plan.steps],
        "excluded": [(x.code, x.kind) for x in plan.excluded],
        "warnings": len(plan.warnings),
        "total": plan.total_seconds,
    }


@settings(max_examples=examples(150), deadline=None)
@given(intakes())
def test_every_language_gives_the_same_routine_and_blocks(intake: Intake) -> None:
    with i18n.use("en"):
        english = decision(intake)
    for language in ("es", "zh-Hans"):
        with i18n.use(language):
            assert decision(intake) == english, language


@settings(max_examples=examples(40), deadline=None)
@given(intakes(), st.integers(min_value=1, max_value=4))
def test_every_language_gives_the_same_program(intake: Intake, per_day: int) -> None:
    """The schedule (extra sessions for points pressed several times a day) is decided on
    the protocol as written, never on its translation."""
    from datetime import date

    from acupressure.program import ProgramError, design

    def made() -> Any:
        try:
            d = design(intake, date(2026, 3, 2), per_day=per_day)
        except ProgramError:
            return "refused"
        return (d.points, d.extra_points, d.schedule.model_dump())

    with i18n.use("en"):
        english = made()
    for language in ("es", "zh-Hans"):
        with i18n.use(language):
            assert made() == english, language


def test_the_words_do_change() -> None:
    intake = Intake(areas=["neck"], red_flags=[])
    cues = {}
    for language in i18n.LANGUAGES:
        with i18n.use(language):
            cues[language] = [s.cue for s in build_plan(intake).steps]
    assert len({tuple(c) for c in cues.values()}) == 3
