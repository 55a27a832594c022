"""Questions in the terminal: the prompt goes to stderr, the answer comes from stdin.

Python's ``input()`` (which click's prompts use) writes its prompt to the C-level stdout
when stdin and stderr are terminals, so a piped ``--json`` would start with prompt text.
Here stdout carries only the result.
"""

from __future__ import annotations

import sys


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
        answer = ask_line(f"{question} [y/n]: ")
        if answer is None:
            return None
        answer = answer.strip().lower()
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        sys.stderr.write("Please answer y or n.\n")
