"""benchmarks/data_scale.py makes its sizes and prints every endpoint's figures and the
growth factors (what the figures are is not tested: that is the benchmark's job)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "benchmarks" / "data_scale.py"
ROW = re.compile(r"^(\S.{33}) (.{6}) \| +[\d.]+ +[\d.]+ +\d+ +\d+ +[\d.]+$")


@pytest.mark.slow
def test_small_sizes_print_a_row_per_endpoint_and_size_and_the_growth() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("ACUPRESSURE_TEST_DATABASE_URL", None)  # SQLite only here
    args = ["--year-days", "4", "--years", "1", "2", "--clients", "1", "2", "--runs", "2"]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True, text=True, timeout=600, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [m.groups() for line in done.stdout.splitlines() if (m := ROW.match(line))]
    endpoints = {name.strip() for name, _ in rows}
    rows = [(name, size.strip()) for name, size in rows]
    assert {"/diary/", "/privacy/export.json", "/privacy/fhir.json", "/clients/"} <= endpoints
    assert "calendar feed (304)" in endpoints
    assert {size for _, size in rows} == {"1 y", "2 y", "52 w", "1", "2"}
    assert "/diary/ (made afresh)" in endpoints  # the page just after a write
    assert {"/diary/?month= (one month)", "/diary/?client= (practitioner)"} <= endpoints
    # 13 endpoints of the person, 2 of the 52-week program done in full, 4 of the practice
    assert len(rows) == 2 * 13 + 2 + 2 * 4
    growth = done.stdout.split("growth from the smallest size to the largest")[1]
    assert len(re.findall(r"SQLite: x[\d.]+ time, x[\d.]+ queries", growth)) == 13 + 4
