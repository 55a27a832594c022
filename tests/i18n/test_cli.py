"""Every command's output and help in Spanish and Chinese: nothing left in English, from
--lang or from the environment (LANG, LC_ALL, LANGUAGE)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from tests.i18n.english import english_left
from typer.testing import CliRunner

from acupressure import i18n
from acupressure.cli import app
from acupressure.safety import red_flags

runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # one line per table row, so phrases are not cut by the borders
LANGUAGES = ["es", "zh-Hans"]
NO = "n\n" * len(red_flags())
COMMANDS: list[tuple[list[str], str | None]] = [
    (["points"], None),
    (["point", "LI4"], None),
    (["point", "B47"], None),
    (["point", "XX99"], None),
    (["point", "BL47"], None),
    (
        [
            "plan",
            "--area",
            "neck",
            "--area",
            "lower-back",
            "--helper",
            "--no-red-flags",
            "--not-pregnant",
        ],
        None,
    ),
    (
        [
            "plan",
            "--area",
            "neck",
            "--condition",
            "bleeding-risk",
            "--no-red-flags",
            "--not-pregnant",
        ],
        None,
    ),
    (["plan", "--area", "lower-back", "--pregnant", "--no-red-flags", "--minutes", "1"], None),
    (["plan", "--area", "neck", "--not-pregnant", "--red-flag", "fever"], None),
    (["plan", "--area", "neck", "--not-pregnant", "--red-flag", "night-pain"], None),
    (["plan", "--area", "knee", "--no-red-flags", "--not-pregnant"], None),
    (["plan", "--area", "neck"], NO),
    (["screen", "--not-pregnant"], NO),
    (["screen", "--not-pregnant"], "y\n"),
    (["screen", "--list"], None),
    (["handout", "--area", "neck", "--no-red-flags", "--not-pregnant", "-o", "routine.txt"], None),
    (
        [
            "handout",
            "--area",
            "neck",
            "--no-red-flags",
            "--not-pregnant",
            "-o",
            "r.pdf",
            "--paper",
            "b5",
        ],
        None,
    ),
    (["handout", "--area", "neck", "--not-pregnant", "--red-flag", "fever", "-o", "r.pdf"], None),
    (["practitioner", "add", "a@example.org", "--name", "A", "--base-url", "ftp://x"], None),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("args", "answers"), COMMANDS, ids=lambda v: " ".join(v or []))
def test_command_output_has_no_english_left(
    language: i18n.Language, args: list[str], answers: str | None
) -> None:
    result = runner.invoke(app, ["--lang", language, *args], input=answers, env=WIDE)
    assert result.exit_code in (0, 2, 3, 4), result.output
    assert english_left(result.output, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_command_reports_in_the_language(language: i18n.Language, tmp_path: Path) -> None:
    done = runner.invoke(app, ["--lang", language, "chart", "LI4", "-o", str(tmp_path / "a.svg")])
    bad = runner.invoke(app, ["--lang", language, "chart", "LI4", "-o", str(tmp_path / "a.pdf")])
    assert done.exit_code == 0 and bad.exit_code == 2
    assert english_left(done.output + bad.output, language) == []
    assert ("escrito" if language == "es" else "已写入") in done.output


def test_lang_follows_the_environment_and_the_option_wins() -> None:
    spanish = runner.invoke(
        app, ["point", "LI4"], env={**WIDE, "LANGUAGE": "", "LANG": "es_ES.UTF-8"}
    )
    chinese = runner.invoke(
        app,
        ["point", "LI4"],
        env={**WIDE, "LANGUAGE": "", "LANG": "es_ES.UTF-8", "LC_ALL": "zh_CN.UTF-8"},
    )
    english = runner.invoke(
        app, ["--lang", "en", "point", "LI4"], env={**WIDE, "LANGUAGE": "", "LANG": "es_ES.UTF-8"}
    )
    assert "Valle de la Unión" in spanish.output
    assert "在手背" in chinese.output
    assert "Joining Valley" in english.output and "Valle de la" not in english.output


def test_an_unknown_language_is_exit_2_with_one_line() -> None:
    result = runner.invoke(app, ["--lang", "fr", "points"])
    assert result.exit_code == 2 and "'fr'" in result.output


def test_json_keeps_codes_and_numbers() -> None:
    english = runner.invoke(app, ["--lang", "en", "point", "BL23", "--json"]).output
    chinese = runner.invoke(app, ["--lang", "zh-Hans", "point", "BL23", "--json"]).output
    assert '"code": "BL23"' in chinese and '"cun": 1.5' in english and '"cun": 1.5' in chinese


HELP = [
    "",
    "points",
    "point",
    "chart",
    "plan",
    "screen",
    "session",
    "serve",
    "locate",
    "program",
    "program create",
    "program list",
    "program show",
    "program summary",
    "program stop",
    "program rescreen",
    "program ics",
    "today",
    "handout",
    "report",
    "practitioner",
    "practitioner add",
]
# Click's frame words (Typer's copy of Click writes them in English unless cli/help.py
# translates them); single words, so the phrase scan alone would not see them.
FRAME = ["Usage:", "Options:", "Commands:", "Arguments:", "Show this message and exit."]


def _run(language: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "acupressure", "--lang", language, *args]
    return subprocess.run(command, capture_output=True, text=True, env={"COLUMNS": "300"})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", HELP, ids=lambda c: c or "acupressure")
def test_every_command_help_is_translated(language: i18n.Language, command: str) -> None:
    """Through the real entry point: our help texts and Click's frame words."""
    run = _run(language, *command.split(), "--help")
    assert run.returncode == 0, run.stderr
    assert english_left(run.stdout, language) == [], command
    assert [w for w in FRAME if w in run.stdout] == [], command


