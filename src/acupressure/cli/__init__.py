"""The `acupressure` command. Each feature registers its commands from its own module."""

from __future__ import annotations

from typing import Annotated

import typer

from acupressure import __version__
from acupressure.cli import atlas as atlas_commands
from acupressure.cli import chart as chart_command
from acupressure.cli import handout as handout_commands
from acupressure.cli import locate as locate_command
from acupressure.cli import plan as plan_commands
from acupressure.cli import practitioner as practitioner_commands
from acupressure.cli import program as program_commands
from acupressure.cli import serve as serve_command
from acupressure.cli import session as session_commands

app = typer.Typer(
    name="acupressure",
    help="Acupressure for back, neck and shoulder pain: atlas, safe routines, guided sessions.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"acupressure {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Acupressure for back, neck and shoulder pain. Not a substitute for medical care."""


app.command()(atlas_commands.points)
app.command()(atlas_commands.point)
app.command()(chart_command.chart)
app.command()(plan_commands.plan)
app.command("screen")(plan_commands.screen_command)
app.command()(session_commands.session)
app.command()(serve_command.serve)
app.command()(locate_command.locate)
app.add_typer(program_commands.program_app, name="program")
app.add_typer(practitioner_commands.practitioner_app, name="practitioner")
app.command("today")(program_commands.today_command)
app.command()(handout_commands.handout)
app.command()(handout_commands.report)


def main() -> None:
    app()
