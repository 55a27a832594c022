"""benchmarks/cli_start.py runs and prints its figures (what they are is not tested)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "cli_start.py"
ROW = re.compile(r"median +\d+\.\d +min +\d+\.\d +p90 +\d+\.\d ms")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


def test_prints_the_interpreter_the_floor_and_the_command() -> None:
    done = run("--runs", "3")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("3 interleaved rounds")
    assert sys.version.split()[0] in lines[1]
    labels = ["interpreter alone", "Typer+pydantic+Rich floor", "acupressure point LI4"]
    for label, line in zip(labels, lines[2:5], strict=True):
        assert line.strip().startswith(label) and ROW.search(line), line
    assert "above the floor" in lines[4]
    assert "round 3/3" in done.stderr


def test_a_failing_command_is_named_with_its_error() -> None:
    done = run("--runs", "3", "point", "XX99")
    assert done.returncode == 1
    assert "point XX99 failed (3)" in done.stderr  # 3: not found


def test_too_few_runs_and_a_python_without_the_package_are_refused(tmp_path: Path) -> None:
    assert run("--runs", "2").returncode == 2
    alone = tmp_path / "python"
    alone.touch()
    done = run("--python", str(alone))
    assert done.returncode == 1
    assert "no acupressure script beside it" in done.stderr
