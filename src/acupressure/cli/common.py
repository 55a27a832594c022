"""Shared CLI plumbing: exit codes, one-line errors on stderr, JSON on stdout."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, NoReturn

import typer
from pydantic import TypeAdapter
from rich.console import Console

from acupressure.i18n import gettext as _

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_BLOCKED = 4


def now() -> datetime:
    """The CLI's one clock (aware, UTC): programs, sessions and handouts read the time here
    only, so tests can set it (tests/fixed_clock.py)."""
    return datetime.now(UTC)


console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """Print one clear line on stderr and exit with the given code."""
    err_console.print(
        _("error: {message}").format(message=message), markup=False, highlight=False, soft_wrap=True
    )
    raise typer.Exit(code)


_ANY: TypeAdapter[Any] = TypeAdapter(Any)


def print_json(data: Any) -> None:
    """Print JSON on stdout: pydantic models (alone or in lists) as their ``mode="json"`` dump."""
    typer.echo(json.dumps(_ANY.dump_python(data, mode="json"), ensure_ascii=False, indent=2))
