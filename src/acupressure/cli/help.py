"""The CLI's help in the language asked for: every command's and option's help text goes
through the catalog (scripts/i18n.py collects them from this same command tree)."""

from __future__ import annotations

import re
import unicodedata
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
    """Replace every help text of the tree (Typer's click commands) with its translation. A
    lazy group's commands are not built here: the group translates each when it builds it."""
    for cmd in _walk(command, build=False):
        if cmd.help:
            cmd.help = i18n.gettext(cmd.help)
        if cmd.short_help:
            cmd.short_help = i18n.gettext(cmd.short_help)
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = i18n.gettext(param.help)


def _walk(command: Any, build: bool = True) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub, build)
    if build and hasattr(command, "list_commands") and not getattr(command, "commands", None):
        for name in command.list_commands(None):  # a lazy group builds its commands on demand
            yield from _walk(command.get_command(None, name))


# Click's and Typer's own words that a person reads (help frame, usage errors). Typer keeps
# its own copy of Click (``typer._click``) whose words are plain English strings, not
# gettext calls; ``speak_click`` puts them through our catalog at the few places they are
# written (the usage line, the --help option, an error's "Error:" and "Try ... for help"
# lines), and points the words Typer and Click do mark (``_("Options")``) at our catalog too.
# The msgids are Click's own, so that either copy finds them.
CLICK_WORDS = (
    # marked by Typer (typer.core)
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Aborted!"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    # written by Typer's copy of Click, put through the catalog here
    N_("Usage:"),
    N_("{heading}:"),  # a section's heading ("Options:"): Chinese takes a full-width colon
    N_("Show this message and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("No such option: {name}"),
    N_("Missing option"),
    N_("Missing argument"),
    N_("Missing parameter"),
)
# typer.rich_utils marks words too, but with rich_markup_mode=None (cli/__init__.py) Typer
# never uses it, and importing it would load most of Rich on every command.
_MARKED = ("typer.core",)
EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", re.S)


def speak_click() -> None:
    """Click's and Typer's words through our catalog, in the current language."""
    import importlib

    import typer._coercion
    from typer._click import _textwrap, core, exceptions, formatting

    from acupressure.i18n import validation

    for name in _MARKED:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = i18n.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = _usage(formatting.HelpFormatter.write_usage)  # type: ignore[method-assign]
    formatting.HelpFormatter.write_heading = _write_heading  # type: ignore[method-assign]
    _textwrap.TextWrapper = _by_columns(_textwrap.TextWrapper)  # type: ignore[misc]
    core.Command.get_help_option = _help_option(core.Command.get_help_option)  # type: ignore[method-assign]
    exceptions.ClickException.show = _show_error  # type: ignore[method-assign]
    exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    exceptions.BadParameter.format_message = _bad_parameter  # type: ignore[method-assign]
    exceptions.MissingParameter.format_message = _missing  # type: ignore[method-assign]
    exceptions.NoSuchOption.format_message = _no_such_option  # type: ignore[method-assign]
    # the reason a value was refused (Typer checks types with pydantic)
    coercion: Any = typer._coercion
    coercion.get_error_msg = lambda exc: validation.message(exc.errors()[0])


_FILL = "\x00"  # the second column of a wide character while the help is wrapped


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _by_columns(wrapper: Any) -> Any:
    """Click's help wrapper, measuring the columns a line takes on the terminal: a Chinese
    character takes two and a line may break between any two of them (Click counted one
    and broke only at spaces: Chinese help ran to twice the terminal's width)."""

    class ByColumns(wrapper):  # type: ignore[misc]
        def _split(self, text: str) -> list[str]:
            return [piece for chunk in super()._split(text) for piece in _pieces(chunk)]

        def wrap(self, text: str) -> list[str]:
            marked = "".join(c + _FILL if _wide(c) else c for c in text)
            return [line.replace(_FILL, "") for line in super().wrap(marked)]

    return ByColumns


_CLOSING = "，。、：；？！）」』》"


def _pieces(chunk: str) -> list[str]:
    """Where a line may break in a chunk without spaces: before each wide character, never
    before closing punctuation (，。：) nor inside a run of narrow characters."""
    pieces: list[str] = []
    for char in chunk:
        narrow_run = not (_wide(char) or (pieces and _wide(pieces[-1][0])))
        if pieces and (char == _FILL or char in _CLOSING or narrow_run):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def _usage(write_usage: Any) -> Any:
    def translated(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, i18n.gettext("Usage:") + " " if prefix is None else prefix)

    return translated


def _write_heading(self: Any, heading: str) -> None:
    """As Click writes a section's heading, its colon the language's own."""
    line = i18n.gettext("{heading}:").format(heading=heading)
    self.write(f"{'':>{self.current_indent}}{line}\n")


def _help_option(get_help_option: Any) -> Any:
    def translated(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help:
            option.help = i18n.gettext(option.help)
        return option

    return translated


def _error_line(error: Any) -> str:
    return i18n.gettext("Error: {message}").format(message=_click_message(error))


def _click_message(error: Any) -> str:
    """The error's message; the one Click builds in English inside its parser (extra
    arguments) is worded again through the catalog."""
    message = str(error.format_message())
    extra = EXTRA_ARGUMENTS.fullmatch(message)
    if extra:
        return i18n.gettext("Got unexpected extra argument(s) ({args})").format(args=extra[1])
    return message


def _show_error(self: Any, file: Any = None) -> None:
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo

    echo(_error_line(self), file=file or get_text_stderr(), color=self.show_color)


def _show_usage_error(self: Any, file: Any = None) -> None:
    """As Click shows a usage error (usage line, where to find help, the error), translated."""
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo

    file = file or get_text_stderr()
    ctx = self.ctx
    color = ctx.color if ctx is not None else None
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = i18n.gettext("Try '{command} {option}' for help.").format(
                command=ctx.command_path, option=ctx.help_option_names[0]
            )
            hint += "\n"
        echo(f"{ctx.get_usage()}\n{hint}", file=file, color=color)
    echo(_error_line(self), file=file, color=color)


def _hint(error: Any) -> str:
    from typer._click.exceptions import _join_param_hints

    if error.param_hint is not None:
        return str(_join_param_hints(error.param_hint))
    if error.param is not None:
        return str(_join_param_hints(error.param.get_error_hint()))
    return ""


def _bad_parameter(self: Any) -> str:
    hint = _hint(self)
    if not hint:
        return i18n.gettext("Invalid value: {message}").format(message=self.message)
    return i18n.gettext("Invalid value for {param_hint}: {message}").format(
        param_hint=hint, message=self.message
    )


def _missing(self: Any) -> str:
    kind = self.param_type or (self.param.param_type_name if self.param is not None else "")
    words = {"option": N_("Missing option"), "argument": N_("Missing argument")}
    text = f"{i18n.gettext(words.get(kind, 'Missing parameter'))} {_hint(self)}".rstrip() + "."
    extra = [self.message] if self.message else []
    if self.param is not None:
        extra += [m for m in [self.param.get_missing_message(ctx=self.ctx)] if m]
    return " ".join([text, *extra])


def _no_such_option(self: Any) -> str:
    text = i18n.gettext("No such option: {name}").format(name=self.option_name)
    if self.possibilities:
        text += f" ({', '.join(sorted(self.possibilities))})"
    return text
