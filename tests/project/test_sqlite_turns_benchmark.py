"""benchmarks/sqlite_turns.py runs and prints its figures (what they are is not tested), and
every transaction of every process was written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "sqlite_turns.py"
ROW = re.compile(
    r"round (\d): 3 processes x 20: [\d,]+ transactions/s, p50 \d+\.\d\d ms, p99 \d+\.\d\d ms"
)


def test_prints_a_line_per_round() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--processes", "3", "--each", "20", "--rounds", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    *lines, written = done.stdout.splitlines()
    assert [m and m[1] for m in map(ROW.fullmatch, lines)] == ["1", "2"], done.stdout
    assert written == "rows written: 120 of 120"
