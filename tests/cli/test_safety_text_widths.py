"""Nothing safety-related is ever cut in the terminal: in every language, at 60, 80 and 120
columns, every caution, pregnancy note, left-out reason, warning, advice and question is in
the output in full. Expected text comes from the package's data (the atlas, the red flags)
and from the planner's own result, never from a copy here. Line folds, table borders and
indentation are taken out before comparing; an ellipsis would break the match."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from tests.doubles import FakeClock
from typer.testing import CliRunner

from acupressure import atlas, i18n
from acupressure.cli import app
from acupressure.cli.views.screen import URGENCY
from acupressure.cli.views.session import render
from acupressure.plan import Plan, build_plan
from acupressure.safety import Intake, red_flags, reviewer
from acupressure.session import Player

runner = CliRunner()
LANGUAGES = ["en", "es", "zh-Hans"]
WIDTHS = [60, 80, 120]
BORDERS = re.compile(r"[\s│┃┏┓┗┛━─┡┩╇┳┻╋┣┫└┘├┤┬┴┼╭╮╰╯]")
# (options, the intake they mean): helper, pregnancy, a condition, a time budget
ROUTINES = [
    (["--area", "neck", "--not-pregnant"], Intake(areas=["neck"], red_flags=[])),
    (
        [
            "--area",
            "lower-back",
            "--area",
            "upper-back",
            "--helper",
            "--pregnant",
            "--trimester",
            "2",
        ],
        Intake(
            areas=["lower-back", "upper-back"],
            helper=True,
            pregnant=True,
            trimester=2,
            red_flags=[],
        ),
    ),
    (
        [
            "--area",
            "shoulders",
            "--area",
            "neck",
            "--maybe-pregnant",
            "--condition",
            "bleeding-risk",
        ],
        Intake(
            areas=["shoulders", "neck"],
            maybe_pregnant=True,
            conditions=["bleeding-risk"],
            red_flags=[],
        ),
    ),
    (
        ["--area", "upper-back", "--not-pregnant", "--minutes", "3"],
        Intake(areas=["upper-back"], minutes=3, red_flags=[]),
    ),
]


def flat(text: str) -> str:
    return BORDERS.sub("", text)


def missing(output: str, expected: list[str]) -> list[str]:
    """The expected texts that are not in the output in full."""
    have = flat(output)
    return [t for t in expected if flat(t) not in have]


def invoke(language: str, width: int, args: list[str], stdin: str | None = None) -> str:
    result = runner.invoke(
        app, ["--lang", language, *args], input=stdin, env={"COLUMNS": str(width)}
    )
    assert result.exit_code in (0, 4), result.output
    assert "…" not in result.output
    return result.output


def plan_texts(plan: Plan) -> list[str]:
    """What a person must read in full: each point's notes, why points were left out, the
    warnings, and any advice."""
    texts = [note for p in plan.points for note in p.notes]
    texts += [e.reason for e in plan.excluded] + list(plan.warnings) + list(plan.advice)
    return texts


def planned(language: str, intake: Intake) -> Plan:
    with i18n.use(language):  # type: ignore[arg-type]
        return build_plan(intake)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_plan_prints_every_note_warning_and_reason_in_full(language: str, width: int) -> None:
    for args, intake in ROUTINES:
        plan = planned(language, intake)
        assert plan.points and plan_texts(plan)
        output = invoke(language, width, ["plan", *args, "--no-red-flags"])
        assert missing(output, plan_texts(plan)) == [], args


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blocked_plan_prints_its_advice_and_questions_in_full(language: str, width: int) -> None:
    yes = ["fever", "night-pain"]
    plan = planned(language, Intake(areas=["neck"], red_flags=yes))
    assert plan.blocked and plan.advice
    output = invoke(
        language,
        width,
        ["plan", "--area", "neck", "--not-pregnant", *[a for f in yes for a in ("--red-flag", f)]],
    )
    assert missing(output, [*plan.advice, *[f.question for f in plan.red_flags]]) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_point_cards_print_every_caution_and_step_in_full(language: str, width: int) -> None:
    for code in [p.code for p in atlas.all_points()]:
        output = invoke(language, width, ["point", code])
        with i18n.use(language):  # type: ignore[arg-type]
            p = atlas.get(code)
            expected = [p.pregnancy.note, *(c.text for c in p.precautions)]
            expected += [*p.location.how_to_find, *p.technique.steps]
        assert missing(output, expected) == [], code


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_screen_list_prints_every_question_in_full_in_the_language(
    language: str, width: int
) -> None:
    output = invoke(language, width, ["screen", "--list"])
    with i18n.use(language):  # type: ignore[arg-type]
        flags = list(red_flags().values())
        words = [URGENCY["emergency"], URGENCY["soon"], i18n.gettext("always")]
        mark = i18n.review_mark(reviewer("red_flags"))
    assert missing(output, [f.question for f in flags]) == []
    assert missing(output, words) == []
    if language != "en":
        assert mark and flat(mark) in flat(output)
        for english in ("Urgency", "Question", "always", "emergency:"):
            assert english not in output


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_screen_asks_every_question_in_full(language: str, width: int) -> None:
    output = invoke(language, width, ["screen", "--pregnant"], stdin="n\n" * len(red_flags()))
    with i18n.use(language):  # type: ignore[arg-type]
        questions = [f.question for f in red_flags().values()]
    assert missing(output, questions) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_session_shows_the_routine_and_each_point_s_notes_in_full(
    language: str, width: int
) -> None:
    args, intake = ROUTINES[1]
    plan = planned(language, intake)
    # the session prints the routine, asks the pain, and stops when the input ends
    output = invoke(language, width, ["session", *args, "--no-red-flags"], stdin="\n")
    assert missing(output, plan_texts(plan)) == []
    console = Console(width=width, record=True, file=io.StringIO())
    player = Player(plan.steps, FakeClock())
    player.start()
    with i18n.use(language):  # type: ignore[arg-type]
        while player.current() is not None:
            step = player.current()
            console.print(render(player, plan))
            shown = console.export_text()
            if step is not None and step.kind == "find" and step.code is not None:
                point = next(p for p in plan.points if p.code == step.code)
                assert missing(shown, [*point.how_to_find, *point.notes]) == [], step.code
            player.skip()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_handout_shows_the_routine_it_writes_in_full(
    language: str, width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupressure.exports import handout

    # the terminal's summary is tested here; the PDF itself in tests/web/test_handouts.py
    monkeypatch.setattr(handout, "routine_pdf", lambda *args: b"%PDF-1.7 not drawn here")
    args, intake = ROUTINES[1]
    plan = planned(language, intake)
    out = tmp_path / "routine.pdf"
    output = invoke(language, width, ["handout", *args, "--no-red-flags", "-o", str(out)])
    assert out.read_bytes().startswith(b"%PDF")
    assert missing(output, plan_texts(plan)) == []
