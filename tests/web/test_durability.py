"""kill -9 during concurrent writes over HTTP: after a restart, every acknowledged write is there.

Several clients start guided sessions (each a new row) as fast as they can; the server, its
worker processes included, is killed with SIGKILL mid-stream and restarted on the same data
folder; every session whose creation was answered (302 to its page) must be in the database,
and the restarted server must serve it. Three rounds, on SQLite in WAL mode.
"""

from __future__ import annotations

import json
import sqlite3
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
    served = start_server(folder)  # recovers the database the kills left behind
    try:
        with sqlite3.connect(folder / "acupressure.sqlite3") as db:
            stored = {pk for (pk,) in db.execute("SELECT id FROM web_practicesession")}
        missing = sorted(set(total) - stored)
        print(f"kill -9 x3: {len(total)} acknowledged writes, {len(missing)} missing")
        assert missing == [], f"{len(missing)} of {len(total)} acknowledged sessions lost"
        http = served.signed_in()
        for pk in (min(total), max(total)):  # and the restarted server serves them
            assert http.get(f"{served.base}/session/{pk}/timeline.json", timeout=30).ok
    finally:
        served.stop()
