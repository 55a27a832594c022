"""The live page's server answer: POST /api/locate/landmarks with one frame's landmarks and a
point to press, under concurrent clients, as served by `acupressure serve` (gunicorn,
``--workers`` processes, one per core by default).

The goal (issue 13): p99 under 15 ms with 20 clients, so that the verdict keeps up with a
phone camera's frame rate. Two frames: two hands pressing LI4 (the hands view) and a body
from the front pressing CV6 (Pose only, as the live page sends it). Two loads each:

- paced: 20 clients each sending one frame per camera frame (--fps, default 15; the live
  page sends a frame only when MediaPipe in the browser has processed one, with at most
  one request in flight), which is what the live page does;
- saturated: 20 clients sending back to back (latency is then about clients / throughput).

The clients are Python threads on the same machine, so they take CPU from the server; the
load average before each run is printed with the figures.

"srv cpu" and "cli cpu" are the CPU milliseconds per request that the server (all its
processes) and the clients used.

    python benchmarks/press_landmarks.py [--clients 20] [--fps 15] [--seconds 20] [--workers N]
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from web_load import run_clients, start_server, summary

# A left hand showing its palm, fingers up (MediaPipe's 21 points; one unit = wrist to
# middle knuckle); the other three hands are its mirror images.
HAND = [
    (0.00, 0.00), (-0.35, -0.15), (-0.60, -0.35), (-0.75, -0.55), (-0.85, -0.75),
    (-0.30, -0.90), (-0.33, -1.25), (-0.35, -1.45), (-0.37, -1.65),
    (-0.05, -0.95), (-0.05, -1.35), (-0.05, -1.60), (-0.05, -1.80),
    (0.20, -0.90), (0.22, -1.25), (0.24, -1.48), (0.25, -1.65),
    (0.42, -0.80), (0.47, -1.05), (0.50, -1.22), (0.52, -1.38),
]  # fmt: skip


def hand(flip: bool, size: float, angle: float, at: tuple[float, float]) -> list[list[float]]:
    a = math.radians(angle)
    out = []
    for x, y in HAND:
        x = -x if flip else x
        rx, ry = x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)
        out.append([(at[0] + rx * size) / 640, (at[1] + ry * size) / 480])
    return out


def hands_frame() -> dict[str, object]:
    target = hand(False, 150, 10, (300, 420))  # a right hand showing its back
    presser = hand(False, 150, 200, (420, 120))  # the left hand reaching in from above
    return {
        "width": 640,
        "height": 480,
        "press": "LI4",
        "points": ["LI4"],  # as the live page sends it
        "hands": [
            {"label": "Left", "score": 0.97, "landmarks": target},
            {"label": "Right", "score": 0.95, "landmarks": presser},
        ],
    }


def body_frame() -> dict[str, object]:
    side = [  # MediaPipe's left side (odd indices 11-31), mm, person facing the camera
        (170, 325), (200, 600), (120, 830), (125, 900), (110, 905), (100, 880),
        (88, 815), (92, 1242), (92, 1598), (95, 1640), (110, 1700),
    ]  # fmt: skip
    face = [(0, 115), (15, 95), (30, 95), (42, 95), (-15, 95), (-30, 95), (-42, 95)]
    face += [(72, 110), (-72, 110), (20, 150), (-20, 150)]
    mm = list(face)
    for x, y in side:
        mm += [(x, y), (-x, y)]
    k = 440 / 1750
    points = [[(320 + x * k) / 640, (20 + y * k) / 480] for x, y in mm]
    return {
        "width": 640,
        "height": 480,
        "press": "CV6",
        "points": ["CV6"],
        "view": "front",
        "pose": {"landmarks": points, "visibility": [0.99] * 33},
    }


def poster(base: str, frame: dict[str, object]):  # type: ignore[no-untyped-def]
    conn = http.client.HTTPConnection(base.split("//")[1])
    conn.request("GET", "/camera/live/")
    response = conn.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie") or ""
    token = re.search(r"csrftoken=([^;]+)", cookie)
    assert token, "no CSRF cookie"
    body = json.dumps(frame)
    headers = {
        "Content-Type": "application/json",
        "Accept-Encoding": "gzip, deflate, br",  # as a browser sends it: the answer is gzipped
        "X-CSRFToken": token.group(1),
        "Cookie": f"csrftoken={token.group(1)}",
    }

    def send(conn: http.client.HTTPConnection) -> int:
        conn.request("POST", "/api/locate/landmarks", body=body, headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        assert answer.status == 200, (answer.status, data[:200])
        return len(data)

    check = http.client.HTTPConnection(base.split("//")[1])
    check.request("POST", "/api/locate/landmarks", body=body, headers=headers)
    answer = check.getresponse()
    data = answer.read()
    if answer.getheader("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    verdict = json.loads(data)["press"]
    return send, verdict


def paced(port: int, send, clients: int, fps: float, seconds: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Each client sends a frame every 1/fps s (at once when the last answer came late),
    the clients' starts spread over one frame interval."""
    begun = time.perf_counter()

    def due(client: int, k: int) -> float | None:
        start = begun + client / (fps * clients)
        when = start + k / fps
        return None if when > start + seconds else when

    return summary(run_clients(port, clients, send, due)[0], seconds)


