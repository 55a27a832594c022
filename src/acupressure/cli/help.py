"""The CLI's help in the language asked for: every command's and option's help text goes
through the catalog (scripts/i18n.py collects them from this same command tree)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

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


def texts(command: Any) -> Iterator[str]:
    """Every help text of a command tree, in English (what the catalog translates)."""
    for cmd in _walk(command):
        if cmd.help:
            yield cmd.help
        for param in cmd.params:
            if getattr(param, "help", None):
                yield param.help


def translate(command: Any) -> None:
    """Replace every help text of the tree (Typer's click commands) with its translation."""
    for cmd in _walk(command):
        if cmd.help:
            cmd.help = i18n.gettext(cmd.help)
        if cmd.short_help:
            cmd.short_help = i18n.gettext(cmd.short_help)
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = i18n.gettext(param.help)


def _walk(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)
    if hasattr(command, "list_commands") and not getattr(command, "commands", None):
        for name in command.list_commands(None):  # a lazy group builds its commands on demand
            yield from _walk(command.get_command(None, name))
