"""No routine without screening, on the command line: `plan` and `session` (no terminal here,
as in CliRunner) exit 2 unless --no-red-flags or --red-flag gives the answers, and
--pregnant, --maybe-pregnant or --not-pregnant the pregnancy answer."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from acupressure.atlas.models import AREAS
from acupressure.cli import app
from acupressure.plan import questions
from acupressure.safety import Intake, conditions, red_flags

runner = CliRunner()


@st.composite
def intake_args(draw: st.DrawFn) -> list[str]:
    args: list[str] = []
    for area in draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=4, unique=True)):
        args += ["--area", area]
    pregnancy = draw(st.sampled_from([["--not-pregnant"], ["--pregnant"], ["--maybe-pregnant"]]))
    args += pregnancy
    if pregnancy == ["--pregnant"]:
        args += draw(st.sampled_from([[], ["--trimester", "1"], ["--trimester", "3"]]))
    if draw(st.booleans()):
        args.append("--helper")
    for c in draw(st.lists(st.sampled_from(sorted(conditions())), max_size=2, unique=True)):
        args += ["--condition", c]
    if draw(st.booleans()):
        args += ["--minutes", str(draw(st.integers(1, 30)))]
    return args


def _intake(args: list[str], yes: list[str]) -> Intake:
    data: dict[str, object] = {"areas": [], "red_flags": yes, "conditions": []}
    i = 0
    while i < len(args):
        key = args[i]
        if key in ("--area", "--condition", "--trimester", "--minutes"):
            value = args[i + 1]
            i += 2
            if key == "--area":
                data["areas"].append(value)  # type: ignore[attr-defined]
            elif key == "--condition":
                data["conditions"].append(value)  # type: ignore[attr-defined]
            else:
                data[key[2:]] = int(value)
            continue
        if key != "--not-pregnant":
            data[key[2:].replace("-", "_")] = True
        i += 1
    return Intake.model_validate(data)


@settings(max_examples=60, deadline=None)
@given(args=intake_args(), command=st.sampled_from(["plan", "session"]))
def test_no_answers_and_no_terminal_is_exit_2_naming_both_options(
    args: list[str], command: str
) -> None:
    result = runner.invoke(app, [command, *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--no-red-flags" in result.stderr and "--red-flag" in result.stderr


@settings(max_examples=60, deadline=None)
@given(args=intake_args())
def test_no_to_all_records_every_relevant_question(args: list[str]) -> None:
    result = runner.invoke(app, ["plan", *args, "--json", "--no-red-flags"])
    data = json.loads(result.stdout)
    # exit 2 only when no point fits (a short --minutes, or conditions that leave none)
    assert result.exit_code == (0 if data["points"] else 2), result.output
    intake = _intake(args, [])
    assert data["screening"] == {"asked": [f.id for f in questions(intake)], "yes": []}


@settings(max_examples=60, deadline=None)
@given(args=intake_args(), flag=st.sampled_from(sorted(red_flags())))
def test_a_yes_answer_blocks_and_is_recorded(args: list[str], flag: str) -> None:
    result = runner.invoke(app, ["plan", *args, "--json", "--red-flag", flag])
    data = json.loads(result.stdout)
    assert result.exit_code == 4 and data["blocked"] and data["steps"] == []
    assert data["screening"]["yes"] == [flag] and flag in data["screening"]["asked"]


@settings(max_examples=30, deadline=None)
@given(
    command=st.sampled_from(["plan", "session", "handout"]),
    screening=st.sampled_from([["--no-red-flags"], ["--red-flag", "fever"]]),
)
def test_no_pregnancy_answer_and_no_terminal_is_exit_2_naming_the_options(
    command: str, screening: list[str]
) -> None:
    output = ["-o", "routine.pdf"] if command == "handout" else []
    result = runner.invoke(app, [command, "--area", "neck", *screening, *output])
    assert result.exit_code == 2 and result.stdout == ""
    for option in ("--pregnant", "--maybe-pregnant", "--not-pregnant"):
        assert option in result.stderr


def test_two_pregnancy_answers_are_a_contradiction() -> None:
    args = ["plan", "--area", "neck", "--no-red-flags", "--pregnant", "--not-pregnant"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--not-pregnant" in result.stderr


def test_both_options_together_are_a_contradiction() -> None:
    args = ["plan", "--area", "neck", "--no-red-flags", "--not-pregnant", "--red-flag", "fever"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "contradict" in result.stderr


def test_screen_list_prints_every_question_with_when_and_sources() -> None:
    result = runner.invoke(app, ["screen", "--list", "--json"])
    assert result.exit_code == 0
    listed = {f["id"]: f for f in json.loads(result.stdout)}
    assert set(listed) == set(red_flags())
    assert listed["aortic-aneurysm"]["asked_when"]["points"] == ["CV6"]
    assert listed["pregnancy-bleeding"]["asked"] == "pregnant or might be"
    assert listed["fever"]["asked"] == "always"
    for flag in listed.values():
        assert flag["urgency"] in ("emergency", "soon") and flag["sources"]
        assert all(s["citation"] for s in flag["sources"])
    table = runner.invoke(app, ["screen", "--list"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "chest-heart" in table.stdout


def test_screen_json_output_is_only_json() -> None:
    """Prompts go to stderr: stdout starts with the JSON, no prompt text or spaces."""
    everything = Intake(areas=list(AREAS), red_flags=[])
    from acupressure import atlas
    from acupressure.safety import relevant_flags

    asked = relevant_flags(everything, [p.code for p in atlas.all_points()])
    result = runner.invoke(app, ["screen", "--json", "--not-pregnant"], input="n\n" * len(asked))
    assert result.exit_code == 0
    assert result.stdout.startswith("{")
    assert json.loads(result.stdout)["blocked"] is False
