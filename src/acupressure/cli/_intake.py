"""Options shared by `acupressure plan` and `acupressure session`, and the intake they make."""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import ValidationError

from acupressure.cli._common import fail
from acupressure.safety import Intake

AreaOpt = Annotated[
    list[str],
    typer.Option(
        "--area",
        metavar="AREA",
        help="Where it hurts: lower-back, upper-back, neck or shoulders; repeatable.",
        show_default=False,
    ),
]
PregnantOpt = Annotated[bool, typer.Option("--pregnant", help="You are pregnant.")]
MaybePregnantOpt = Annotated[
    bool,
    typer.Option(
        "--maybe-pregnant",
        help="You might be pregnant or are trying to conceive: treated as pregnant, "
        "trimester unknown.",
    ),
]
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
SeenOpt = Annotated[
    bool,
    typer.Option(
        "--seen-clinician",
        help="A clinician has assessed the 'see a doctor soon' problems you answer yes to.",
    ),
]


def make_intake(
    areas: list[str],
    pregnant: bool,
    maybe_pregnant: bool,
    trimester: int | None,
    helper: bool,
    minutes: int | None,
    conditions: list[str] | None,
    red_flags: list[str] | None,
    seen_clinician: bool,
) -> Intake:
    """Build and validate the intake; bad input exits 2 with one line."""
    if not areas:
        fail("give at least one --area (lower-back, upper-back, neck, shoulders)")
    if trimester is not None and trimester not in (1, 2, 3):
        fail(f"--trimester must be 1, 2 or 3, not {trimester}")
    if maybe_pregnant and trimester is not None:
        fail("--trimester goes with --pregnant; with --maybe-pregnant the trimester is unknown")
    try:
        return Intake.model_validate(
            {
                "areas": areas,
                "pregnant": pregnant,
                "maybe_pregnant": maybe_pregnant,
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
