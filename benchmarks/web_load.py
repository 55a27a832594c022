"""Load test of the web app as served by `acupressure serve`, on loopback only.

For each ``--workers`` count it starts the server and measures, under ``--clients``
concurrent keep-alive clients, requests per second and p50/p95/p99 latency for a point page,
POST /api/plan, GET /plan/ (the form) and the static file closest in size to the point page,
with each endpoint's share of the static file's rate: the median of ``--rounds`` rounds in
which the endpoints take turns, so that other work on the machine hits them alike. The load
comes from ApacheBench (`ab`, Debian's apache2-utils: `apt-get install apache2-utils`), a C
client that leaves the cores to the server; without it a Python client does, and eats much
of a small machine. ab rounds latencies to whole milliseconds.

Then, once: the bytes over the wire of a first visit (HTML plus the scripts, styles, icon and
manifest it references, as a browser asking for brotli and gzip gets them; bodies only) for
/, a point page, /plan/ and the session player, and the bytes the service worker fetches.
Last, for two or more worker counts: each endpoint's throughput over the first count's.

    python benchmarks/web_load.py [--workers 1 2] [--clients 20] [--requests 2000] [--rounds 3]
        [--database-url postgres://...]   # PostgreSQL (scripts/pg_test_cluster.sh makes one)
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

PLAN_BODY = json.dumps({"areas": ["lower-back", "neck"], "helper": True, "red_flags": []})
ASSETS = re.compile(r'<(?:script[^>]+src|link[^>]+href)="(/[^"]+)"')
BROWSER = {"Accept-Encoding": "br, gzip, deflate"}
SERVE = [sys.executable, "-m", "acupressure", "serve", "--host", "127.0.0.1", "--port", "0"]
STATIC = Path(__file__).parent.parent / "src/acupressure/web/static/web"


def start_server(
    folder: Path, workers: int, database: str | None
) -> tuple[subprocess.Popen[str], str, str]:
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder), "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if database:
        env["DATABASE_URL"] = database
    proc = subprocess.Popen(
        [*SERVE, *(["--workers", str(workers)] if workers else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"(http://127\.0\.0\.1:(\d+))/signin/link/\S+/", line)
        if found:
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            return proc, found.group(1), found.group(0)
    raise SystemExit("server did not start")


def ab_load(base: str, path: str, clients: int, total: int, body: str | None) -> dict[str, float]:
    command = ["ab", "-q", "-k", "-c", str(clients), "-n", str(total)]
    if body is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write(body)
        command += ["-p", f.name, "-T", "application/json"]
    out = subprocess.run([*command, base + path], capture_output=True, text=True, check=True)
    text = out.stdout
    failed = re.search(r"Failed requests:\s+(\d+)", text)
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", text)
    if (failed and int(failed.group(1))) or non2xx:
        raise SystemExit(f"ab saw failures on {path}:\n{text}")
    rps = re.search(r"Requests per second:\s+([\d.]+)", text)
    assert rps, text
    pct = {int(p): float(ms) for p, ms in re.findall(r"^\s+(\d+)%\s+(\d+)", text, re.M)}
    return {"n": total, "rps": float(rps.group(1)), "p50": pct[50], "p95": pct[95], "p99": pct[99]}


def py_load(base: str, path: str, clients: int, total: int, body: str | None) -> dict[str, float]:
    port = int(base.rsplit(":", 1)[1])
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def send(conn: http.client.HTTPConnection) -> None:
        if body is None:
            conn.request("GET", path)
        else:
            conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            t0 = time.perf_counter()
            send(conn)
            mine.append(time.perf_counter() - t0)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100)
    return {
        "n": len(latencies),
        "rps": len(latencies) / wall,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
    }


def first_visit(opener: urllib.request.OpenerDirector, base: str, path: str) -> tuple[int, int]:
    def fetch(url: str) -> bytes:
        with opener.open(urllib.request.Request(base + url, headers=BROWSER)) as r:
            data: bytes = r.read()
            return data

    html = fetch(path)
    plain = opener.open(base + path).read().decode()  # uncompressed, to find the assets
    total, count = len(html), 1
    for asset in dict.fromkeys(ASSETS.findall(plain)):
        total += len(fetch(asset))
        count += 1
    return total, count


def sign_in(opener: urllib.request.OpenerDirector, link: str) -> None:
    """The link's page has one button that signs in by POST (older versions signed in on the
    GET itself and redirected away)."""
    with opener.open(link) as response:
        page, landed = response.read().decode(), response.geturl()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if landed == link and token:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1)}).encode()
        opener.open(urllib.request.Request(link, data=body, headers={"Referer": link})).read()


def start_session(opener: urllib.request.OpenerDirector, base: str) -> str:
    page = opener.open(base + "/plan/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    intake = json.dumps(
        {"areas": ["lower-back"], "pregnant": True, "trimester": 2, "helper": True, "red_flags": []}
    )
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "intake": intake})
    request = urllib.request.Request(
        base + "/session/start/", data=data.encode(), headers={"Referer": base + "/plan/"}
    )
    response = opener.open(request)
    return urllib.parse.urlparse(response.geturl()).path


def similar_static(size: int) -> str:
    files = [p for p in STATIC.rglob("*.*") if p.is_file()]
    best = min(files, key=lambda p: abs(p.stat().st_size - size))
    return "/static/web/" + best.relative_to(STATIC).as_posix()


def measure(base: str, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    with urllib.request.urlopen(base + "/points/BL23/") as r:
        point_size = len(r.read())
    static = similar_static(point_size)
    cases: list[tuple[str, str, str | None]] = [
        ("point page /points/BL23/", "/points/BL23/", None),
        ("POST /api/plan", "/api/plan", PLAN_BODY),
        ("GET /plan/", "/plan/", None),
        (f"static {static.rsplit('/', 1)[1]}", static, None),
    ]
    load = ab_load if args.client == "ab" else py_load
    for _, path, body in cases:  # warm up every worker's caches
        load(base, path, args.clients, args.clients * 4, body)
    # Rounds over all endpoints in turn, so that a burst of other work on the machine hits
    # them alike; each endpoint's median round (by req/s) is reported.
    rounds: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in cases}
    for _ in range(args.rounds):
        for name, path, body in cases:
            rounds[name].append(load(base, path, args.clients, args.requests, body))
    results = {
        name: sorted(runs, key=lambda r: r["rps"])[len(runs) // 2] for name, runs in rounds.items()
    }
    static_rps = results[cases[-1][0]]["rps"]
    print(
        f"{args.clients} clients ({args.client}), median of {args.rounds} rounds of "
        f"{args.requests} requests; "
        f"point page {point_size} B, static {Path(STATIC.parent.parent, static[1:]).name}"
    )
    print(f"{'endpoint':30} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'/static':>8}")
    for name, r in results.items():
        print(
            f"{name:30} {r['rps']:8.1f} {r['p50']:7.1f} {r['p95']:7.1f} {r['p99']:7.1f} "
            f"{r['rps'] / static_rps:8.2f}"
        )
    return results


def wire_bytes(base: str, link: str) -> None:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    print("first visit, bytes over the wire (br/gzip as a browser asks; bodies only):")
    for label, path in (("/", "/"), ("point page", "/points/BL23/"), ("/plan/", "/plan/")):
        size, files = first_visit(opener, base, path)
        print(f"  {label:28} {size:8d} B in {files} files")
    sign_in(opener, link)
    player = start_session(opener, base)
    size, files = first_visit(opener, base, player)
    # the chart of the first step, which the browser fetches when the session starts
    page = opener.open(base + player).read().decode()
    chart = re.search(r'<img[^>]+src="(/points/\w+/chart\.svg)"', page)
    if chart:
        request = urllib.request.Request(base + chart.group(1), headers=BROWSER)
        with opener.open(request) as r:
            size += len(r.read())
            files += 1
    print(f"  {'player ' + player + ' +chart':28} {size:8d} B in {files} files")
    points = json.loads(opener.open(base + "/api/points").read())
    precache = ["/", "/points/", "/about/", "/plan/", "/offline/", "/api/points"]
    precache += [f"/points/{p['code']}/" for p in points]
    sw_bytes = 0
    for p in precache:
        with opener.open(urllib.request.Request(base + p, headers=BROWSER)) as r:
            sw_bytes += len(r.read())
    print(f"  service worker precache      {sw_bytes:8d} B in {len(precache)} files")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Load test of `acupressure serve` (see the module's docstring)."
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="counts to run (0: the server's default, for versions without --workers)",
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint and round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all endpoints")
    parser.add_argument(
        "--client", choices=["ab", "python"], default="ab" if shutil.which("ab") else "python"
    )
    parser.add_argument("--database-url", help="PostgreSQL to use instead of SQLite")
    args = parser.parse_args()
    print(f"database: {'PostgreSQL' if args.database_url else 'SQLite'}; load {os.getloadavg()}")
    runs: dict[int, dict[str, dict[str, float]]] = {}
    for index, workers in enumerate(args.workers):
        folder = Path(tempfile.mkdtemp(prefix="acupressure-bench-"))
        proc, base, link = start_server(folder, workers, args.database_url)
        try:
            print(f"\n== --workers {workers}")
            runs[workers] = measure(base, args)
            if index == 0:
                print()
                wire_bytes(base, link)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            shutil.rmtree(folder, ignore_errors=True)
    if len(runs) > 1:
        first, *others = list(runs)
        print(f"\nthroughput over --workers {first}:")
        for n in others:
            cells = ", ".join(
                f"{name.split(' /')[0]} {runs[n][name]['rps'] / r['rps']:.2f}x"
                for name, r in runs[first].items()
            )
            print(f"  --workers {n}: {cells}")


if __name__ == "__main__":
    main()
