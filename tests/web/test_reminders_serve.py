"""`acupressure serve` runs a reminder worker beside the web server, and takes it down with it
(also when the server itself is killed: the worker dies with its parent on Linux)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from tests.web.server import start_server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]


def workers_of(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and command[-2:] == [b"worker", b""]:
            found.append(int(entry.name))
    return found


def one_worker(parent: int) -> int:
    """The server's worker (started before the server prints its link)."""
    found = workers_of(parent)
    assert len(found) == 1, found
    return found[0]


def gone(pid: int, within: float = 30) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # reap it if it is our grandchild turned zombie under init: nothing to do
            status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if status == "Z":
            return True
        time.sleep(0.2)
    return False


def test_serve_runs_one_worker_and_stops_it() -> None:
    served = start_server(args=("--workers", "1"))
    try:
        worker = one_worker(served.process.pid)
    finally:
        served.stop()
    assert gone(worker)


def test_the_worker_dies_with_a_killed_server() -> None:
    served = start_server(args=("--workers", "1"))
    try:
        worker = one_worker(served.process.pid)
        os.kill(served.process.pid, signal.SIGKILL)  # the server alone, not its group
        assert gone(worker)
    finally:
        served.kill()


def test_no_worker_with_no_reminders() -> None:
    served = start_server(args=("--workers", "1", "--no-reminders"))
    try:
        assert workers_of(served.process.pid) == []
    finally:
        served.stop()
