import itertools

from acupressure.plan import build_plan, plan_json
from acupressure.safety import Intake


def codes(intake: Intake) -> list[str]:
    return [p.code for p in build_plan(intake).points]


def test_helper_only_points_need_a_helper() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["lower-back", "upper-back"]))
    excluded = {e.code: e.kind for e in plan.excluded}
    for code in ("BL23", "BL52", "GV4", "GV14", "SI15"):
        assert excluded[code] == "helper"
    with_helper = codes(Intake(red_flags=[], areas=["lower-back", "upper-back"], helper=True))
    assert {"BL23", "BL52", "GV4", "GV14", "SI15"} <= set(with_helper)


def test_cv6_is_one_minute_twice_with_a_rest() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["lower-back"]))
    steps = [s for s in plan.steps if s.code == "CV6"]
    assert [(s.kind, s.seconds) for s in steps if s.kind in ("press", "rest")] == [
        ("press", 60),
        ("rest", 120),
        ("press", 60),
    ]
    assert all(s.side == "midline" for s in steps)


def test_bl60_alternates_sides_thirty_seconds_three_rounds() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["lower-back"]))
    presses = [s for s in plan.steps if s.code == "BL60" and s.kind == "press"]
    assert [s.side for s in presses] == ["left", "right"] * 3
    assert {s.seconds for s in presses} == {30}
    bl60 = next(p for p in plan.points if p.code == "BL60")
    assert bl60.sides == ["left", "right"] and bl60.side_order == "alternate"


def test_points_of_one_posture_are_together() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["lower-back", "neck"], helper=True))
    postures = [p.posture.replace("any", "seated") for p in plan.points]
    changes = sum(1 for a, b in itertools.pairwise(postures) if a != b)
    assert changes == len(set(postures)) - 1
    assert sum(1 for s in plan.steps if s.kind == "position") == len(set(postures))


def test_first_trimester_leaves_out_lumbar_points_and_later_is_gentle() -> None:
    first = build_plan(
        Intake(red_flags=[], areas=["lower-back"], helper=True, pregnant=True, trimester=1)
    )
    reasons = {e.code: e.reason for e in first.excluded}
    assert {"BL23", "BL52", "GV4", "CV6", "BL60"} <= reasons.keys()
    assert "first three months" in reasons["BL23"]
    unknown = build_plan(Intake(red_flags=[], areas=["lower-back"], helper=True, pregnant=True))
    assert "BL23" in {e.code for e in unknown.excluded}
    later = build_plan(
        Intake(red_flags=[], areas=["lower-back"], helper=True, pregnant=True, trimester=2)
    )
    bl23 = next(p for p in later.points if p.code == "BL23")
    assert bl23.pressure == "gentle" and any("Pregnancy" in n for n in bl23.notes)
    lr3 = next(p for p in later.points if p.code == "LR3")  # "caution"
    assert lr3.pressure == "gentle" and lr3.notes


def test_weak_stomach_presses_cv6_gently_with_the_palm() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["lower-back"], conditions=["weak-stomach"]))
    cv6 = next(p for p in plan.points if p.code == "CV6")
    assert cv6.pressure == "gentle" and "heel of the palm" in cv6.method


def test_conditions_exclude_or_soften_points() -> None:
    dvt = build_plan(Intake(red_flags=[], areas=["lower-back"], conditions=["dvt"]))
    assert {"BL40", "BL60", "LR3"} <= {e.code for e in dvt.excluded if e.kind == "condition"}
    veins = codes(Intake(red_flags=[], areas=["lower-back"], conditions=["varicose-veins"]))
    assert "BL40" not in veins and "BL60" in veins
    bleeding = build_plan(Intake(red_flags=[], areas=["neck"], conditions=["bleeding-risk"]))
    assert {p.pressure for p in bleeding.points} == {"gentle"}
    assert any("bleed" in w for w in bleeding.warnings)
    assert "KI27" not in codes(Intake(red_flags=[], areas=["upper-back"], conditions=["pacemaker"]))
    bones = build_plan(
        Intake(red_flags=[], areas=["neck"], helper=True, conditions=["osteoporosis"])
    )
    kept = {p.code: p.pressure for p in bones.points}
    assert "GV14" not in kept and kept["TE3"] == "strong"  # spine points left out
    assert "GV14" in {e.code for e in bones.excluded if e.kind == "condition"}


def test_budget_drops_lowest_priority_first_and_says_so() -> None:
    full = build_plan(Intake(red_flags=[], areas=["neck", "shoulders"]))
    short = build_plan(Intake(red_flags=[], areas=["neck", "shoulders"], minutes=5))
    assert short.total_seconds <= 300 < full.total_seconds
    dropped = [e for e in short.excluded if e.kind == "budget"]
    assert dropped and all("5 minutes" in e.reason for e in dropped)
    top = min(p.priority for p in full.points)
    assert top in {p.priority for p in short.points}


def test_a_budget_too_small_for_any_point_gives_an_empty_plan_with_a_warning() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["lower-back"], minutes=1))
    assert plan.points == [] and plan.total_seconds == 0
    assert any("No point fits" in w for w in plan.warnings)


def test_plan_json_has_the_documented_keys() -> None:
    data = plan_json(Intake(red_flags=[], areas=["neck"]))
    for key in (
        "blocked",
        "urgency",
        "advice",
        "red_flags",
        "points",
        "excluded",
        "steps",
        "total_seconds",
        "warnings",
    ):
        assert key in data
    assert {"code", "sides", "pressure", "notes"} <= data["points"][0].keys()
    assert {"kind", "code", "side", "seconds", "cue"} <= data["steps"][0].keys()
