"""`acupressure today --start` in a pseudo-terminal: the next session of the program runs
and is kept in the program (the same database as the web app)."""

import os
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.slow

ROOT = str(Path(__file__).parents[2])
# A Monday at 03:06 UTC: a program made now with a session at 00:00 (the hour at which this
# test once failed), on the CLI's clock (tests/fixed_clock.py), whenever the test runs.
MADE = "2026-03-02T03:06:00+00:00"


def spawn(args: list[str], tmp_path: Path) -> pexpect.spawn:
    env = {
        "ACUPRESSURE_DATA_DIR": str(tmp_path),
        "ACUPRESSURE_SECRET_KEY": "test-secret-key-not-for-production",
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm",
        "TZ": "UTC",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "tests.fixed_clock", MADE, *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )


def test_today_start_runs_the_next_session_and_counts_it(tmp_path: Path) -> None:
    create = [
        "program",
        "create",
        "--area",
        "lower-back",
        "--no-red-flags",
        "--not-pregnant",
        "--at",
        "00:00",
    ]
    child = spawn(create, tmp_path)
    child.expect(r"Program (\d+) saved")
    child.expect(pexpect.EOF)
    child = spawn(["today", "--start", "--speed", "100"], tmp_path)
    # made after its time: today's 00:00 routine is due (not missed), and runs next
    child.expect("00:00 +routine +due")
    child.expect("Next: your routine")
    child.expect(r"Pain right now \(0-10, Enter to skip\): ")
    child.sendline("5")
    child.expect("press Enter to start")
    child.sendline("")
    child.expect(r"Finished: \d+ of \d+ steps done", timeout=120)
    child.expect(r"Pain now, after the session")
    child.sendline("3")
    child.expect("Saved to program")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = spawn(["today"], tmp_path)
    child.expect("00:00 +routine +done")
    child.expect(r"1 of 1")
    child.expect(pexpect.EOF)
