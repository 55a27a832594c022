"""`acupressure program ...` and `acupressure today`: the same store as the web app."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from acupressure.cli import app
from acupressure.cli import program as program_cli
from acupressure.records.models import ProgramRecord

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)  # Wednesday noon, in week 1
MADE = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # programs are made the day before the start


class Clock:
    """The CLI's clock: ``create`` runs at MADE, every other command at NOW."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


CLOCK = Clock()


@pytest.fixture
def cli(db: None, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(program_cli, "now", CLOCK)
    return CliRunner()


def create(
    cli: CliRunner,
    *extra: str,
    screening: tuple[str, ...] = (
        "--no-red-flags",
        "--not-pregnant",
    ),
) -> Any:
    args = ["program", "create", "--area", "upper-back", "--start", "2026-03-02"]
    CLOCK.now = MADE
    try:
        return cli.invoke(app, [*args, *screening, "--tz", "Europe/London", *extra])
    finally:
        CLOCK.now = NOW


def test_create_list_show_today(cli: CliRunner) -> None:
    made = create(cli, "--weeks", "6", "--per-day", "1", "--at", "08:00")
    assert made.exit_code == 0, made.output
    row = ProgramRecord.objects.get()
    assert row.owner.username == getpass.getuser()
    assert row.points == ["LI4", "KI27", "GB21", "TE3"] and row.extra_points == ["KI27", "TE3"]
    listed = cli.invoke(app, ["program", "list"])
    assert f"{row.pk}  active" in listed.output
    shown = cli.invoke(app, ["program", "show"])
    assert "routine sessions at 08:00" in shown.output
    # Mon and Tue: 3 sessions each; Wed by noon: 08:00 and 11:00; none done yet
    assert "0 of 8 (0%)" in shown.output
    today = cli.invoke(app, ["today"])
    assert today.exit_code == 0
    assert "08:00" in today.output and "11:00" in today.output and "15:00" in today.output


def test_blocked_screening_makes_no_program(cli: CliRunner) -> None:
    result = create(cli, screening=("--not-pregnant", "--red-flag", "fever"))
    assert result.exit_code == 4
    assert not ProgramRecord.objects.exists()


def test_bad_schedule_is_exit_2(cli: CliRunner) -> None:
    result = create(cli, "--per-day", "2", "--at", "08:00")
    assert result.exit_code == 2
    assert "2 sessions a day but 1 time given" in result.output
    assert "--at: '8am' is not a time like 08:00" in create(cli, "--at", "8am").output
    made = create(cli, "--start", "2026-13-45")
    assert made.exit_code == 2 and "--start: '2026-13-45' is not a date" in made.output
    assert create(cli, "--at", "8am").exit_code == 2


def test_ics_file_and_stop(cli: CliRunner, tmp_path: Path) -> None:
    create(cli, "--at", "08:00", "--weeks", "2")
    out = tmp_path / "p.ics"
    assert cli.invoke(app, ["program", "ics", "-o", str(out)]).exit_code == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 14 * 3  # one routine and two short extra sessions a day
    assert cli.invoke(app, ["program", "stop"]).exit_code == 0
    assert cli.invoke(app, ["today"]).exit_code == 3
    assert cli.invoke(app, ["program", "show", "999"]).exit_code == 3


def test_rescreen_yes_stops_the_program(cli: CliRunner) -> None:
    create(cli, "--at", "08:00")
    result = cli.invoke(app, ["program", "rescreen", "--not-pregnant", "--red-flag", "fever"])
    assert result.exit_code == 4
    row = ProgramRecord.objects.get()
    assert row.stopped_at is not None and row.advice and row.calendar_token  # feed cancels


def test_summary_in_the_terminal(cli: CliRunner) -> None:
    from acupressure.records.program_store import ProgramStore

    create(cli, "--at", "08:00")
    row = ProgramRecord.objects.get()
    store = ProgramStore(row.owner_id)
    store.save_answers(row.pk, 0, "pain-week", {"pain": 6}, NOW)
    store.save_answers(row.pk, 1, "pain-week", {"pain": 4}, NOW)
    store.save_answers(row.pk, 1, "change", {"rating": 1}, NOW)
    result = cli.invoke(app, ["program", "summary"])
    assert result.exit_code == 0, result.output
    assert "4 (-2) *" in result.output and "0 of 8" in result.output
    assert f"/program/{row.pk}/check/" in result.output and "/ID/" not in result.output
    data = cli.invoke(app, ["program", "summary", "--json"]).output
    assert '"meaningful": true' in data


def test_rescreen_by_option(cli: CliRunner) -> None:
    create(cli, "--at", "08:00")
    assert (
        cli.invoke(app, ["program", "rescreen", "--no-red-flags", "--not-pregnant"]).exit_code == 0
    )
    bad = cli.invoke(app, ["program", "rescreen", "--not-pregnant", "--red-flag", "nonsense"])
    assert bad.exit_code == 2 and "unknown red flag" in bad.output
    both = cli.invoke(
        app, ["program", "rescreen", "--red-flag", "fever", "--no-red-flags", "--not-pregnant"]
    )
    assert both.exit_code == 2
    assert ProgramRecord.objects.get().stopped_at is None
    assert (
        cli.invoke(app, ["program", "rescreen", "--not-pregnant", "--red-flag", "fever"]).exit_code
        == 4
    )
    assert ProgramRecord.objects.get().stopped_at is not None


def test_rescreen_pregnancy_answers(cli: CliRunner) -> None:
    create(cli, "--at", "08:00")
    missing = cli.invoke(app, ["program", "rescreen", "--no-red-flags"])
    assert missing.exit_code == 2 and "--not-pregnant" in missing.output
    both = cli.invoke(
        app, ["program", "rescreen", "--no-red-flags", "--pregnant", "--not-pregnant"]
    )
    assert both.exit_code == 2
    assert ProgramRecord.objects.get().stopped_at is None
    pregnant = cli.invoke(app, ["program", "rescreen", "--no-red-flags", "--maybe-pregnant"])
    assert pregnant.exit_code == 4 and "make a new program" in pregnant.output
    row = ProgramRecord.objects.get()
    assert row.stopped_at is not None and row.stop_reason == "a new answer about pregnancy"


def test_a_pregnant_program_that_is_no_longer_goes_on_as_planned(cli: CliRunner) -> None:
    create(cli, "--at", "08:00", screening=("--no-red-flags", "--pregnant", "--trimester", "1"))
    same = cli.invoke(
        app, ["program", "rescreen", "--no-red-flags", "--pregnant", "--trimester", "1"]
    )
    assert same.exit_code == 0 and "carry on" in same.output
    later = cli.invoke(
        app, ["program", "rescreen", "--no-red-flags", "--pregnant", "--trimester", "2"]
    )
    assert later.exit_code == 4  # a new trimester: the routine is planned again
    create(cli, "--at", "08:00", screening=("--no-red-flags", "--pregnant"))
    after = cli.invoke(app, ["program", "rescreen", "--no-red-flags", "--not-pregnant"])
    assert after.exit_code == 0 and "as it was planned for pregnancy" in after.output


def test_today_start_with_no_step_done_saves_nothing(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupressure.cli import session

    create(cli, "--at", "08:00")
    cli.invoke(app, ["program", "rescreen", "--no-red-flags", "--not-pregnant"])
    # the person quits before the first step ends: the player loop returns at once
    monkeypatch.setattr(session, "run", lambda *args: None)
    result = cli.invoke(app, ["today", "--start"], input="\n\n\n")
    assert result.exit_code == 0, result.output
    assert "No step was done, so nothing was saved." in result.output
    assert "Saved" not in result.output
    from acupressure.records.program_store import ProgramStore

    row = ProgramRecord.objects.get()
    assert ProgramStore(row.owner_id).sessions(row.pk) == []
