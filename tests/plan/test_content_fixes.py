"""One test per content defect found in the safety review (issue 9): each would have failed
on the old text."""

from __future__ import annotations

import re

import pytest

from acupressure import atlas
from acupressure.atlas.labels import dose_text
from acupressure.body.measure import finger_measure
from acupressure.plan import build_plan
from acupressure.safety import Intake, conditions

CUN_TEXT = re.compile(r"(\d+(?:\.\d+)?) cun \(([^)]*(?:\([^)]*\))?[^)]*)\)")


def _texts(point: atlas.Point) -> list[str]:
    return [
        *point.location.how_to_find,
        *(e.note for e in point.errata),
        *(p.text for p in point.precautions),
        point.pregnancy.note,
    ]


def test_cun_to_finger_conversion_is_the_one_from_measure_everywhere() -> None:
    """KI27 once said 2 cun was "about three finger-widths"; measure.py says two thumbs."""
    seen = 0
    for point in atlas.all_points():
        for text in _texts(point):
            assert "three finger-widths" not in text, point.code
            for cun, words in CUN_TEXT.findall(text):
                assert words == finger_measure(float(cun)), (point.code, text)
                seen += 1
    assert seen >= 8
    ki27 = " ".join(atlas.get("KI27").location.how_to_find)
    assert "2 cun (two thumb-widths)" in ki27


@pytest.mark.parametrize("trimester", [None, 1, 2, 3])
def test_no_pregnancy_text_says_the_same_thing_twice(trimester: int | None) -> None:
    """'Never used in pregnancy. Never use in pregnancy; ...' was doubled."""
    intake = Intake(
        areas=["lower-back", "upper-back", "neck", "shoulders"],
        pregnant=True,
        trimester=trimester,
        helper=True,
        red_flags=[],
    )
    plan = build_plan(intake)
    texts = [e.reason for e in plan.excluded] + [n for p in plan.points for n in p.notes]
    for text in texts:
        sentences = [s.strip(" .;").lower() for s in re.split(r"[.;]", text) if s.strip()]
        starts = [" ".join(s.split()[:3]) for s in sentences]
        assert len(starts) == len(set(starts)), text


def test_the_article_is_cited_by_title_not_by_file_path() -> None:
    for source in atlas.sources().values():
        assert "shared/" not in source.citation and ".txt" not in source.citation, source.id
    assert "14 Acupressure Points to Relieve Lower and Upper Back Pain" in (
        atlas.sources()["article"].citation
    )


def test_when_time_is_the_reason_the_warning_says_what_the_shortest_routine_needs() -> None:
    plan = build_plan(Intake(areas=["lower-back"], red_flags=[], minutes=1))
    assert plan.points == []
    warning = plan.warnings[-1]
    match = re.search(r"needs (\d+) minutes?", warning)
    assert match, warning
    assert "see a clinician" not in warning
    need = int(match.group(1))
    assert build_plan(Intake(areas=["lower-back"], red_flags=[], minutes=need)).points
    assert not build_plan(Intake(areas=["lower-back"], red_flags=[], minutes=need - 1)).points


def test_dose_wording_has_no_rest_after_the_last_press_and_plain_words_for_one() -> None:
    assert dose_text(60, 1, 20) == "hold 60 s, once"
    assert dose_text(60, 3, 20) == "hold 60 s, 3 times, resting 20 s between presses"
    assert "time(s)" not in dose_text(60, 1, 0, 60, None)
    for point in atlas.all_points():  # and the timeline never rests after a point's last press
        plan = build_plan(Intake(areas=point.areas, helper=True, red_flags=[]))
        mine = [s for s in plan.steps if s.code == point.code]
        if mine:
            assert mine[-1].kind == "release", point.code


def test_osteoporosis_and_spinal_injury_leave_out_the_spine_points() -> None:
    spine = {"BL23", "BL52", "GV4", "GV14", "SI15", "BL10"}
    for condition in ("osteoporosis", "spinal-injury"):
        assert condition in conditions()
        plan = build_plan(
            Intake(areas=["lower-back", "neck"], helper=True, conditions=[condition], red_flags=[])
        )
        assert not spine & {p.code for p in plan.points}
        assert spine & {e.code for e in plan.excluded if e.kind == "condition"}


def test_bl40_keeps_its_own_precaution_in_every_plan() -> None:
    """It was dropped from every plan unless 'varicose veins' was ticked (which excludes it)."""
    text = next(c.text for c in atlas.get("BL40").precautions if c.id == "varicose-veins")
    for conds in ([], ["bleeding-risk"], ["dvt"]):
        plan = build_plan(Intake(areas=["lower-back"], helper=True, conditions=conds, red_flags=[]))
        bl40 = [p for p in plan.points if p.code == "BL40"]
        assert all(text in p.notes for p in bl40)
        assert bl40 or conds == ["dvt"]


def test_the_pregnancy_warning_says_exactly_what_the_plan_does() -> None:
    plan = build_plan(Intake(areas=["neck", "upper-back"], pregnant=True, red_flags=[]))
    warning = next(w for w in plan.warnings if "pregnant" in w)
    assert "no point is pressed harder than moderate" in warning
    assert {p.pressure for p in plan.points} <= {"gentle", "moderate"}
    te3 = next(p for p in plan.points if p.code == "TE3")
    assert te3.pressure == "moderate"  # "strong" outside pregnancy