def saturated(port: int, send, clients: int, seconds: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Each client sends its next frame as soon as the last answer came, for ``seconds``."""
    deadline = time.perf_counter() + seconds

    def due(client: int, k: int) -> float | None:
        return 0.0 if time.perf_counter() < deadline else None

    return summary(*run_clients(port, clients, send, due))


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children so far (Linux /proc; 0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, todo = 0.0, [pid]
    while todo:
        one = todo.pop()
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{one}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def load_text() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f}/{five:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--fps", type=float, default=15.0, help="frames per second per client")
    parser.add_argument("--seconds", type=float, default=20.0, help="per frame and load")
    parser.add_argument("--workers", type=int, default=0, help="0: the server's default")
    args = parser.parse_args()
    # the 20 clients stand for 20 phones, each under the per-client limit (1200 frames a
    # minute); here they all come from 127.0.0.1, so the limit is lifted for the run
    os.environ["ACUPRESSURE_LANDMARKS_PER_MINUTE"] = str(10**9)
    folder = Path(tempfile.mkdtemp(prefix="acupressure-bench-"))
    proc, base, _ = start_server(folder, args.workers, None)
    port = int(base.rsplit(":", 1)[1])
    try:
        print(
            f"{args.clients} concurrent clients, POST /api/locate/landmarks (goal: p99 < 15 ms); "
            f"{os.cpu_count()} cores, --workers {args.workers or 'default'}"
        )
        print(f"{'frame':22} {'verdict':8} {'load':13} {'n':>5} {'req/s':>7} {'p50 ms':>7} "
              f"{'p95 ms':>7} {'p99 ms':>7} {'srv cpu':>7} {'cli cpu':>7}  "
              "load 1/5 min before")  # fmt: skip
        frames = (("two hands, press LI4", hands_frame()), ("body, press CV6", body_frame()))
        for name, frame in frames:
            send, verdict = poster(base, frame)
            runs = {
                "one client": lambda send=send: saturated(port, send, 1, args.seconds / 4),
                f"paced {args.fps:g} fps": lambda send=send: paced(
                    port, send, args.clients, args.fps, args.seconds
                ),
                "saturated": lambda send=send: saturated(port, send, args.clients, args.seconds),
            }
            for how, run in runs.items():
                before = load_text()
                server, client = cpu_seconds(proc.pid), time.process_time()
                r = run()
                server, client = cpu_seconds(proc.pid) - server, time.process_time() - client
                print(
                    f"{name:22} {verdict['verdict']:8} {how:13} {r['n']:5.0f} {r['rps']:7.1f} "
                    f"{r['p50']:7.1f} {r['p95']:7.1f} {r['p99']:7.1f} "
                    f"{server / r['n'] * 1000:7.2f} {client / r['n'] * 1000:7.2f}  {before}",
                    flush=True,
                )
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
