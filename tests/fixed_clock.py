"""Run the CLI with its clock set: ``python tests/fixed_clock.py 2026-03-02T03:06:00+00:00
ARGS...`` is ``acupressure ARGS...`` at that moment, the clock then moving with real time.

For tests that drive the CLI in a pseudo-terminal (a separate process, where monkeypatch
cannot reach): what they see never depends on the hour they run at.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta


def main() -> None:
    start = datetime.fromisoformat(sys.argv[1])
    if start.tzinfo is None:
        raise SystemExit("the moment needs its offset, e.g. +00:00")
    began = time.monotonic()

    from acupressure import cli
    from acupressure.cli import common

    common.now = lambda: start + timedelta(seconds=time.monotonic() - began)  # type: ignore[assignment]
    sys.argv = ["acupressure", *sys.argv[2:]]
    cli.main()


if __name__ == "__main__":
    main()
