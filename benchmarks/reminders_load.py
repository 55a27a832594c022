"""Reminders at load: N people whose reminders fall due in the same minute, sent by
`acupressure worker` processes to a Web Push service on loopback.

It makes a throwaway data folder (SQLite) or uses ``--database-url`` (PostgreSQL; the
database is emptied), creates N people, each with a program and a push subscription (made
through the product's models in bulk, since making 10,000 people one by one is not what is
measured), lets their reminders fall due at one moment, starts ``--workers`` workers, and
prints how long the last reminder waited past its moment, with the median and p99, the rate,
and the workers' CPU time. The push service runs in this process on loopback: it accepts each
request (201) and records when it arrived; ``--verify`` makes it also check the VAPID
signature and decrypt the payload, as a real service and browser would (it then takes part
of the machine's cores itself).

    python benchmarks/reminders_load.py [--people 10000] [--workers 2] [--verify]
        [--database-url postgres://...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def _setup(people: int, origin: str, env: dict[str, str]) -> tuple[float, float]:
    """Make the people (tests/reminders/week.py --at-once): (the moment due, seconds taken)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "tests.reminders.week", str(people), origin, "--at-once"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return float(done.stdout.split()[0]), time.monotonic() - started


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verify", action="store_true")
    parser.add_argument("--database-url")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    from cryptography.hazmat.primitives.asymmetric import ec
    from tests.reminders.pushservice import Device, PushService, unb64

    folder = Path(tempfile.mkdtemp(prefix="reminders-load-"))
    with PushService() as push:
        env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder),
               "ACUPRESSURE_SECRET_KEY": "load", "ACUPRESSURE_PUSH_SERVICES": push.origin,
               "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}  # fmt: skip
        env.pop("DATABASE_URL", None)
        env.pop("DJANGO_SETTINGS_MODULE", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        due, setup = _setup(args.people, push.origin, env)
        if args.verify:
            for path, key in json.loads((folder / "devices.json").read_text()).items():
                private = ec.derive_private_key(key["key"], ec.SECP256R1())
                push.devices[path] = Device(push.origin + path, private, unb64(key["auth"]))
        else:
            push.accept = lambda path, headers, body: _count(push, path, headers)  # type: ignore[method-assign]
        workers = [
            subprocess.Popen([sys.executable, "-m", "acupressure", "worker"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(args.workers)
        ]  # fmt: skip
        try:
            deadline = time.monotonic() + args.timeout
            while len(push.received) < args.people and time.monotonic() < deadline:
                time.sleep(0.2)
            cpu = sum(_cpu(w.pid) for w in workers)
        finally:
            for w in workers:
                w.terminate()
            for w in workers:
                w.wait(timeout=60)
    waits = sorted(r.at - due for r in push.received)
    print(f"people {args.people}, workers {args.workers}, database "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}, verify {args.verify}, "
          f"setup {setup:.1f} s, load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    if not waits:
        print("nothing arrived")
        return
    q = statistics.quantiles(waits, n=100)
    print(f"arrived {len(waits)} of {args.people}; waited past the moment: "
          f"first {waits[0]:.1f} s, median {q[49]:.1f} s, p99 {q[98]:.1f} s, "
          f"last {waits[-1]:.1f} s (goal: last within 60 s)")  # fmt: skip
    span = max(waits[-1] - waits[0], 1e-9)
    print(f"rate {len(waits) / span:.0f} reminders/s; workers' CPU {cpu:.1f} s "
          f"({1000 * cpu / len(waits):.2f} ms a reminder)")  # fmt: skip


def _count(push: object, path: str, headers: dict[str, str]) -> int:
    from tests.reminders.pushservice import Received

    with push.lock:  # type: ignore[attr-defined]
        push.received.append(Received(path, "", "", {}, {}))  # type: ignore[attr-defined]
    return 201


if __name__ == "__main__":
    main()
