"""How long `acupressure point LI4` takes as a whole process, against what it stands on.

    python benchmarks/cli_start.py [--runs 30] [--python EXE ...] [-- point LI4]

Each round runs, one after the other, for each interpreter (default: this one):
- the interpreter alone (``python -c pass``),
- the floor of the tools the CLI is built on: a two-command Typer app that validates one
  pydantic model and prints one Rich panel,
- the command (default ``point LI4``) through the ``acupressure`` script beside that
  interpreter.
Rounds interleave, so a noisy machine hits every figure alike; medians are reported, with
the command's share above the floor. Give ``--python`` once per virtual environment to
compare interpreters (a Python built with optimizations starts faster) in one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_APP = """
import os
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
import typer
from pydantic import BaseModel, ConfigDict, Field
from rich.console import Console
from rich.panel import Panel
from rich.text import Text


class Card(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    code: str = Field(min_length=1)
    hold: int = Field(ge=1)


app = typer.Typer()


@app.command()
def point(code: str, as_json: bool = typer.Option(False, "--json")) -> None:
    card = Card.model_validate({"code": code, "hold": 60})
    Console().print(Panel(Text(f"{card.code}: {card.hold} s"), title="point"))


@app.command()
def other() -> None:
    pass


app()
"""


# As in a user's shell: each module's compiled .pyc is written on the first run and read
# after (with PYTHONDONTWRITEBYTECODE set, an edited module would be compiled on every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def _interpreters(given: list[str] | None) -> list[Path]:
    found = [Path(p) for p in (given or [sys.executable])]
    for python in found:
        if not (python.parent / "acupressure").exists():
            sys.exit(f"{python}: no acupressure script beside it (pip install -e . into that venv)")
    return found


def _describe(python: Path) -> str:
    code = "import sys; print(sys.version.split()[0], sys.base_prefix)"
    return subprocess.run([python, "-c", code], capture_output=True, text=True).stdout.strip()


def _row(label: str, times: list[float], floor: float | None = None) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    line = f"  {label:<28} median {statistics.median(ms):6.1f}  min {ms[0]:6.1f}  p90 {p90:6.1f} ms"
    if floor is not None:
        line += f"   above the floor {statistics.median(ms) - floor:+.1f} ms"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds (default 30)")
    parser.add_argument("--python", action="append", help="a venv's python (repeatable)")
    parser.add_argument("command", nargs="*", default=["point", "LI4"], help="default: point LI4")
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3")
    pythons = _interpreters(args.python)
    with tempfile.TemporaryDirectory() as tmp:
        floor_app = Path(tmp) / "floor_app.py"
        floor_app.write_text(FLOOR_APP)
        jobs = {
            python: {
                "interpreter alone": [str(python), "-c", "pass"],
                "Typer+pydantic+Rich floor": [str(python), str(floor_app), "point", "LI4"],
                f"acupressure {' '.join(args.command)}": [
                    str(python.parent / "acupressure"),
                    *args.command,
                ],
            }
            for python in pythons
        }
        times = {(p, k): [] for p, cmds in jobs.items() for k in cmds}
        for argv_of in jobs.values():  # once unmeasured: .pyc files written, caches warm
            for argv in argv_of.values():
                _seconds(argv)
        for done in range(1, args.runs + 1):
            for python, argv_of in jobs.items():
                for label, argv in argv_of.items():
                    times[python, label].append(_seconds(argv))
            print(f"\rround {done}/{args.runs}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    print(f"{args.runs} interleaved rounds; load average {os.getloadavg()[0]:.2f} at the end")
    for python, argv_of in jobs.items():
        print(f"{python}  (Python {_describe(python)})")
        labels = list(argv_of)
        floor = statistics.median(times[python, labels[1]]) * 1000
        for index, label in enumerate(labels):
            print(_row(label, times[python, label], floor if index == 2 else None))


if __name__ == "__main__":
    main()
