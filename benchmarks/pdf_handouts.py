"""How long "My routine" and "My progress" PDFs take to make, first and later in a process.

    python benchmarks/pdf_handouts.py [--runs 5] [--area neck] [--language en] [--cold]

Each round is a fresh process (so the first handout pays for importing WeasyPrint and
loading the fonts, as the CLI's does; the web server does that when it starts, see
``pdf_first.py``; with ``--cold`` an empty cache folder, so it draws the charts too), which
then makes the same handout again ``--runs`` times (charts, image streams and chart sizes
kept, as every later request in a server) and a progress report. Wall-clock and CPU
seconds, medians over rounds; A4 and US Letter. The machine's load is printed: on a shared
machine, CPU seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROUND = r"""
import json, sys, time
from datetime import UTC, date, datetime
sys.path.insert(0, sys.argv[4])
from acupressure import i18n
from acupressure.program import adherence, design
from acupressure.safety import Intake

def timed(make):
    wall, cpu = time.perf_counter(), time.process_time()
    data = make()
    return time.perf_counter() - wall, time.process_time() - cpu, len(data)

area, language, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = {}
with i18n.use(language):
    from acupressure.exports.handout import routine_pdf
    from acupressure.exports.progress import progress_pdf
    from acupressure.outcomes import questionnaires
    from acupressure.program.summary import summarise
    from tests.exports.samples import stored_program

    made = design(Intake(areas=[area], red_flags=[]), date(2026, 3, 2))
    link = "https://acupressure.clinic.example/program/7/"
    for paper in ("a4", "letter"):
        routine = lambda: routine_pdf(made.plan, made.schedule, made.extra_points, link, paper)
        out[f"first-{paper}"] = timed(routine)
        out[f"later-{paper}"] = [timed(routine) for _ in range(runs)]
    p = stored_program(area)
    known = questionnaires()
    weeks = adherence(p, [], datetime(2026, 3, 10, 12, tzinfo=UTC))
    answers = {(0, "pain-week"): {"pain": 6}, (1, "pain-week"): {"pain": 5}}
    summary = summarise([known["pain-week"]], answers, weeks)
    out["progress-a4"] = [timed(lambda: progress_pdf(p, summary)) for _ in range(runs)]
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds, and handouts per round")
    parser.add_argument("--area", default="neck")
    parser.add_argument("--language", default="en", choices=["en", "es", "zh-Hans"])
    parser.add_argument("--cold", action="store_true", help="an empty cache folder each round")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    rounds = []
    for _ in range(args.runs):
        env = dict(os.environ)
        if args.cold:
            env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="pdf-bench-")
        result = subprocess.run(
            [sys.executable, "-c", ROUND, args.area, args.language, str(args.runs), str(root)],
            check=True,
            capture_output=True,
            text=True,
            cwd=root,
            env=env,
        )
        rounds.append(json.loads(result.stdout))
        if args.cold:
            shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    cache = "empty cache folder" if args.cold else "charts in the cache folder"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.area}, {args.language}, {cache}: {args.runs} rounds; load average {load}")
    for key in ("first-a4", "first-letter"):
        walls = [r[key][0] for r in rounds]
        cpus = [r[key][1] for r in rounds]
        print(
            f"  {key:14} wall {statistics.median(walls):.2f} s  cpu {statistics.median(cpus):.2f} s"
        )
    for key in ("later-a4", "later-letter", "progress-a4"):
        walls = [t[0] for r in rounds for t in r[key]]
        cpus = [t[1] for r in rounds for t in r[key]]
        size = rounds[0][key][0][2]
        print(
            f"  {key:14} wall {statistics.median(walls):.2f} s  cpu {statistics.median(cpus):.2f} s"
            f"  ({size / 1000:.0f} kB)"
        )


if __name__ == "__main__":
    main()
