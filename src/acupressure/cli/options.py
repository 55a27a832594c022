"""The intake options, defined once: `plan` and `session` take them through ``intake_options``.

A command decorated with :func:`intake_options` declares one parameter ``intake: Intake``;
the decorator gives Typer the eight options (``--area`` ... ``--seen-clinician``) in its
place and hands the command the validated intake (bad input exits 2 with one line).
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from acupressure.atlas.models import AREAS
from acupressure.cli.common import fail
from acupressure.i18n import gettext as _
from acupressure.safety import Intake

AreaOpt = Annotated[
    list[str],
    typer.Option(
        "--area",
        metavar="AREA",
        help=f"Where it hurts: {', '.join(AREAS[:-1])} or {AREAS[-1]}; repeatable.",
        show_default=False,
    ),
]
PregnantOpt = Annotated[bool, typer.Option("--pregnant", help="You are pregnant.")]
TrimesterOpt = Annotated[
    int | None,
    typer.Option(
        metavar="N", help="Trimester 1, 2 or 3 (with --pregnant); left out means unknown."
    ),
]
HelperOpt = Annotated[
    bool, typer.Option("--helper", help="Someone can press the points you cannot reach.")
]
MinutesOpt = Annotated[
    int | None,
    typer.Option(metavar="N", help="Time budget; the lowest-priority points are dropped to fit."),
]
ConditionOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--condition",
        metavar="ID",
        help="A condition that changes the routine (see docs/cli.md for ids); repeatable.",
        show_default=False,
    ),
]
RedFlagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--red-flag",
        metavar="ID",
        help="A red-flag id you answer yes to (see `acupressure screen`); repeatable.",
        show_default=False,
    ),
]
SeenOpt = Annotated[
    bool,
    typer.Option(
        "--seen-clinician",
        help="A clinician has assessed the 'see a doctor soon' red flags you give.",
    ),
]


def _option(name: str, kind: Any, default: Any = inspect.Parameter.empty) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)


# In the order --help lists them; the names are make_intake's own.
INTAKE_OPTIONS = [
    _option("area", AreaOpt),
    _option("pregnant", PregnantOpt, False),
    _option("trimester", TrimesterOpt, None),
    _option("helper", HelperOpt, False),
    _option("minutes", MinutesOpt, None),
    _option("condition", ConditionOpt, None),
    _option("red_flag", RedFlagOpt, None),
    _option("seen_clinician", SeenOpt, False),
]


def intake_options(command: Callable[..., None]) -> Callable[..., None]:
    """Replace the command's ``intake`` parameter by the intake options (listed first)."""
    hints = typing.get_type_hints(command, include_extras=True)  # resolve string annotations
    own = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=hints[p.name])
        for p in inspect.signature(command).parameters.values()
        if p.name != "intake"
    ]

    @functools.wraps(command)
    def with_intake(**kwargs: Any) -> None:
        given = [kwargs.pop(p.name) for p in INTAKE_OPTIONS]
        command(intake=make_intake(*given), **kwargs)

    parameters = [*INTAKE_OPTIONS, *own]
    with_intake.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    with_intake.__annotations__ = {p.name: p.annotation for p in parameters}
    return with_intake


def make_intake(
    areas: list[str],
    pregnant: bool,
    trimester: int | None,
    helper: bool,
    minutes: int | None,
    conditions: list[str] | None,
    red_flags: list[str] | None,
    seen_clinician: bool,
) -> Intake:
    """Build and validate the intake; bad input exits 2 with one line."""
    if not areas:
        fail(_("give at least one --area ({areas})").format(areas=", ".join(AREAS)))
    if trimester is not None and trimester not in (1, 2, 3):
        fail(_("--trimester must be 1, 2 or 3, not {value}").format(value=trimester))
    try:
        return Intake.model_validate(
            {
                "areas": areas,
                "pregnant": pregnant,
                "trimester": trimester,
                "helper": helper,
                "minutes": minutes,
                "conditions": conditions or [],
                "red_flags": red_flags or [],
                "seen_clinician": seen_clinician,
            }
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        fail(f"{field}: {message}" if field else message)
