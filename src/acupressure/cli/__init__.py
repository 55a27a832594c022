"""The `acupressure` command. Each feature registers its commands from its own module.

A command's module is imported only when that command runs (or when help lists it), so
`acupressure point LI4` never loads the charts, the planner, the web app or MediaPipe.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup

# Pydantic looks for plugins by reading the metadata of every installed package when it
# builds its first model (about 8 ms of `acupressure point LI4`). The CLI uses none; set
# PYDANTIC_DISABLE_PLUGINS (even empty) to decide otherwise.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from acupressure import i18n
from acupressure.cli import help as help_text

help_text.speak_click()  # Click's own words (Usage:, Options) in the current language

# name -> (module under acupressure.cli, function), in the order help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "points": ("atlas", "points"),
    "point": ("atlas", "point"),
    "chart": ("chart", "chart"),
    "plan": ("plan", "plan"),
    "screen": ("plan", "screen_command"),
    "session": ("session", "session"),
    "serve": ("serve", "serve"),
    "locate": ("locate", "locate"),
    "program": ("program", "program_app"),
    "today": ("program", "today_command"),
    "handout": ("handout", "handout"),
    "report": ("handout", "report"),
    "practitioner": ("practitioner", "practitioner_app"),
    "worker": ("reminders", "worker"),
    "reminders": ("reminders", "reminders_app"),
}
SETTINGS: dict[str, Any] = {
    "pretty_exceptions_enable": False,
    "add_completion": False,
    "rich_markup_mode": None,
}


class LazyGroup(TyperGroup):
    """A group whose commands are built from their modules on first use."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        module, function = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(f"acupressure.cli.{module}"), function)
        if isinstance(command, typer.Typer):  # a group of subcommands (program ...)
            group = typer.main.get_group(command)
            group.name = cmd_name
            help_text.translate(group)
            return group
        single = typer.Typer(**SETTINGS)
        single.command(cmd_name)(command)
        built = typer.main.get_command(single)
        help_text.translate(built)  # its help in the language asked for (--lang or LANG)
        return built


app = typer.Typer(
    name="acupressure",
    help="Acupressure for back, neck and shoulder pain: atlas, safe routines, guided sessions.",
    no_args_is_help=True,
    cls=LazyGroup,
    **SETTINGS,
)


def _version(value: bool) -> None:
    if value:
        from acupressure import __version__

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


def main() -> None:
    """Run the command with its help and output in the language asked for."""
    i18n.activate(help_text.language_of(sys.argv[1:], os.environ))
    command = typer.main.get_command(app)
    help_text.translate(command)
    command(prog_name="acupressure")