def test_the_help_frame_is_english_in_english() -> None:
    run = _run("en", "program", "--help")
    assert "Usage:" in run.stdout and "Show this message and exit." in run.stdout


USAGE_ERRORS = [
    ["point", "LI4", "--bad"],
    ["plan", "--no-red-flags", "--not-pregnant"],
    ["program", "create", "--area", "neck", "--weeks", "x"],
    ["nosuch"],
    ["point", "LI4", "extra"],
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_translated(language: i18n.Language, args: list[str]) -> None:
    run = _run(language, *args)
    assert run.returncode == 2, run.stderr
    assert english_left(run.stderr, language) == []
    frame = ["Usage:", "Try '", "No such option", "Missing option", "Invalid value", "Got "]
    frame += ["Error:"] if language == "zh-Hans" else []  # "Error:" is Spanish too
    assert [w for w in frame if w in run.stderr] == [], run.stderr


def test_the_scan_finds_english_output() -> None:
    english = runner.invoke(app, ["--lang", "en", "point", "LI4"], env=WIDE).output
    assert len(english_left(english, "es")) > 10
    assert len(english_left(english, "zh-Hans")) > 10


def _columns(line: str) -> int:
    """The terminal columns a line takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("command", HELP, ids=lambda c: c or "acupressure")
def test_chinese_help_fits_a_terminal_of_60_columns(command: str) -> None:
    """Click measured a Chinese character as one column and broke lines only at spaces: the
    help ran to twice the terminal's width. No line starts with closing punctuation, and a
    section's heading ends with a full-width colon, as the usage line's does."""
    run = subprocess.run(
        [sys.executable, "-m", "acupressure", "--lang", "zh-Hans", *command.split(), "--help"],
        capture_output=True,
        text=True,
        env={"COLUMNS": "60"},
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(_columns(line) for line in lines) <= 60, run.stdout
    starts = [line.strip()[0] for line in lines if line.strip()]
    assert not [c for c in starts if c in "，。、：；？！"], run.stdout
    headings = [line for line in lines if line[:1].strip() and line.endswith((":", "："))]
    assert headings and all(line.endswith("：") for line in headings), headings  # 选项：
