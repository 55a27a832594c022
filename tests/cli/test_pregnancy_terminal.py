"""In a terminal, the pregnancy question comes first, before the safety questions and before
any routine is shown: `plan`, `session`, `program create`, `handout`, `screen` and the weekly
`program rescreen` (pseudo-terminals, pexpect)."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from acupressure.safety import red_flags

pytestmark = pytest.mark.slow

ROOT = str(Path(__file__).parents[2])
PREGNANT = re.escape("Are you pregnant, might you be, or are you trying to conceive? [y/n]: ")
QUESTION = r"\[y/n\]: "
PREGNANCY_FLAGS = [
    f.question
    for f in red_flags().values()
    if f.asked_when is not None and "pregnant" in f.asked_when.intake
]


def spawn(args: list[str], tmp_path: Path, log: io.StringIO) -> pexpect.spawn:
    env = {
        "ACUPRESSURE_DATA_DIR": str(tmp_path),
        "ACUPRESSURE_SECRET_KEY": "test-secret-key-not-for-production",
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm",
        "TZ": "UTC",
        "LANG": "C.UTF-8",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "acupressure", *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )
    child.logfile_read = log
    return child


def plain(log: io.StringIO) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", log.getvalue())


def answer_no_until(child: pexpect.spawn, done: str) -> None:
    while child.expect([QUESTION, done]) == 0:
        child.sendline("n")


def test_plan_asks_pregnancy_first_and_plans_for_the_answer(tmp_path: Path) -> None:
    log = io.StringIO()
    child = spawn(["plan", "--area", "neck"], tmp_path, log)
    child.expect(PREGNANT)
    assert "Safety questions" not in child.before and "Your routine" not in child.before
    child.sendline("y")
    child.expect("Which trimester")
    child.sendline("2")
    child.expect("Safety questions")
    answer_no_until(child, "Your routine")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = plain(log)
    assert all(q in text for q in PREGNANCY_FLAGS)  # the pregnancy questions were asked
    assert "You are (or might be) pregnant" in text
    left_out = text[text.index("Left out") :]
    for code in ("GB21", "LI4", "BL60"):  # never in pregnancy
        assert f"{code}:" in left_out


def test_no_means_no_pregnancy_questions(tmp_path: Path) -> None:
    log = io.StringIO()
    child = spawn(["plan", "--area", "neck"], tmp_path, log)
    child.expect(PREGNANT)
    child.sendline("n")
    child.expect("Safety questions")
    answer_no_until(child, "Your routine")
    child.expect(pexpect.EOF)
    text = plain(log)
    assert not any(q in text for q in PREGNANCY_FLAGS)
    routine = text[text.index("Your routine") :].split("Left out")[0]
    assert all(code in routine for code in ("GB21", "LI4", "BL60"))


@pytest.mark.parametrize(
    "args",
    [
        ["session", "--area", "neck", "--speed", "100"],
        ["program", "create", "--area", "neck"],
        ["handout", "--area", "neck", "-o", "routine.pdf"],
        ["plan", "--area", "neck", "--no-red-flags"],  # the red flags given, not pregnancy
        ["screen"],
    ],
    ids=lambda a: " ".join(a[:2]) if len(a) > 1 else a[0],
)
def test_every_flow_asks_pregnancy_before_anything_else(args: list[str], tmp_path: Path) -> None:
    log = io.StringIO()
    child = spawn(args, tmp_path, log)
    child.expect(PREGNANT)
    assert child.before.strip() == ""  # nothing before it: no question, no routine
    child.sendeof()  # the input ends: exit 2, never a silent no
    child.expect("the pregnancy question was not answered")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert not (tmp_path / "routine.pdf").exists()


def test_the_weekly_recheck_asks_pregnancy_again_and_a_new_pregnancy_stops(
    tmp_path: Path,
) -> None:
    log = io.StringIO()
    made = spawn(
        ["program", "create", "--area", "neck", "--not-pregnant", "--no-red-flags"], tmp_path, log
    )
    made.expect(r"Program (\d+) saved")
    made.expect(pexpect.EOF)
    child = spawn(["program", "rescreen"], tmp_path, log)
    child.expect(PREGNANT)
    child.sendline("y")
    child.expect("Which trimester")
    child.sendline("")  # does not know
    child.expect("Safety questions")
    answer_no_until(child, "is stopped")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4
    text = plain(log)
    assert all(q in text for q in PREGNANCY_FLAGS)  # this week's answer, not the first
    assert "make a new program" in text
