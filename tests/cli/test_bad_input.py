"""Every command with nonsense input: the documented exit code and one clear line on stderr.

Exit 2 is bad input, 3 not found, 4 blocked for safety; never a traceback (exit 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from acupressure.cli import app

runner = CliRunner()
NO = "n\n"


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("error:", "Error:"))]


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["points", "--region", ""], 2, "--region"),
        (["points", "--region", "neck"], 2, "--region"),
        (["point", ""], 2, "empty point code"),
        (["point", "   "], 2, "empty point code"),
        (["point", "XX1"], 3, "no point matches"),
        (["point", "\udcff\udcfe"], 3, "no point matches"),  # non-UTF-8 bytes, as Python sees them
        (["point", "a" * 5000], 3, "no point matches"),
        (["chart", "XX1", "-o", "x.svg"], 3, "no point matches"),
        (["chart", "LI4", "-o", "x.gif"], 2, ".svg or .png"),
        (["chart", "LI4", "-o", ""], 2, ".svg or .png"),
        (["plan", "--area", ""], 2, "not an area here; choose lower-back, upper-back, neck"),
        (["plan", "--area", "\udcff"], 2, "--area"),
        (["plan", "--area", "knee"], 2, "--area knee: not an area here; choose lower-back"),
        (["plan", "--area", "neck", "--minutes", "0"], 2, "minutes"),
        (["plan", "--area", "neck", "--minutes", "-5"], 2, "minutes"),
        (["plan", "--area", "neck", "--minutes", "99999999999999999999999"], 2, "minutes"),
        (["plan", "--area", "neck", "--trimester", "2"], 2, "without pregnant"),
        (["plan", "--area", "neck", "--pregnant", "--trimester", "7"], 2, "1, 2 or 3"),
        (["plan", "--area", "neck", "--condition", "nope"], 2, "unknown condition"),
        (["plan", "--area", "neck", "--condition", ""], 2, "--condition"),
        (["plan", "--area", "neck", "--not-pregnant", "--red-flag", "nope"], 2, "unknown red flag"),
        (["session", "--area", "neck", "--minutes", "0"], 2, "minutes"),
        (["session", "--area", "neck", "--speed", "0"], 2, "--speed"),
        (["serve", "--port", "-1"], 2, "--port"),
        (["serve", "--port", "70000"], 2, "--port"),
        (["serve", "--workers", "0"], 2, "--workers"),
        (["locate", "no-such-photo.jpg"], 2, "error: no-such-photo.jpg is not a file"),
        (["locate", "."], 2, "not a file"),
        (["locate", "\udcff.jpg"], 2, "not a file"),
    ],
)
def test_bad_input_gets_its_exit_code_and_one_error_line(
    args: list[str], code: int, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == code, result.stderr
    errors = _error_lines(result.stderr)
    assert len(errors) == 1 and says in result.stderr, result.stderr


def test_chart_to_a_directory_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "out.svg").mkdir()
    result = runner.invoke(app, ["chart", "LI4", "-o", str(tmp_path / "out.svg")])
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_chart_into_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chart", "LI4", "-o", str(tmp_path / "no" / "x.svg")])
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_answers_that_run_out_are_exit_2_not_a_silent_no() -> None:
    result = runner.invoke(app, ["screen", "--not-pregnant"], input=NO * 3)
    assert result.exit_code == 2
    assert "safety question 4 was not answered" in result.stderr
    assert "Aborted" not in result.output


def test_a_session_without_a_terminal_needs_the_answers_as_options() -> None:
    result = runner.invoke(app, ["session", "--area", "neck"], input=NO * 30)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--no-red-flags" in result.stderr and "--red-flag" in result.stderr


def test_session_pain_with_a_superscript_digit_asks_again() -> None:
    answers = "²\n"  # "²".isdigit() is true; int("²") fails
    args = ["session", "--area", "neck", "--speed", "100", "--no-red-flags", "--not-pregnant"]
    result = runner.invoke(app, args, input=answers)
    assert not isinstance(result.exception, ValueError), result.exception
    assert "whole number from 0" in result.stderr


@pytest.mark.parametrize(
    ("output", "says"),
    [("x.gif", ".png file"), ("out.png/", "cannot write"), ("no/x.png", "cannot write")],
)
def test_locate_output_is_checked_before_the_photo(
    output: str, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("mediapipe")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.png").mkdir()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"")  # never read: the output is refused first
    result = runner.invoke(app, ["locate", str(photo), "-o", output])
    assert result.exit_code == 2 and says in result.stderr, result.stderr


def test_a_bare_enter_is_no_answer_to_a_safety_question() -> None:
    # Enter alone must ask again; here the next line says "y" to an emergency question.
    result = runner.invoke(app, ["screen", "--not-pregnant"], input="\ny\n")
    assert result.exit_code == 4
    assert "Please answer y or n" in result.stderr


def test_input_that_ends_before_the_start_stops_cleanly() -> None:
    args = ["session", "--area", "neck", "--no-red-flags", "--not-pregnant"]
    result = runner.invoke(app, args, input="5\n")
    assert result.exit_code == 0
    assert "Session not started" in result.stderr
    assert "Aborted" not in result.output


def test_pain_prompt_treats_ended_input_as_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from acupressure.cli.views.questions import ask_pain

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # the input has ended
    assert ask_pain("Pain now") is None
