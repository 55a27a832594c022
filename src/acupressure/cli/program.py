"""`acupressure program create|list|show|stop|rescreen|ics` and `acupressure today`.

Programs live in the one database the web app uses (the local user's, as `acupressure serve`
signs in), so a program started here shows on the web and the other way round.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer
from rich.cells import set_cell_size

from acupressure.cli import common
from acupressure.cli.common import (
    EXIT_BLOCKED,
    EXIT_NOT_FOUND,
    console,
    err_console,
    fail,
    print_json,
)
from acupressure.cli.options import (
    MaybePregnantOpt,
    NotPregnantOpt,
    PregnantOpt,
    TrimesterOpt,
    intake_options,
    pregnancy_answered,
    screened_intake,
    validated_intake,
)
from acupressure.cli.views.plan import blocked_panel
from acupressure.cli.views.program import print_program, print_summary, print_today
from acupressure.i18n import gettext as _
from acupressure.program import (
    ProgramError,
    Today,
    adherence,
    design,
    plan_for_slot,
    report,
    rescreen,
    week_of,
)
from acupressure.program.schedule import parse_time
from acupressure.program.summary import pain_much_worse
from acupressure.program.words import PREGNANCY_CHANGED, SAFETY_ANSWER, STATUS, STOPPED_BY_YOU
from acupressure.safety import Intake, screen

if TYPE_CHECKING:
    from acupressure.program import Program
    from acupressure.records.program_store import ProgramStore

program_app = typer.Typer(
    help="Weeks of practice on a schedule: create, list, show, stop, re-screen, calendar.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
IdArg = Annotated[
    int | None,
    typer.Argument(metavar="[ID]", help="Program number; left out means the current one."),
]


def now() -> datetime:
    """The program commands' clock: the CLI's (tests replace either)."""
    return common.now()


def local_zone() -> str:
    """The machine's time zone name (TZ, else /etc/localtime), or UTC."""
    import os

    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        link = Path("/etc/localtime")
        if link.is_symlink():
            name = str(link.resolve()).split("zoneinfo/")[-1]
    return name or "UTC"


def refuse_if_blocked(intake: Intake) -> None:
    """A red flag answered yes: the advice, and exit 4 (no program, no handout)."""
    result = screen(intake)
    if result.blocked:
        console.print(blocked_panel(result.urgency, result.advice, result.red_flags))
        raise typer.Exit(EXIT_BLOCKED)


def store() -> ProgramStore:
    try:
        from acupressure.records.store import open_program_store
    except ImportError:  # pragma: no cover - the web extra is missing
        fail(_("programs are kept in the diary database: install acupressure[web]"))
    return open_program_store()


def pick(store_: ProgramStore, pk: int | None) -> Program:
    found = store_.get(pk) if pk is not None else store_.current(now())
    if found is None:
        what = _("no program {id}").format(id=pk) if pk is not None else _("no running program")
        fail(_("{what} (see `acupressure program list`)").format(what=what), EXIT_NOT_FOUND)
    return found


