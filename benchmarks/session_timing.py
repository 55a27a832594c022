"""Timing of the session player on the real monotonic clock.

Plays a 60-step timeline of 1-second steps through the same loop as the terminal session
(``acupressure.session.run``), with no keys, and prints how late each step boundary was
noticed compared with its schedule (t0 + i seconds), in milliseconds.
Usage: .venv/bin/python benchmarks/session_timing.py [steps]
"""

from __future__ import annotations

import statistics
import sys
import time

from acupressure.plan.models import Step
from acupressure.session import Event, Player, monotonic, run


class NoKeys:
    def wait(self, timeout: float) -> str | None:
        time.sleep(timeout)
        return None


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    steps = [
        Step(kind="press", code=None, side=None, seconds=1, start=i, cue=f"step {i}")
        for i in range(count)
    ]
    player = Player(steps, monotonic)
    boundaries: list[float] = []  # observed - ideal, seconds, for boundaries 1..count
    t0: list[float] = []

    def on_event(event: Event) -> None:
        if event.kind == "start" and event.index == 0:
            t0.append(event.observed)
        elif event.kind == "end" and event.index is not None:
            ideal = t0[0] + event.index + 1
            boundaries.append(event.observed - ideal)

    run(player, NoKeys(), on_event=on_event)
    ms = [d * 1000 for d in boundaries]
    for i, d in enumerate(ms, 1):
        print(f"boundary {i:3d}: {d:+7.3f} ms")
    print(f"steps: {count} x 1 s, python {sys.version.split()[0]}")
    print(f"max deviation:   {max(ms):+.3f} ms")
    print(f"final deviation: {ms[-1]:+.3f} ms")
    print(f"mean first 10:   {statistics.mean(ms[:10]):+.3f} ms")
    print(f"mean last 10:    {statistics.mean(ms[-10:]):+.3f} ms")
    ok = abs(ms[-1]) < 20
    print("final deviation under 20 ms:", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
