"""`acupressure plan` and `acupressure screen`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from acupressure.cli.common import EXIT_BLOCKED, console, err_console, print_json
from acupressure.cli.options import intake_options
from acupressure.cli.views.plan import blocked_panel, print_plan
from acupressure.cli.views.questions import ask_red_flags
from acupressure.i18n import gettext as _
from acupressure.plan import build_plan
from acupressure.safety import Intake, screen

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@intake_options
def plan(intake: Intake, as_json: JsonOpt = False) -> None:
    """Plan a routine: screen for red flags, choose, order and time the points.

    Exits 4 (after printing the advice) when a red flag blocks the routine.
    """
    result = build_plan(intake)
    if as_json:
        print_json(result)
    else:
        print_plan(console, result)
    if result.blocked:
        raise typer.Exit(EXIT_BLOCKED)


def screen_command(as_json: JsonOpt = False) -> None:
    """Ask the red-flag questions: is self-care safe, or is a clinician needed first?

    Exits 4 when an answer blocks self-care.
    """
    answers = ask_red_flags()
    intake = Intake(
        areas=["lower-back"], red_flags=answers.raised, seen_clinician=answers.seen_clinician
    )
    result = screen(intake)
    if as_json:
        print_json(result)
    elif result.blocked:
        console.print(blocked_panel(result.urgency, result.advice, result.red_flags))
    else:
        cleared = [f.question for f in result.red_flags if f.cleared]
        if cleared:
            text = _("No red flag stops self-care (assessed by a clinician: {flags}).").format(
                flags="; ".join(cleared)
            )
        else:
            text = _("No red flag stops self-care.")
        console.print(Text(text, "green"))
        err_console.print(
            _("Next: acupressure plan --area AREA, or acupressure session --area AREA"),
            markup=False,
        )
    if result.blocked:
        raise typer.Exit(EXIT_BLOCKED)