@program_app.command("create")
@intake_options
def create(
    intake: Intake,
    weeks: Annotated[
        int, typer.Option(min=1, max=52, metavar="N", help="How many weeks (1-52).")
    ] = 6,
    per_day: Annotated[
        int | None,
        typer.Option(min=1, max=4, metavar="N", help="Routine sessions a day, 1-4 (default 1)."),
    ] = None,
    at: Annotated[
        list[str] | None,
        typer.Option(
            "--at", metavar="HH:MM", help="A session time, repeatable.", show_default=False
        ),
    ] = None,
    start: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="First day (default today).")
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz", metavar="ZONE", help="Time zone, e.g. Europe/London (default this machine's)."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Screen, plan the routine and schedule it for weeks.

    The safety questions that matter for the routine are asked, unless --no-red-flags or
    --red-flag gives the answers (needed without a terminal: exit 2).
    Points whose protocol says "several times a day" (KI27, TE3, BL10) get short extra
    sessions. Exits 4 when a red flag blocks self-care.
    """
    refuse_if_blocked(intake)
    times = _times(at)
    zone = _zone(tz or local_zone())
    first = _first_day(start) if start else now().astimezone(zone).date()
    try:
        made = design(intake, first, weeks, times, per_day, zone.key)
    except ProgramError as exc:
        fail(str(exc))
    program = store().create(made, now())
    if as_json:
        print_json(program.model_dump(mode="json"))
    else:
        print_program(console, program, [], now())
    err_console.print(
        _("Program {id} saved. Calendar: {command}").format(
            id=program.id, command="acupressure program ics -o program.ics"
        ),
        highlight=False,
    )


def _times(at: list[str] | None) -> list[time] | None:
    try:
        return [parse_time(t) for t in at] if at else None
    except ValueError as exc:
        fail(f"--at: {exc}")


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        fail(
            "--tz: "
            + _("unknown time zone {value!r} (use a name like Europe/London)").format(value=name)
        )


def _first_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(_("--start: {value!r} is not a date like 2026-03-02").format(value=text))


@program_app.command("list")
def list_programs(as_json: JsonOpt = False) -> None:
    """Your programs, newest first."""
    programs = store().all()
    if as_json:
        print_json([p.model_dump(mode="json") for p in programs])
        return
    if not programs:
        err_console.print(
            _("No program yet: {command}").format(command="acupressure program create --area AREA"),
            highlight=False,
        )
    for p in programs:
        console.print(
            f"{p.id}  {set_cell_size(STATUS[p.status(now())], 8)}  "
            + _("from {start}  {weeks} weeks").format(
                start=p.schedule.start, weeks=p.schedule.weeks
            )
            + f"  {', '.join(p.points)}",
            highlight=False,
            markup=False,
        )


@program_app.command("show")
def show(program_id: IdArg = None, as_json: JsonOpt = False) -> None:
    """The schedule and adherence week by week (sessions done of due, seconds pressed)."""
    s = store()
    program = pick(s, program_id)
    weeks = adherence(program, s.sessions(program.id), now())
    if as_json:
        print_json({
            "program": program.model_dump(mode="json"),
            "adherence": [w.model_dump(mode="json") for w in weeks],
        })  # fmt: skip
        return
    print_program(console, program, weeks, now())


@program_app.command("summary")
def summary_command(program_id: IdArg = None, as_json: JsonOpt = False) -> None:
    """Weekly summary: pain, activities and change against the start, with meaningful
    change marked (*) and adherence beside it."""
    s = store()  # sets up Django before the store's models are imported
    from acupressure.records.program_store import program_summary

    program = pick(s, program_id)
    found = program_summary(s, program, now())
    if as_json:
        print_json(found.model_dump(mode="json"))
        return
    print_summary(console, program, found)


@program_app.command("stop")
def stop(program_id: IdArg = None) -> None:
    """Stop a program (its calendar feed cancels the sessions left)."""
    s = store()
    program = pick(s, program_id)
    if not s.stop(program.id, now(), STOPPED_BY_YOU):
        fail(_("program {id} was already stopped").format(id=program.id))
    err_console.print(_("Program {id} stopped.").format(id=program.id), highlight=False)


@program_app.command("rescreen")
def rescreen_command(
    program_id: IdArg = None,
    red_flag: Annotated[
        list[str] | None,
        typer.Option(
            "--red-flag",
            metavar="ID",
            help="A safety question you answer yes to this week; repeatable.",
            show_default=False,
        ),
    ] = None,
    no_red_flags: Annotated[
        bool, typer.Option("--no-red-flags", help="I answer no to every safety question.")
    ] = False,
    pregnant: PregnantOpt = False,
    maybe_pregnant: MaybePregnantOpt = False,
    not_pregnant: NotPregnantOpt = False,
    trimester: TrimesterOpt = None,
) -> None:
    """The weekly re-check: pregnancy first, then the safety questions, asked here unless
    the options give the answers (needed without a terminal: exit 2). A yes, or a new or
    changed pregnancy (the routine must be planned again), stops the program (exit 4)."""
    answered = pregnancy_answered(pregnant, maybe_pregnant, not_pregnant)
    s = store()
    program = pick(s, program_id)
    base = this_week(program.intake, red_flag, pregnant, maybe_pregnant, trimester, answered)
    intake = screened_intake(base, answered, no_red_flags, red_flag)
    result = rescreen(intake, intake.red_flags)
    if result.stop:
        _stop(s, program, SAFETY_ANSWER, result.screening.advice)
    if _pregnancy(intake) != _pregnancy(program.intake) and intake.pregnant:
        _stop(s, program, PREGNANCY_CHANGED, [_new_routine(program)])
    s.screened(program.id, week_of(program.schedule, now()) or program.screened_week)
    console.print(_("No red flag: carry on."), style="green", markup=False, highlight=False)
    if program.intake.pregnant and not intake.pregnant:
        console.print(
            _("Your routine stays as it was planned for pregnancy. {advice}").format(
                advice=_new_routine(program)
            ),
            markup=False,
            highlight=False,
        )


def this_week(
    first: Intake,
    red_flag: list[str] | None,
    pregnant: bool,
    maybe_pregnant: bool,
    trimester: int | None,
    answered: bool,
) -> Intake:
    """The program's intake with this week's options: the yes answers (only those), and the
    pregnancy answer when an option gives it; bad input is exit 2 with one line."""
    data = first.model_dump()
    data.update(red_flags=list(red_flag or []), seen_clinician=False)
    if answered:
        data.update(pregnant=pregnant, maybe_pregnant=maybe_pregnant, trimester=trimester)
    elif trimester is not None:
        fail(_("--trimester goes with --pregnant"))
    return validated_intake(data)


def _pregnancy(intake: Intake) -> tuple[bool, int | None]:
    return intake.pregnant, intake.trimester


def _new_routine(program: Program) -> str:
    if program.prescription is not None:
        return _("Ask your practitioner for a routine planned for your answers.")
    return _("For a routine planned for your answers, make a new program: {command}").format(
        command="acupressure program create --area AREA"
    )


def _stop(s: ProgramStore, program: Program, reason: str, advice: list[str]) -> NoReturn:
    """Stop the program for this week's answers, say why, and exit 4."""
    s.stop(program.id, now(), reason, advice)  # the calendar feed cancels what is left
    for line in advice or [_("See a clinician before you go on.")]:
        console.print(line, markup=False, highlight=False)
    console.print(_("Program {id} is stopped.").format(id=program.id), highlight=False)
    raise typer.Exit(EXIT_BLOCKED)


@program_app.command("ics")
def ics(
    program_id: IdArg = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The .ics file to write.")] = Path(
        "program.ics"
    ),
) -> None:
    """Write the program's sessions as a calendar file (one event and alarm per session)."""
    from acupressure.exports.calendar import program_calendar

    program = pick(store(), program_id)  # sets up Django before its models are imported
    from acupressure.records.installation import installation_id

    if output.suffix.lower() != ".ics":
        fail(_("{path}: the calendar file must end in .ics").format(path=output))
    try:
        output.write_bytes(program_calendar(program, None, installation_id()))
    except OSError as exc:
        fail(f"{output}: {exc.strerror}")
    err_console.print(_("Wrote {path}").format(path=output), highlight=False)


