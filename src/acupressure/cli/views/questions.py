"""The questions the terminal asks: red flags (`screen`, `plan`, `session`), pain, ready to
start.

Prompts go to stderr and answers come from stdin. Python's ``input()`` (which click's prompts
use) writes its prompt to the C-level stdout when stdin and stderr are terminals, so a piped
``--json`` would start with prompt text; here stdout carries only the result.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from rich.text import Text

from acupressure.cli.common import err_console, fail
from acupressure.i18n import gettext as _
from acupressure.i18n import review_mark
from acupressure.safety import RedFlag, reviewer


@dataclass
class Answers:
    raised: list[str] = field(default_factory=list)
    seen_clinician: bool = True  # every "soon" flag raised was confirmed as assessed
    emergency: bool = False


def ask_line(prompt: str) -> str | None:
    """One line of input without its newline; None when the input ends or on Ctrl-C."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        line = ""
    if not line:
        sys.stderr.write("\n")
        return None
    return line.rstrip("\r\n")


def ask_yes_no(question: str) -> bool | None:
    """An explicit y or n (a bare Enter asks again); None when the input ends."""
    while True:
        answer = ask_line(_("{question} [y/n]: ").format(question=question))
        if answer is None:
            return None
        answer = answer.strip().lower()
        if answer in ("y", "yes", _("yes")):
            return True
        if answer in ("n", "no", _("no")):
            return False
        sys.stderr.write(_("Please answer y or n.") + "\n")


def ask_red_flags(flags: list[RedFlag]) -> Answers:
    """Ask each question (emergencies first); stop at the first emergency."""
    answers = Answers()
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
    """An explicit y or n; input that ends (or Ctrl-C) first is exit 2, never a silent no."""
    answer = ask_yes_no(question)
    if answer is None:
        fail(
            _("safety question {number} was not answered (the input ended); stopping here").format(
                number=n
            )
        )
    return answer


@dataclass(frozen=True)
class Pregnancy:
    """The answer to "pregnant, might be, or trying to conceive?" (and the trimester)."""

    pregnant: bool
    trimester: int | None = None


def ask_pregnancy() -> Pregnancy:
    """Ask whether the person is (or might be) pregnant, then the trimester; input that
    ends (or Ctrl-C) is exit 2, never a silent no."""
    answer = ask_yes_no(
        _("Are you pregnant, might you be, or are you trying to conceive?"),
    )
    if answer is None:
        fail(_("the pregnancy question was not answered (the input ended); stopping here"))
    if not answer:
        return Pregnancy(pregnant=False)
    prompt = _("Which trimester: 1, 2 or 3 (Enter if you do not know, might be, or are trying): ")
    while True:
        line = ask_line(prompt)
        if line is None:
            fail(_("the pregnancy question was not answered (the input ended); stopping here"))
        if not line.strip():
            return Pregnancy(pregnant=True)
        if line.strip() in ("1", "2", "3"):
            return Pregnancy(pregnant=True, trimester=int(line.strip()))
        err_console.print(_("Please type 1, 2 or 3, or press Enter."))


def ask_pain(label: str) -> int | None:
    """0-10, or None when skipped; input that ends (or Ctrl-C) counts as skipped."""
    while True:
        line = ask_line(_("{label} (0-10, Enter to skip): ").format(label=label))
        if line is None:
            return None
        answer = line.strip()
        if not answer:
            return None
        if answer.isdecimal() and 0 <= int(answer) <= 10:  # isdigit() takes "²"
            return int(answer)
        err_console.print(
            _("Please type a whole number from 0 (no pain) to 10 (worst pain imaginable).")
        )


def ready_to_start() -> bool:
    """Wait for Enter; False when input ends or Ctrl-C (the session does not start)."""
    return ask_line(_("Get into position, then press Enter to start: ")) is not None
