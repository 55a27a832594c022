"""What "My routine" prints is the plan, not the atlas as is (issue 23): the never-in-pregnancy
note on those points for everyone, and in pregnancy the side-lying steps, never face down."""

from __future__ import annotations

from html import escape

from acupressure import atlas
from acupressure.exports.handout import routine_html
from acupressure.plan import build_plan
from acupressure.safety import Intake

LINK = "https://example.org/session/1/"


def test_the_handout_carries_the_pregnancy_note_of_a_never_point() -> None:
    plan = build_plan(Intake(areas=["neck"], red_flags=[]))
    html = routine_html(plan, None, [], LINK, "a4")
    assert "LI4" in [p.code for p in plan.points]
    assert escape(atlas.get("LI4").pregnancy.note) in html


def test_in_pregnancy_the_handout_prints_the_side_lying_steps() -> None:
    intake = Intake(areas=["lower-back"], pregnant=True, trimester=2, helper=True, red_flags=[])
    html = routine_html(build_plan(intake), None, [], LINK, "a4")
    technique = atlas.get("BL23").technique
    assert technique.pregnancy_posture is not None
    for step in technique.pregnancy_posture.steps:
        assert escape(step) in html
    assert escape(technique.steps[0]) not in html  # "The person lies face down and relaxes."
    assert escape(technique.posture_note) not in html