def today_command(
    start: Annotated[
        bool, typer.Option("--start", help="Run the next session now, in the terminal.")
    ] = False,
    speed: Annotated[
        float,
        typer.Option(min=1.0, max=100.0, help="Play N times faster: for demos and tests only."),
    ] = 1.0,
    as_json: JsonOpt = False,
) -> None:
    """What is due today in your program, what is done, and adherence this week.

    With --start, runs the next session (the routine, or a short extra one) and keeps it in
    the program; exits 4 when the week's safety questions are still to be answered.
    """
    s = store()
    program = s.current(now())
    if program is None:
        fail(
            _("no running program ({command})").format(
                command="acupressure program create --area AREA"
            ),
            EXIT_NOT_FOUND,
        )
    found = report(program, s.sessions(program.id), now())
    if as_json:
        print_json(found.model_dump(mode="json"))
        return
    day = found.today
    print_today(console, program, day, found.adherence)
    if start:
        _start_next(s, program, day, speed)


def _start_next(s: ProgramStore, program: Program, day: Today, speed: float) -> None:
    from acupressure.cli.session import guide

    if day.rescreen_due:
        fail(
            _("answer the safety questions first: {command}").format(
                command="acupressure program rescreen"
            ),
            EXIT_BLOCKED,
        )
    kind = day.next_kind or "routine"
    plan = plan_for_slot(program.intake, kind, program.extra_points, program.prescription)
    if plan.blocked or not plan.steps:
        fail(
            _("this program gives no routine today; see {command}").format(
                command="acupressure program show"
            )
        )
    console.print(
        _("Next: your routine") if kind == "routine" else _("Next: a short extra session"),
        highlight=False,
    )
    record = guide(plan, voice=False, speed=speed)
    if record is None:
        return
    s.add_session(
        program.id,
        kind,
        record.started_at,
        record.ended_at,
        plan.model_dump(mode="json"),
        source="terminal",
        areas=list(program.intake.unique_areas()),
        intake=program.intake.model_dump(mode="json"),
        pain_before=record.pain_before,
        pain_after=record.pain_after,
        completed_steps=record.steps_completed,
        total_steps=len(plan.steps),
        seconds_pressed=record.seconds_pressed,
    )
    err_console.print(
        _("Saved to program {id} (see {command}).").format(
            id=program.id, command="acupressure today"
        ),
        highlight=False,
    )
    if pain_much_worse(record.pain_before, record.pain_after):
        s.request_rescreen(program.id)
        err_console.print(
            _("Your pain is much worse: {command} before the next.").format(
                command="acupressure program rescreen"
            ),
            highlight=False,
        )
