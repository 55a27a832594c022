import pytest
from pydantic import ValidationError

from acupressure import atlas
from acupressure.safety import Intake, conditions, red_flags

EMERGENCY = {
    "bladder-bowel",
    "saddle-numbness",
    "progressive-weakness",
    "bilateral-sciatica",
    "fever",
    "major-trauma",
    "neck-vascular",
    "cord-signs",
    "chest-heart",
    "aortic-tear",
    "aortic-aneurysm",
    "pregnancy-early-labour",
    "pregnancy-bleeding",
    "pregnancy-fluid",
    "pregnancy-pre-eclampsia",
    "pregnancy-movements",
    "pregnancy-ectopic",
    "pregnancy-abruption",
    "arm-weakness",
    "sudden-worst-headache",
}
SOON = {
    "infection-risk",
    "minor-trauma-osteoporosis",
    "cancer-history",
    "weight-loss",
    "age-under-20-or-over-50",
    "steroids",
    "night-pain",
    "no-improvement-month",
    "inflammatory-pattern",
    "thoracic-unwell",
    "pulsing-lump",
}
CONDITIONS = {
    "weak-stomach",
    "bleeding-risk",
    "dvt",
    "varicose-veins",
    "osteoporosis",
    "spinal-injury",
    "recent-surgery",
    "fracture-arm",
    "fracture-leg",
    "fracture-shoulder",
    "fracture",
    "skin-lesion",
    "cancer",
    "pacemaker",
    "upper-neck-instability",
    "aortic-aneurysm",
    "reduced-feeling-feet",
}


def test_red_flags_have_the_required_ids_and_urgencies() -> None:
    flags = red_flags()
    assert {f for f, v in flags.items() if v.urgency == "emergency"} == EMERGENCY
    assert {f for f, v in flags.items() if v.urgency == "soon"} == SOON


def test_every_safety_item_cites_known_sources() -> None:
    known = atlas.sources().keys()
    items = [*red_flags().values(), *conditions().values()]
    for item in items:
        assert item.sources and set(item.sources) <= known, item.id


def test_conditions_have_the_required_ids_each_with_an_effect_or_warning() -> None:
    assert set(conditions()) == CONDITIONS
    for c in conditions().values():
        assert c.warning and c.effects, c.id


def test_unknown_condition_is_an_error_not_ignored() -> None:
    with pytest.raises(ValidationError, match="unknown condition"):
        Intake(red_flags=[], areas=["neck"], conditions=["gout"])


def test_unknown_red_flag_is_an_error() -> None:
    with pytest.raises(ValidationError, match="unknown red flag"):
        Intake(areas=["neck"], red_flags=["headache"])


def test_trimester_needs_pregnant() -> None:
    with pytest.raises(ValidationError, match="trimester"):
        Intake(red_flags=[], areas=["neck"], trimester=2)


def test_intake_needs_an_area() -> None:
    with pytest.raises(ValidationError):
        Intake(red_flags=[], areas=[])


def test_relevance_rules_name_what_makes_a_flag_relevant() -> None:
    flags = red_flags()
    for fid in ("aortic-aneurysm", "pulsing-lump"):
        when = flags[fid].asked_when
        assert when is not None and "CV6" in when.points
    for fid in ("chest-heart", "aortic-tear"):
        when = flags[fid].asked_when
        assert when is not None and "KI27" in when.points
        assert {"upper-back", "neck", "shoulders"} <= set(when.areas)
    pregnancy = [f for f in flags.values() if f.id.startswith("pregnancy-")]
    assert len(pregnancy) == 7
    for flag in pregnancy:
        assert flag.urgency == "emergency"
        assert flag.asked_when is not None and flag.asked_when.intake == ["pregnant"]
        assert not flag.asked_when.areas and not flag.asked_when.points


def test_soon_advice_never_says_weeks() -> None:
    for flag in red_flags().values():
        if flag.urgency == "soon":
            assert "weeks" not in flag.advice, flag.id
