"""The CLI's help in the language asked for: every command's and option's help text goes
through the catalog (scripts/i18n.py collects them from this same command tree)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import click

from acupressure import i18n


def language_of(argv: Sequence[str], environ: Mapping[str, str]) -> i18n.Language:
    """``--lang X`` (or ``--lang=X``) if given and known, else the environment's language."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            return i18n.parse(value) or i18n.from_environment(environ)
    return i18n.from_environment(environ)


def texts(command: click.Command) -> Iterator[str]:
    """Every help text of a command tree, in English (what the catalog translates)."""
    for cmd in _walk(command):
        if cmd.help:
            yield cmd.help
        for param in cmd.params:
            if isinstance(param, click.Option) and param.help:
                yield param.help
            help_ = getattr(param, "help", None)
            if isinstance(param, click.Argument) and help_:
                yield help_


def translate(command: click.Command) -> None:
    """Replace every help text of the tree with its translation in the current language."""
    for cmd in _walk(command):
        if cmd.help:
            cmd.help = i18n.gettext(cmd.help)
        if cmd.short_help:
            cmd.short_help = i18n.gettext(cmd.short_help)
        for param in cmd.params:
            help_ = getattr(param, "help", None)
            if help_:
                param.help = i18n.gettext(help_)  # type: ignore[attr-defined]


def _walk(command: click.Command) -> Iterator[click.Command]:
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _walk(sub)
