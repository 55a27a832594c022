"""Red-flag screening on the command line, shared by every command that gives a routine.

No routine without screening: the answers come from ``--red-flag ID`` (the yes answers, no
to the rest), ``--no-red-flags`` (no to every question), or, in a terminal, from asking the
questions relevant to this person's routine. Without any of these the command exits 2.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Annotated

import typer

from acupressure.cli._common import err_console, fail
from acupressure.cli._prompt import ask_yes_no
from acupressure.plan import questions
from acupressure.safety import Intake, RedFlag

RedFlagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--red-flag",
        metavar="ID",
        help="A safety question you answer yes to (ids: `acupressure screen --list`); "
        "repeatable. Every other question counts as answered no.",
        show_default=False,
    ),
]
NoRedFlagsOpt = Annotated[
    bool,
    typer.Option(
        "--no-red-flags",
        help="I answered no to every safety question (see `acupressure screen --list`).",
    ),
]
NOT_SCREENED = (
    "the safety questions are not answered: run this in a terminal to be asked them, or give "
    "--no-red-flags (no to every question) or --red-flag ID for each yes"
)


@dataclass
class Answers:
    raised: list[str] = field(default_factory=list)
    seen_clinician: bool = True  # every "soon" flag raised was confirmed as assessed
    emergency: bool = False


def ask_red_flags(flags: list[RedFlag]) -> Answers:
    """Ask each question (emergencies first); stop at the first emergency."""
    answers = Answers()
    err_console.print(
        f"[bold]Safety questions[/bold] ({len(flags)}): answer y or n. "
        "They check for signs that need a doctor rather than self-care."
    )
    for n, flag in enumerate(flags, 1):
        if not _confirm(f"{n}. {flag.question}", n):
            continue
        answers.raised.append(flag.id)
        if flag.urgency == "emergency":
            answers.emergency = True
            return answers
        seen = _confirm("   Has a doctor or other clinician already assessed this problem?", n)
        answers.seen_clinician = answers.seen_clinician and seen
    return answers


def _confirm(question: str, n: int) -> bool:
    """An explicit y or n; input that ends (or Ctrl-C) first is exit 2, never a silent no."""
    answer = ask_yes_no(question)
    if answer is None:
        fail(f"safety question {n} was not answered (the input ended); stopping here")
    return answer


def screened_intake(intake: Intake, no_red_flags: bool, red_flag: list[str] | None) -> Intake:
    """The intake with its screening answers, from the options or asked in a terminal.

    ``intake`` already holds ``red_flag`` as its yes answers (validated)."""
    if no_red_flags and red_flag:
        fail("--no-red-flags and --red-flag contradict each other; give one of them")
    if no_red_flags or red_flag:
        return intake
    if not sys.stdin.isatty():
        fail(NOT_SCREENED)
    answers = ask_red_flags(questions(intake))
    data = intake.model_dump()
    data["red_flags"] = answers.raised
    data["seen_clinician"] = intake.seen_clinician or (
        bool(answers.raised) and answers.seen_clinician
    )
    return Intake.model_validate(data)
