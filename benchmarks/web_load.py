"""Load test of the web app as served by `acupressure serve` (waitress), on loopback only.

Measures, in one run, requests per second and p50/p95/p99 latency under 20 concurrent
clients (threads with keep-alive connections) for: a point page, POST /api/plan, and the
static file closest in size to the point page; prints each one's ratio to the static file.
Then the bytes a first visit transfers (HTML plus the scripts, styles, icon and manifest it
references; uncompressed, as served) for /, a point page and the session player, and the
bytes the service worker fetches to keep the atlas offline.

    python benchmarks/web_load.py [--clients 20] [--requests 2000] [--seconds 30]
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

PLAN_BODY = json.dumps({"areas": ["lower-back", "neck"], "helper": True, "red_flags": []})
ASSETS = re.compile(r'<(?:script[^>]+src|link[^>]+href)="(/[^"]+)"')


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str, str]:
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder), "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "acupressure", "serve", "--host", "127.0.0.1", "--port", "0"],
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


Request = Callable[[http.client.HTTPConnection], int]


def get(path: str) -> Request:
    def send(conn: http.client.HTTPConnection) -> int:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200, (path, response.status)
        return len(body)

    return send


def post_plan(conn: http.client.HTTPConnection) -> int:
    conn.request("POST", "/api/plan", body=PLAN_BODY, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    body = response.read()
    assert response.status == 200, response.status
    return len(body)


def load(port: int, send: Request, clients: int, total: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while time.monotonic() < deadline:
            with lock:
                if next(counter, None) is None:
                    break
            t0 = time.perf_counter()
            send(conn)
            mine.append(time.perf_counter() - t0)
        conn.close()
        with lock:
            latencies.extend(mine)

    for _ in range(clients // 2):  # warm up connections and caches
        conn = http.client.HTTPConnection("127.0.0.1", port)
        send(conn)
        conn.close()
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
    html = opener.open(base + path).read()
    total, count = len(html), 1
    for asset in dict.fromkeys(ASSETS.findall(html.decode())):
        total += len(opener.open(base + asset).read())
        count += 1
    return total, count


def start_session(opener: urllib.request.OpenerDirector, base: str) -> str:
    page = opener.open(base + "/plan/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    intake = json.dumps({"areas": ["lower-back"], "pregnant": True, "trimester": 2, "helper": True})
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "intake": intake})
    request = urllib.request.Request(
        base + "/session/start/", data=data.encode(), headers={"Referer": base + "/plan/"}
    )
    response = opener.open(request)
    return urllib.parse.urlparse(response.geturl()).path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=30.0, help="limit per endpoint")
    args = parser.parse_args()
    proc, base, link = start_server(Path(tempfile.mkdtemp(prefix="acupressure-bench-")))
    port = int(base.rsplit(":", 1)[1])
    try:
        with urllib.request.urlopen(base + "/points/BL23/") as r:
            point_size = len(r.read())
        root = Path(__file__).parent.parent / "src/acupressure/web/static/web"
        statics = sorted(
            (p for p in root.rglob("*.*") if p.is_file()),
            key=lambda p: abs(p.stat().st_size - point_size),
        )
        static = "/static/web/" + statics[0].relative_to(root).as_posix()
        cases = [
            ("point page /points/BL23/", get("/points/BL23/")),
            ("POST /api/plan", post_plan),
            (f"static {static}", get(static)),
        ]
        print(
            f"{args.clients} concurrent clients, up to {args.requests} requests or "
            f"{args.seconds:.0f} s each; point page {point_size} B, static "
            f"{statics[0].stat().st_size} B"
        )
        results = {
            name: load(port, send, args.clients, args.requests, args.seconds)
            for name, send in cases
        }
        static_rps = results[cases[2][0]]["rps"]
        print(
            f"{'endpoint':34} {'n':>5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'p99 ms':>8} {'rps/static':>10}"
        )
        for name, r in results.items():
            print(
                f"{name:34} {r['n']:5.0f} {r['rps']:8.1f} {r['p50']:8.1f} {r['p95']:8.1f} "
                f"{r['p99']:8.1f} {r['rps'] / static_rps:10.2f}"
            )

        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        print("\nfirst visit (HTML + referenced files, uncompressed):")
        for label, path in (("/", "/"), ("point page", "/points/BL23/")):
            size, files = first_visit(opener, base, path)
            print(f"  {label:28} {size:8d} B in {files} files")
        page = opener.open(link).read().decode()  # the link's page: one button, by POST
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1)}).encode()
        opener.open(urllib.request.Request(link, data=body, headers={"Referer": link}))
        player = start_session(opener, base)
        size, files = first_visit(opener, base, player)
        print(f"  {'player ' + player:28} {size:8d} B in {files} files")
        points = json.loads(opener.open(base + "/api/points").read())
        precache = ["/", "/points/", "/about/", "/plan/", "/offline/", "/api/points"]
        precache += [f"/points/{p['code']}/" for p in points]
        sw_bytes = sum(len(opener.open(base + p).read()) for p in precache)
        print(f"  service worker precache      {sw_bytes:8d} B in {len(precache)} files")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
