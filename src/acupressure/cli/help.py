"""The CLI's help in the language asked for: every command's and option's help text goes
through the catalog (scripts/i18n.py collects them from this same command tree)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from acupressure import i18n
from acupressure.i18n import N_


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


# Click's and Typer's own words that a person reads (help frame, usage errors, prompts).
# Click translates them with the stdlib gettext (domain "messages"); ``speak_click``
# points Click's and Typer's ``_``/``ngettext`` at our catalog, so they follow ``--lang``.
# The msgids are Click's own, exactly; one Click no longer uses is simply not looked up.
CLICK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option: {name}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Missing command."),
    N_("Aborted!"),
    N_("Option {name!r} does not take a value."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("default: {default}"),
    N_("required"),
    N_("Error: invalid input"),
    N_("Could not open file {filename!r}: {message}"),
)
CLICK_PLURALS = (
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "typer.core",
    "typer.rich_utils",
)


def speak_click() -> None:
    """Click's and Typer's words through our catalog, in the current language."""
    import importlib

    for name in _CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = i18n.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
