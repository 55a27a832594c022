"""The questions the terminal asks: red flags (`screen`, `session`), pain, ready to start."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer
from rich.text import Text

from acupressure.cli.common import err_console, fail
from acupressure.i18n import gettext as _
from acupressure.i18n import review_mark
from acupressure.safety import red_flags, reviewer


@dataclass
class Answers:
    raised: list[str] = field(default_factory=list)
    seen_clinician: bool = True  # every "soon" flag raised was confirmed as assessed
    emergency: bool = False


def ask_red_flags(skip: frozenset[str] = frozenset()) -> Answers:
    """Ask each red-flag question (emergencies first); stop at the first emergency."""
    answers = Answers()
    flags = [f for f in red_flags().values() if f.id not in skip]
    err_console.print(
        Text(_("Safety questions ({count}): answer y or n.").format(count=len(flags)), "bold"),
        Text(_("They check for signs that need a doctor rather than self-care.")),
    )
    mark = review_mark(reviewer("red_flags"))
    if mark:
        err_console.print(Text(mark, "yellow"))
    for n, flag in enumerate(flags, 1):
        if not _confirm(f"{n}. {flag.question}", n):
            continue
        answers.raised.append(flag.id)
        if flag.urgency == "emergency":
            answers.emergency = True
            return answers
        seen = _confirm(
            "   " + _("Has a doctor or other clinician already assessed this problem?"), n
        )
        answers.seen_clinician = answers.seen_clinician and seen
    return answers


def _confirm(question: str, n: int) -> bool:
    """An explicit y or n: a bare Enter asks again, so nobody skips a safety question by
    accident; input that ends (or Ctrl-C) first is exit 2, never a silent "no"."""
    try:
        return typer.confirm(question, default=None, err=True)
    except typer.Abort:
        typer.echo(err=True)  # end the prompt's line
        fail(
            _("safety question {number} was not answered (the input ended); stopping here").format(
                number=n
            )
        )


def ask_pain(label: str) -> int | None:
    """0-10, or None when skipped; input that ends (or Ctrl-C) counts as skipped."""
    while True:
        try:
            answer = typer.prompt(
                _("{label} (0-10, Enter to skip)").format(label=label),
                default="",
                show_default=False,
                err=True,
            ).strip()
        except typer.Abort:
            typer.echo(err=True)
            return None
        if not answer:
            return None
        if answer.isdecimal() and 0 <= int(answer) <= 10:  # isdigit() takes "²"
            return int(answer)
        err_console.print(_("Please type a whole number from 0 (no pain) to 10 (worst)."))


def ready_to_start() -> bool:
    """Wait for Enter; False when input ends or Ctrl-C (the session does not start)."""
    try:
        typer.prompt(
            _("Get into position, then press Enter to start"),
            default="",
            show_default=False,
            err=True,
        )
    except typer.Abort:
        return False
    return True
