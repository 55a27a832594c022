"""Properties of the planner over generated intakes."""

from hypothesis import given, settings
from tests.strategies import examples, intakes

from acupressure import atlas
from acupressure.plan import build_plan
from acupressure.safety import Intake, red_flags

POLICY = {p.code: p.pregnancy.policy for p in atlas.all_points()}
PERFORMER = {p.code: p.technique.performer for p in atlas.all_points()}


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_never_points_never_appear_in_pregnancy(intake: Intake) -> None:
    plan = build_plan(intake)
    if intake.pregnant:
        assert all(POLICY[p.code] != "never" for p in plan.points)
        assert all(POLICY[s.code] != "never" for s in plan.steps if s.code)
        if intake.trimester in (None, 1):
            assert all(POLICY[p.code] == "none" or POLICY[p.code] == "caution" for p in plan.points)


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_no_helper_only_point_without_a_helper(intake: Intake) -> None:
    plan = build_plan(intake)
    if not intake.helper:
        assert all(PERFORMER[p.code] != "helper" for p in plan.points)


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_any_red_flag_blocks_unless_cleared(intake: Intake) -> None:
    plan = build_plan(intake)
    flags = red_flags()
    emergency = any(flags[f].urgency == "emergency" for f in intake.red_flags)
    should_block = emergency or (bool(intake.red_flags) and not intake.seen_clinician)
    assert plan.blocked is should_block
    if plan.blocked:
        assert plan.points == [] and plan.steps == [] and plan.total_seconds == 0
        assert plan.urgency == ("emergency" if emergency else "soon")
        assert plan.advice


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_total_fits_budget_and_equals_the_sum_of_steps(intake: Intake) -> None:
    plan = build_plan(intake)
    assert plan.total_seconds == sum(s.seconds for s in plan.steps)
    if intake.minutes is not None:
        assert plan.total_seconds <= intake.minutes * 60
    start = 0
    for step in plan.steps:
        assert step.start == start and step.seconds > 0
        start += step.seconds


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_every_exclusion_has_a_reason_and_no_point_is_both_kept_and_excluded(
    intake: Intake,
) -> None:
    plan = build_plan(intake)
    assert all(e.reason.strip() for e in plan.excluded)
    kept = {p.code for p in plan.points}
    assert kept.isdisjoint(e.code for e in plan.excluded)


@settings(max_examples=examples(200), deadline=None)
@given(intakes())
def test_holds_are_never_cut_below_the_article_minimum(intake: Intake) -> None:
    plan = build_plan(intake)
    for p in plan.points:
        t = atlas.get(p.code).technique
        presses = [s for s in plan.steps if s.kind == "press" and s.code == p.code]
        assert all(s.seconds >= t.hold_seconds for s in presses)
        per_side = 2 if t.sides in ("alternate", "one-then-other") else 1
        assert len(presses) == t.repetitions * per_side


PRESSURE_RANK = {"gentle": 0, "moderate": 1, "firm": 2, "strong": 3}
CHEST = {"chest-heart", "aortic-tear"}
PREGNANCY_FLAGS = {f for f, v in red_flags().items() if v.asked_when and v.asked_when.intake}


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_no_pregnant_plan_presses_above_moderate_and_flagged_points_are_gentle(
    intake: Intake,
) -> None:
    plan = build_plan(intake)
    if intake.pregnant:
        assert all(PRESSURE_RANK[p.pressure] <= PRESSURE_RANK["moderate"] for p in plan.points)
        for p in plan.points:
            if POLICY[p.code] in ("caution", "not-first-trimester"):
                assert p.pressure == "gentle", p.code
        for step in plan.steps:
            if step.kind == "press":
                assert "firmly" not in step.cue and "strongly" not in step.cue


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_every_points_own_precautions_appear_on_it(intake: Intake) -> None:
    from acupressure.plan.select import GENERAL_PRECAUTIONS

    for p in build_plan(intake).points:
        for c in atlas.get(p.code).precautions:
            if c.id not in GENERAL_PRECAUTIONS:
                assert c.text in p.notes, (p.code, c.id)


@settings(max_examples=examples(300), deadline=None)
@given(intakes())
def test_chest_and_pregnancy_questions_are_asked_whenever_they_matter(intake: Intake) -> None:
    plan = build_plan(intake)
    asked = set(plan.screening.asked)
    chest_routine = bool(set(intake.areas) & {"upper-back", "neck", "shoulders"}) or any(
        p.code == "KI27" for p in plan.points
    )
    if chest_routine:
        assert asked >= CHEST
    if intake.pregnant:
        assert asked >= PREGNANCY_FLAGS
    else:
        assert not (PREGNANCY_FLAGS & asked) or set(intake.red_flags) & PREGNANCY_FLAGS
    if any(p.code == "CV6" for p in plan.points):
        assert "aortic-aneurysm" in asked
    # everything always asked is asked, and every yes is recorded
    assert {f for f, v in red_flags().items() if v.asked_when is None} <= asked
    assert plan.screening.yes == list(dict.fromkeys(intake.red_flags))


@settings(max_examples=examples(200), deadline=None)
@given(intakes())
def test_questions_cover_every_point_the_routine_could_hold(intake: Intake) -> None:
    """Relevance is judged before the budget: a bigger budget never needs a new question."""
    from acupressure.plan import questions

    asked = {f.id for f in questions(intake)}
    unlimited = Intake.model_validate({**intake.model_dump(), "minutes": None})
    for p in build_plan(unlimited).points:
        for flag in red_flags().values():
            if flag.asked_when and p.code in flag.asked_when.points:
                assert flag.id in asked
