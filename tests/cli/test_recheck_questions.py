"""The weekly re-check asks with this week's answers, not the first ones: whatever the
program's first intake, every red flag relevant to its areas, its possible points and
this week's pregnancy answer is asked, and the pregnancy ones exactly when the person is
(or might be) pregnant now (property test)."""

from __future__ import annotations

from types import SimpleNamespace
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import intakes

from acupressure.cli import options
from acupressure.cli.program import this_week
from acupressure.cli.views.questions import Answers, Pregnancy
from acupressure.plan import possible_codes
from acupressure.safety import Intake, RedFlag, red_flags

TERMINAL = SimpleNamespace(isatty=lambda: True)
# the flags asked for pregnancy alone (not for an area or a point)
PREGNANCY_ONLY = [
    f.id
    for f in red_flags().values()
    if f.asked_when is not None
    and f.asked_when.intake
    and not (f.asked_when.areas or f.asked_when.points)
]


def asked_at_recheck(first: Intake, answer: Pregnancy) -> tuple[Intake, list[RedFlag]]:
    asked: list[RedFlag] = []

    def record(flags: list[RedFlag]) -> Answers:
        asked.extend(flags)
        return Answers()  # no to every question

    with (
        mock.patch.object(options.sys, "stdin", TERMINAL),
        mock.patch.object(options, "ask_pregnancy", lambda: answer),
        mock.patch.object(options, "ask_red_flags", record),
    ):
        base = this_week(first, None, False, False, None, answered=False)
        intake = options.screened_intake(base, False, False, None)
    return intake, asked


@settings(max_examples=120, deadline=None)
@given(
    first=intakes(),
    pregnant=st.booleans(),
    trimester=st.sampled_from([None, 1, 2, 3]),
)
def test_every_flag_relevant_this_week_is_asked(
    first: Intake, pregnant: bool, trimester: int | None
) -> None:
    answer = Pregnancy(pregnant=pregnant, trimester=trimester if pregnant else None)
    intake, asked = asked_at_recheck(first, answer)
    assert (intake.pregnant, intake.trimester) == (answer.pregnant, answer.trimester)
    assert intake.red_flags == []  # this week's answers only
    areas, codes = set(intake.areas), set(possible_codes(intake))
    answers = {"pregnant"} if pregnant else set()
    relevant = {f.id for f in red_flags().values() if f.relevant(areas, codes, answers)}
    assert {f.id for f in asked} == relevant
    asked_ids = {f.id for f in asked}
    assert PREGNANCY_ONLY and all((f in asked_ids) == pregnant for f in PREGNANCY_ONLY)
