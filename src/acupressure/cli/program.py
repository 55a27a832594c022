"""`acupressure program create|list|show|stop|rescreen|ics` and `acupressure today`.

Programs live in the one database the web app uses (the local user's, as `acupressure serve`
signs in), so a program started here shows on the web and the other way round.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.cells import set_cell_size

from acupressure.cli.common import (
    EXIT_BLOCKED,
    EXIT_NOT_FOUND,
    console,
    err_console,
    fail,
    print_json,
)
from acupressure.cli.options import intake_options
from acupressure.cli.views.plan import blocked_panel
from acupressure.cli.views.program import print_program, print_summary, print_today
from acupressure.cli.views.questions import ask_red_flags
from acupressure.i18n import gettext as _
from acupressure.plan import questions
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
from acupressure.program.words import SAFETY_ANSWER, STATUS, STOPPED_BY_YOU
from acupressure.safety import Intake, red_flags, screen

if TYPE_CHECKING:
    from acupressure.program import Program
    from acupressure.web.program_store import ProgramStore

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
    """The CLI's clock (tests replace it)."""
    return datetime.now(UTC)


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
        from acupressure.web.store import open_program_store
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
    try:
        times = [parse_time(t) for t in at] if at else None
        first = date.fromisoformat(start) if start else now().astimezone().date()
    except ValueError as exc:
        if "isoformat" in str(exc):
            fail(_("--start: {value!r} is not a date like 2026-03-02").format(value=start))
        fail(str(exc))
    try:
        made = design(intake, first, weeks, times, per_day, tz or local_zone())
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
    from acupressure.web.program_store import program_summary

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
) -> None:
    """Answer the safety questions again (asked here unless --red-flag or --no-red-flags
    gives the answers); a yes stops the program (exit 4)."""
    if red_flag and no_red_flags:
        fail(_("--no-red-flags and --red-flag contradict each other; give one of them"))
    s = store()
    program = pick(s, program_id)
    asked = questions(program.intake)
    yes = list(red_flag or []) if (red_flag or no_red_flags) else ask_red_flags(asked).raised
    unknown = [f for f in yes if f not in red_flags()]
    if unknown:
        fail(
            _("unknown red flag(s): {ids} (see `acupressure screen --list`)").format(
                ids=", ".join(unknown)
            )
        )
    result = rescreen(program.intake, yes)
    if result.stop:
        s.stop(program.id, now(), SAFETY_ANSWER, result.screening.advice)
        for line in result.screening.advice or [_("See a clinician before you go on.")]:
            console.print(line, markup=False, highlight=False)
        console.print(_("Program {id} is stopped.").format(id=program.id), highlight=False)
        raise typer.Exit(EXIT_BLOCKED)
    s.screened(program.id, week_of(program.schedule, now()) or program.screened_week)
    console.print(_("No red flag: carry on."), style="green", markup=False, highlight=False)


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
    from acupressure.web.installation import installation_id

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
