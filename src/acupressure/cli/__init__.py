"""The `acupressure` command. Each feature registers its commands from its own module."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
import typer.main

from acupressure import __version__, i18n
from acupressure.cli import atlas as atlas_commands
from acupressure.cli import chart as chart_command
from acupressure.cli import help as help_text
from acupressure.cli import locate as locate_command
from acupressure.cli import plan as plan_commands
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


def _language(value: str | None) -> str | None:
    language = i18n.from_environment(os.environ) if value is None else i18n.parse(value)
    if language is None:
        raise typer.BadParameter(
            i18n.gettext("{value!r} is not a language spoken here; use en, es or zh-Hans.").format(
                value=value
            )
        )
    i18n.activate(language)
    return value


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_language,
            is_eager=True,
            metavar="LANGUAGE",
            help="Language of the output and help: en, es or zh-Hans "
            "(default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).",
        ),
    ] = None,
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


def main() -> None:
    """Run the command with its help and output in the language asked for."""
    language = help_text.language_of(sys.argv[1:], os.environ)
    i18n.activate(language)
    command = typer.main.get_command(app)
    help_text.translate(command)
    command(prog_name="acupressure")
