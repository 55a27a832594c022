"""`acupressure plan` and `acupressure screen` through typer's CliRunner."""

import json

from typer.testing import CliRunner

from acupressure import atlas
from acupressure.cli import app
from acupressure.plan import plan_json, shortest_minutes
from acupressure.safety import Intake, relevant_flags

runner = CliRunner()
SCREEN_ALL = Intake(areas=["lower-back", "upper-back", "neck", "shoulders"], red_flags=[])
ASKED = relevant_flags(SCREEN_ALL, [p.code for p in atlas.all_points()])


def answered_json(stdout: str) -> dict:  # type: ignore[type-arg]
    """CliRunner echoes typed answers to stdout; the JSON follows them."""
    return json.loads(stdout[stdout.index("{") :])


def test_plan_json_is_plan_json_of_the_same_intake() -> None:
    args = ["plan", "--area", "neck", "--area", "shoulders", "--minutes", "5", "--json"]
    result = runner.invoke(app, [*args, "--no-red-flags", "--not-pregnant"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == plan_json(Intake(red_flags=[], areas=["neck", "shoulders"], minutes=5))
    assert data["screening"]["yes"] == [] and "chest-heart" in data["screening"]["asked"]
    assert data["blocked"] is False and data["urgency"] is None
    assert data["total_seconds"] == sum(s["seconds"] for s in data["steps"]) <= 300


def test_plan_options_reach_the_intake() -> None:
    args = [
        "plan",
        "--area",
        "lower-back",
        "--pregnant",
        "--trimester",
        "2",
        "--helper",
        "--condition",
        "varicose-veins",
        "--json",
        "--no-red-flags",
    ]
    data = json.loads(runner.invoke(app, args).stdout)
    excluded = {e["code"]: e["kind"] for e in data["excluded"]}
    assert excluded["CV6"] == "pregnancy" and excluded["BL40"] == "condition"
    assert "BL23" in {p["code"] for p in data["points"]}  # helper, second trimester


def test_red_flag_blocks_with_exit_4_and_json_advice() -> None:
    result = runner.invoke(
        app, ["plan", "--area", "neck", "--not-pregnant", "--red-flag", "cord-signs", "--json"]
    )
    assert result.exit_code == 4
    data = json.loads(result.stdout)
    assert data["blocked"] and data["urgency"] == "emergency" and data["steps"] == []
    assert data["red_flags"][0]["id"] == "cord-signs"


def test_soon_flag_is_cleared_by_seen_clinician() -> None:
    args = ["plan", "--area", "neck", "--not-pregnant", "--red-flag", "night-pain"]
    assert runner.invoke(app, [*args, "--json"]).exit_code == 4
    cleared = runner.invoke(app, [*args, "--seen-clinician", "--json"])
    assert cleared.exit_code == 0 and json.loads(cleared.stdout)["points"]


def test_bad_input_is_exit_2_with_one_line() -> None:
    for args in (
        ["plan", "--area", "knee"],
        ["plan", "--area", "neck", "--condition", "gout"],
        ["plan", "--area", "neck", "--not-pregnant", "--red-flag", "headache"],
        ["plan", "--area", "neck", "--trimester", "2"],
        ["plan", "--area", "neck", "--pregnant", "--trimester", "4"],
        ["plan", "--area", "neck", "--minutes", "0"],
        ["plan", "--no-red-flags", "--not-pregnant"],
        ["plan", "--area", "neck"],  # not screened, no terminal
        ["plan", "--area", "neck", "--no-red-flags", "--not-pregnant", "--red-flag", "fever"],
        ["plan", "--area", "neck", "--maybe-pregnant", "--trimester", "2", "--no-red-flags"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stdout == ""


def test_readable_plan_lists_points_and_what_was_left_out() -> None:
    args = ["plan", "--area", "upper-back", "--no-red-flags", "--not-pregnant"]
    result = runner.invoke(app, args, env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "KI27" in result.stdout and "Left out" in result.stdout and "helper" in result.stdout


def test_screen_all_no_is_clear() -> None:
    answers = "n\n" * len(ASKED)
    result = runner.invoke(app, ["screen", "--json", "--not-pregnant"], input=answers)
    assert result.exit_code == 0
    assert answered_json(result.stdout)["blocked"] is False


def test_screen_emergency_answer_blocks_at_once() -> None:
    result = runner.invoke(
        app, ["screen", "--json", "--not-pregnant"], input="y\n"
    )  # first question is an E
    assert result.exit_code == 4
    assert answered_json(result.stdout)["urgency"] == "emergency"


def test_screen_soon_answer_can_be_cleared_by_a_clinician() -> None:
    flags = ASKED
    first_soon = next(i for i, f in enumerate(flags) if f.urgency == "soon")
    before = "n\n" * first_soon
    after = "n\n" * (len(flags) - first_soon - 1)
    blocked = runner.invoke(
        app, ["screen", "--json", "--not-pregnant"], input=before + "y\nn\n" + after
    )
    assert blocked.exit_code == 4 and answered_json(blocked.stdout)["urgency"] == "soon"
    cleared = runner.invoke(
        app, ["screen", "--json", "--not-pregnant"], input=before + "y\ny\n" + after
    )
    assert cleared.exit_code == 0 and answered_json(cleared.stdout)["red_flags"][0]["cleared"]


def test_no_point_in_the_time_given_is_exit_2_with_the_minimum() -> None:
    args = ["plan", "--area", "neck", "--minutes", "1", "--no-red-flags", "--not-pregnant"]
    result = runner.invoke(app, args)
    need = shortest_minutes(Intake(areas=["neck"], red_flags=[]))
    assert need is not None and need > 1
    assert result.exit_code == 2
    assert f"--minutes 1: no point fits in that time; give at least {need} minutes" in result.stderr
    enough = runner.invoke(app, [*args[:4], str(need), *args[5:]])
    assert enough.exit_code == 0 and "Your routine" in enough.stdout


def test_screen_asks_pregnancy_first_and_then_the_pregnancy_questions() -> None:
    from acupressure.atlas.models import AREAS

    codes = [p.code for p in atlas.all_points()]
    asked = relevant_flags(Intake(areas=list(AREAS), pregnant=True, red_flags=[]), codes)
    pregnancy = [f for f in asked if f.asked_when is not None and f.asked_when.intake]
    assert pregnancy
    result = runner.invoke(app, ["screen"], input="y\n2\n" + "n\n" * len(asked))
    assert result.exit_code == 0, result.output
    first = result.stderr.index("Are you pregnant, might you be, or are you trying to conceive?")
    assert first < result.stderr.index("Safety questions")
    assert all(f.question in result.stderr for f in pregnancy)
