"""`acupressure plan` and `acupressure screen`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from acupressure import atlas
from acupressure.atlas.models import AREAS
from acupressure.cli.common import EXIT_BLOCKED, console, err_console, fail, print_json
from acupressure.cli.options import NotPregnantOpt, intake_options, pregnancy_answered
from acupressure.cli.views.plan import blocked_panel, print_plan
from acupressure.cli.views.questions import ask_pregnancy, ask_red_flags
from acupressure.cli.views.screen import print_flag_list
from acupressure.i18n import gettext as _
from acupressure.i18n import ngettext
from acupressure.plan import Plan, build_plan, shortest_minutes
from acupressure.safety import Intake, red_flags, relevant_flags, screen

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@intake_options
def plan(intake: Intake, as_json: JsonOpt = False) -> None:
    """Plan a routine: the safety questions first, then choose, order and time the points.

    In a terminal, whether you are pregnant and then the safety questions that matter for
    your routine are asked (on stderr) unless options give the answers (--pregnant,
    --maybe-pregnant or --not-pregnant; --no-red-flags or --red-flag); without a terminal
    both answers are required (exit 2). Exits 4 (after printing the advice) when an answer
    blocks the routine, 2 when no point fits (saying the least --minutes that would).
    """
    result = build_plan(intake)
    if as_json:
        print_json(result)
    else:
        print_plan(console, result)
    if result.blocked:
        raise typer.Exit(EXIT_BLOCKED)
    refuse_empty(result, intake)


def refuse_empty(result: Plan, intake: Intake) -> None:
    """No point in the routine: one line saying why (the time, or these answers), exit 2."""
    if result.points:
        return
    need = shortest_minutes(intake)
    if need is not None and intake.minutes is not None and need > intake.minutes:
        fail(
            ngettext(
                "--minutes {given}: no point fits in that time; give at least {count} minute",
                "--minutes {given}: no point fits in that time; give at least {count} minutes",
                need,
            ).format(given=intake.minutes, count=need)
        )
    fail(_("no point fits these answers, so there is no routine to show"))


def _list_flags(as_json: bool) -> None:
    flags = list(red_flags().values())
    if as_json:
        print_json(
            [
                {
                    "id": f.id,
                    "urgency": f.urgency,
                    "question": f.question,
                    "asked_when": f.asked_when.model_dump() if f.asked_when else None,
                    "asked": f.when(),
                    "sources": [
                        {"id": s, "citation": atlas.sources()[s].citation} for s in f.sources
                    ],
                }
                for f in flags
            ]
        )
        return
    print_flag_list(console, flags)


def screen_command(
    as_json: JsonOpt = False,
    list_only: Annotated[
        bool,
        typer.Option(
            "--list", help="Print every question with its id, urgency, when it is asked, sources."
        ),
    ] = False,
    pregnant: Annotated[
        bool,
        typer.Option(
            "--pregnant", help="You are, might be, or are trying to be pregnant: ask those too."
        ),
    ] = False,
    not_pregnant: NotPregnantOpt = False,
) -> None:
    """Ask the safety questions: is self-care safe, or is a clinician needed first?

    Asks whether you are pregnant (unless --pregnant or --not-pregnant answers it), then
    the questions for every area and point (and the pregnancy ones when pregnant).
    Exits 4 when an answer blocks self-care.
    """
    if list_only:
        _list_flags(as_json)
        return
    if not pregnancy_answered(pregnant, False, not_pregnant):
        pregnant = ask_pregnancy().pregnant
    everything = Intake(areas=list(AREAS), pregnant=pregnant, red_flags=[])
    codes = [p.code for p in atlas.all_points()]
    answers = ask_red_flags(relevant_flags(everything, codes))
    intake = Intake(
        areas=[AREAS[0]],  # any one: the flags were asked for every area above
        pregnant=pregnant,
        red_flags=answers.raised,
        seen_clinician=answers.seen_clinician,
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
            _(
                "Next: acupressure plan --area AREA --no-red-flags, or acupressure session "
                "--area AREA"
            ),
            markup=False,
        )
    if result.blocked:
        raise typer.Exit(EXIT_BLOCKED)
