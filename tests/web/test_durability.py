"""kill -9 during concurrent writes over HTTP: after a restart, every acknowledged write is there.

Several clients start guided sessions (each a new row) as fast as they can; the server is
killed with SIGKILL mid-stream, restarted on the same data folder, and every session whose
creation was answered (302 to its page) must open. Three rounds, on SQLite in WAL mode.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from tests.web.server import Served, csrf_form, start_server

pytestmark = pytest.mark.slow
INTAKE = json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})
WRITERS = 4


def _write_until_killed(served: Served, acknowledged: list[int], stop: threading.Event) -> None:
    import requests

    http = served.signed_in()
    form = {**csrf_form(http, served.base, "/plan/"), "intake": INTAKE}
    headers = {"Referer": served.base + "/plan/"}

    def writer() -> None:
        while not stop.is_set():
            try:
                answer = http.post(
                    served.base + "/session/start/",
                    data=form,
                    headers=headers,
                    allow_redirects=False,
                    timeout=10,
                )
            except requests.RequestException:
                return  # the server is gone
            if answer.status_code == 302:
                acknowledged.append(int(answer.headers["Location"].strip("/").split("/")[-1]))

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    served.kill()  # mid-stream: writers are still sending
    stop.set()
    for thread in threads:
        thread.join(timeout=30)


def test_every_acknowledged_write_survives_kill_9(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    total: list[int] = []
    for _ in range(3):
        served = start_server(folder)
        acknowledged: list[int] = []
        _write_until_killed(served, acknowledged, threading.Event())
        assert len(acknowledged) >= 10, "too few writes before the kill to mean anything"
        total += acknowledged
    served = start_server(folder)
    try:
        http = served.signed_in()
        missing = [
            pk
            for pk in total
            if http.get(f"{served.base}/session/{pk}/timeline.json", timeout=30).status_code != 200
        ]
        print(f"kill -9 x3: {len(total)} acknowledged writes, {len(missing)} missing")
        assert missing == [], f"{len(missing)} of {len(total)} acknowledged sessions lost"
    finally:
        served.stop()
