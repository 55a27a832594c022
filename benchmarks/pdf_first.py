"""The first "My routine" PDF a person gets from a fresh installation, over HTTP and from the CLI.

    python benchmarks/pdf_first.py [--rounds 3] [--next 5] [--area neck]

Each round starts ``acupressure serve`` (gunicorn, its default workers) in a new process with
an empty data folder and an empty cache folder (``XDG_CACHE_HOME``: no static build, no
chart kept: a fresh installation), signs in with the printed link, makes a program as the
"Make it a program" form does, opens its page, then asks for ``routine.pdf?paper=a4`` as a
browser does (its headers and cookies), timed from the request to the last byte:

- "at once": the PDF asked for as soon as a script can, while the server's warm-up
  (``exports/warm.py``) may still be drawing charts;
- "after warm-up": the same on a second fresh server, asked for once its chart-drawing
  process has ended (how long after the start that was is printed: a person who signs in,
  answers the screening and makes a program takes longer than that);
- "next": ``--next`` more PDFs from the same server.

Then the CLI: ``acupressure handout`` as a whole process, with an empty cache folder and
again with its charts kept. Wall-clock seconds, with the CPU seconds of the server's
processes (the workers and the gunicorn master; the warm-up's own process separately) or of
the CLI process; medians over rounds; the load average at the end. On a shared machine CPU
seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.server import Served, sign_in, start_server  # noqa: E402

BROWSER = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-US,en;q=0.9",
    "Accept-Encoding": "gzip, deflate, br",
}
TICK = os.sysconf("SC_CLK_TCK")
WARM = "acupressure.exports.warm"


@dataclass
class Timed:
    wall: float
    cpu: float  # the server's processes, the warm-up's excepted
    warm_cpu: float  # the warm-up's process, in the same time
    size: int


def _processes(session: int) -> dict[int, tuple[float, bool]]:
    """CPU seconds of each live process in the server's session, and whether it is the warm-up."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == session:  # field 6, the session id
            found[int(entry.name)] = (
                (int(fields[11]) + int(fields[12])) / TICK,
                WARM.encode() in cmdline,
            )
    return found


def _cpu(session: int) -> tuple[float, float]:
    seen = _processes(session).values()
    return sum(c for c, w in seen if not w), sum(c for c, w in seen if w)


def _warming(session: int) -> bool:
    return any(w for _c, w in _processes(session).values())


def _program(served: Served, area: str) -> tuple[object, str]:
    """Signed in, a program made through the form, its page opened: (session, PDF address)."""
    import re

    from acupressure.safety import Intake

    http = sign_in(served.base, served.signin_link)
    http.headers.update(BROWSER)
    page = http.get(served.base + "/privacy/", timeout=60).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, page[:300]
    form = {
        "intake": Intake(areas=[area], red_flags=[]).model_dump_json(),
        "weeks": "6",
        "per_day": "1",
        "at": "09:00",
        "tz": "Europe/Madrid",
        "csrfmiddlewaretoken": token.group(1),
    }
    made = http.post(
        served.base + "/program/new/",
        data=form,
        headers={"Referer": served.base + "/plan/"},
        allow_redirects=False,
        timeout=60,
    )
    assert made.status_code == 302, made.text[:300]
    pk = re.search(r"/program/(\d+)/", made.headers["Location"])[1]  # type: ignore[index]
    program = f"{served.base}/program/{pk}/"
    assert http.get(program, timeout=60).status_code == 200
    return http, program


def _pdf(served: Served, http: object, program: str) -> Timed:
    session = served.process.pid
    before, warm_before = _cpu(session)
    wall = time.perf_counter()
    with http.get(  # type: ignore[attr-defined]
        program + "routine.pdf?paper=a4",
        headers={"Referer": program, "Accept": BROWSER["Accept"]},
        stream=True,
        timeout=120,
    ) as answer:
        answer.raise_for_status()
        size = sum(len(chunk) for chunk in answer.iter_content(65536))
    wall = time.perf_counter() - wall
    after, warm_after = _cpu(session)
    assert answer.headers["Content-Type"] == "application/pdf"
    return Timed(wall, after - before, warm_after - warm_before, size)


def _fresh(area: str, wait: bool) -> tuple[Timed, float, list[Timed], float]:
    """(the first PDF, seconds from start to the link, the next ones, seconds from the
    start until the warm-up's drawing ended, or -1 if it had not ended by the first PDF)."""
    folder = Path(tempfile.mkdtemp(prefix="pdf-first-"))
    (folder / "data").mkdir()
    started = time.perf_counter()
    served = start_server(folder / "data", extra_env={"XDG_CACHE_HOME": str(folder / "cache")})
    up = time.perf_counter() - started
    try:
        if wait:
            while _warming(served.process.pid):
                time.sleep(0.2)
            warmed = time.perf_counter() - started
        http, program = _program(served, area)
        if not wait:
            warmed = -1.0 if _warming(served.process.pid) else time.perf_counter() - started
        first = _pdf(served, http, program)
        later = [_pdf(served, http, program) for _ in range(ARGS.next)]
    finally:
        served.stop()
        shutil.rmtree(folder, ignore_errors=True)  # the static build alone is 0.2 GB
    return first, up, later, warmed


def _cli(area: str, cache: Path) -> tuple[float, float]:
    out = cache / "routine.pdf"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "ACUPRESSURE_DATA_DIR": str(cache)}
    command = [sys.executable, "-m", "acupressure", "handout", "--area", area]
    command += ["--not-pregnant", "--no-red-flags", "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _line(label: str, walls: list[float], cpus: list[float], extra: str = "") -> None:
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"  {label:34} wall {wall:5.2f} s  cpu {cpu:5.2f} s{extra}")


def main() -> None:
    print(f"{ARGS.area}, A4, {ARGS.rounds} rounds, medians")
    print("web: first routine PDF after a fresh `acupressure serve` (empty data and cache folders)")
    for wait, label in ((False, "at once"), (True, "after warm-up")):
        rounds = [_fresh(ARGS.area, wait) for _ in range(ARGS.rounds)]
        firsts = [r[0] for r in rounds]
        warm = [f"{r[3]:.1f}" if r[3] >= 0 else "not yet" for r in rounds]
        _line(
            f"first PDF, {label}",
            [t.wall for t in firsts],
            [t.cpu for t in firsts],
            f"  (warm-up cpu meanwhile {statistics.median(t.warm_cpu for t in firsts):.2f} s;"
            f" {firsts[0].size / 1000:.0f} kB)",
        )
        print(
            f"    server up (link printed) after {statistics.median(r[1] for r in rounds):.1f} s;"
            f" warm-up drawing ended after (s): {', '.join(warm)}"
        )
        later = [t for r in rounds for t in r[2]]
        if later:
            _line(
                f"next {len(later)} PDFs, {label}", [t.wall for t in later], [t.cpu for t in later]
            )
    print("cli: `acupressure handout` as a whole process")
    for kept, label in ((False, "empty cache folder"), (True, "charts kept")):
        runs = []
        for _ in range(ARGS.rounds):
            with tempfile.TemporaryDirectory(prefix="pdf-first-cli-") as cache:
                if kept:
                    _cli(ARGS.area, Path(cache))
                runs.append(_cli(ARGS.area, Path(cache)))
        _line(f"handout, {label}", [w for w, _c in runs], [c for _w, c in runs])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average at the end: {load} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--next", type=int, default=5, help="PDFs after the first, per round")
    parser.add_argument("--area", default="neck")
    ARGS = parser.parse_args()
    main()
