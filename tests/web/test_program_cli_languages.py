"""`acupressure program ...`, `today` and `report` in Spanish and Chinese: every line of
output and every error scanned for English left (tests/i18n/english.py); the calendar file
and the progress PDF the commands write are scanned too."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from tests.i18n.english import english_left
from typer.testing import CliRunner

from acupressure import i18n
from acupressure.cli import app
from acupressure.cli import program as program_cli
from acupressure.records.models import ProgramRecord
from acupressure.records.program_store import ProgramStore

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)  # Wednesday noon, in week 1
MADE = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
WIDE = {"COLUMNS": "400"}
LANGUAGES: list[i18n.Language] = ["es", "zh-Hans"]
# Short English words of these views that the phrase scan (two words or more) cannot see.
WORDS = re.compile(
    r"\b(Program|Today|Adherence|Week|week|weeks|routine|active|stopped|due|later|missed|"
    r"done|start|from|of|points|saved|Wrote)\b"
)


def english_words(text: str) -> list[str]:
    """The views' short English words, outside the commands people type back."""
    text = re.sub(r"acupressure [a-z -]+|/\S+|--[a-z-]+", "", text)  # commands, paths, options
    return sorted(set(WORDS.findall(text)))


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(db: None, monkeypatch: pytest.MonkeyPatch) -> Clock:
    found = Clock()
    monkeypatch.setattr(program_cli, "now", found)
    return found


def invoke(language: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", language, *args], env=WIDE)
    return result.exit_code, result.output


def create(language: str, clock: Clock, *extra: str) -> tuple[int, str]:
    clock.now = MADE
    try:
        args = ["program", "create", "--area", "upper-back", "--start", "2026-03-02"]
        return invoke(language, *args, "--tz", "Europe/London", *extra)
    finally:
        clock.now = NOW


@pytest.mark.parametrize("language", LANGUAGES)
def test_program_commands_have_no_english_left(
    language: i18n.Language, clock: Clock, tmp_path: Path
) -> None:
    outputs = [create(language, clock, "--no-red-flags", "--not-pregnant", "--at", "08:00")]
    row = ProgramRecord.objects.get()
    store = ProgramStore(row.owner_id)
    store.save_answers(row.pk, 0, "pain-week", {"pain": 6}, NOW)
    store.save_answers(row.pk, 0, "activities", {"activity-1": {"name": "x", "rating": 4}}, NOW)
    store.save_answers(row.pk, 1, "pain-week", {"pain": 4}, NOW)
    store.save_answers(row.pk, 1, "change", {"rating": 1}, NOW)
    ics, pdf = tmp_path / "p.ics", tmp_path / "progress.pdf"
    for args in (
        ["program", "list"],
        ["program", "show"],
        ["program", "summary"],
        ["today"],
        ["program", "rescreen", "--no-red-flags", "--not-pregnant"],
        ["program", "ics", "-o", str(ics)],
        ["report", "-o", str(pdf)],
        ["program", "ics", "-o", str(tmp_path / "p.txt")],
        ["program", "show", "999"],
        ["program", "rescreen", "--not-pregnant", "--red-flag", "nonsense"],
        ["program", "rescreen", "--red-flag", "fever", "--no-red-flags", "--not-pregnant"],
        ["program", "rescreen", "--not-pregnant", "--red-flag", "fever"],  # stops it
        ["program", "show", str(row.pk)],
        ["program", "stop", str(row.pk)],  # already stopped
        ["today"],
    ):
        outputs.append(invoke(language, *args))
    assert [code for code, _ in outputs] == [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 2, 2, 4, 0, 2, 3]
    text = "\n".join(out for _, out in outputs)
    assert english_left(text, language) == []
    assert english_words(text) == [], [line for line in text.splitlines() if english_words(line)]
    feed = Calendar.from_ical(ics.read_bytes())
    words = [str(e["summary"]) for e in feed.walk("VEVENT")]
    assert english_left("\n".join(words), language) == []
    report = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    assert english_left(report.stdout, language) == []
    assert {"es": "Mi progreso", "zh-Hans": "我的进展"}[language] in report.stdout


@pytest.mark.parametrize("language", LANGUAGES)
def test_refused_programs_say_why_in_the_language(language: i18n.Language, clock: Clock) -> None:
    outputs = [
        create(
            language, clock, "--no-red-flags", "--not-pregnant", "--per-day", "2", "--at", "08:00"
        ),
        create(language, clock, "--no-red-flags", "--not-pregnant", "--at", "8am"),
        create(language, clock, "--no-red-flags", "--not-pregnant", "--start", "soon"),
        create(language, clock, "--no-red-flags", "--not-pregnant", "--tz", "Mars/Olympus"),
        create(language, clock, "--not-pregnant", "--red-flag", "fever"),
        invoke(language, "today"),
        invoke(language, "program", "list"),
        invoke(language, "report", "-o", "x.pdf"),
    ]
    assert [code for code, _ in outputs] == [2, 2, 2, 2, 4, 3, 0, 3]
    text = "\n".join(out for _, out in outputs)
    assert english_left(text, language) == []
    assert english_words(text) == [], [line for line in text.splitlines() if english_words(line)]
    assert not ProgramRecord.objects.exists()


def test_the_scan_finds_english_program_output(clock: Clock) -> None:
    create("en", clock, "--no-red-flags", "--not-pregnant", "--at", "08:00")
    _, shown = invoke("en", "program", "show")
    _, today = invoke("en", "today")
    assert len(english_left(shown + today, "es")) >= 4
    assert len(english_left(shown + today, "zh-Hans")) >= 4
    assert len(english_words(shown + today)) >= 10
