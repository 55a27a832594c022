"""`acupressure serve --workers 2`: gunicorn processes that share sign-in, sessions and the
diary through the database, and static files served pre-compressed with long cache headers."""

from __future__ import annotations

import http.client
import re
import socket
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.server import Served, start_server

from acupressure.cli.workers import KEEPALIVE_REQUESTS, REUSE_PORT, listen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn needs fork")


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    server = start_server(args=("--workers", "2"))
    yield server
    server.stop()


def _workers(served: Served) -> set[int]:
    """The server's web worker processes (not the reminder worker nor the PDF charts'
    drawing process that `serve` also starts)."""
    children = Path(f"/proc/{served.process.pid}/task/{served.process.pid}/children")
    pids = {int(pid) for pid in children.read_text().split()}
    return {p for p in pids if not _is_helper(p)}


def _is_helper(pid: int) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return command[-2:] == [b"worker", b""] or b"acupressure.exports.warm" in command


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Connection": "close", **(headers or {})})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def _all_workers(served: Served) -> set[int]:
    deadline = time.monotonic() + 20  # the address is printed before the workers fork
    while len(_workers(served)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    return _workers(served)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_two_worker_processes_serve(served: Served) -> None:
    assert len(_all_workers(served)) == 2


def test_sign_in_and_diary_hold_across_workers(served: Served) -> None:
    http = served.signed_in()  # the link's button, by POST
    http.headers["Connection"] = "close"  # a new connection each time: any worker answers
    for _ in range(12):
        diary = http.get(served.base + "/diary/", timeout=30)
        assert diary.url.endswith("/diary/")  # not sent to sign in by another worker
        assert "Sign out" in diary.text
    page = http.get(served.base + "/points/LI4/", timeout=30).text  # a page from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token and "Sign out" in page
    answer = http.post(
        served.base + "/diary/checkin/",
        data={"csrfmiddlewaretoken": token.group(1), "area": "neck", "pain": "3", "note": ""},
        headers={"Referer": served.base + "/diary/"},
        timeout=30,
    )
    assert answer.status_code == 200
    checkins = http.get(served.base + "/api/diary/checkins", timeout=30).json()
    assert [c["pain"] for c in checkins] == [3]


def test_a_keep_alive_connection_is_closed_every_hundred_requests(served: Served) -> None:
    """So that clients that hold their connections spread over the workers again."""
    host, port = served.base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        answers = []
        for _ in range(KEEPALIVE_REQUESTS):
            connection.request("GET", "/points/LI4/")
            response = connection.getresponse()
            response.read()
            answers.append((response.status, response.getheader("Connection"), connection.sock))
    finally:
        connection.close()
    assert all(status == 200 for status, _, _ in answers)
    assert all(sock is answers[0][2] for _, _, sock in answers[:-1])  # one connection
    assert {header for _, header, _ in answers[:-1]} == {"keep-alive"}
    assert answers[-1][1] == "close" and answers[-1][2] is None  # http.client closed it


def _tcp(port: int) -> list[tuple[str, int]]:
    """(state, inode) of the server side sockets on ``port`` (IPv4, from /proc/net/tcp):
    state "0A" listens, "01" is an open connection."""
    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port:
            found.append((fields[3], int(fields[9])))
    return found


def _owner(inodes: dict[int, int], pid: int) -> None:
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.setdefault(int(target[8:-1]), pid)


@pytest.mark.skipif(not REUSE_PORT, reason="Linux only")
def test_each_worker_listens_too_and_connections_spread(served: Served) -> None:
    """Keep-alive clients that connect at once go to both workers (each has a listening
    socket of its own on the port, and the kernel spreads connections over them), not all
    to whichever worker woke first."""
    port = int(served.base.rsplit(":", 1)[1])
    workers = _all_workers(served)
    deadline = time.monotonic() + 20  # each worker opens its socket as it starts

    def listening() -> int:
        return [state for state, _ in _tcp(port)].count("0A")

    while listening() < 1 + len(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert listening() == 1 + len(workers)
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(30)]
    try:
        for client in clients:
            client.sendall(b"GET /points/LI4/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        for client in clients:
            assert client.recv(12).startswith(b"HTTP/1.1 200")
        owners: dict[int, int] = {}
        for pid in workers:
            _owner(owners, pid)
        held = [owners.get(inode) for state, inode in _tcp(port) if state == "01"]
        counts = {pid: held.count(pid) for pid in workers}
        assert sum(counts.values()) == 30 and all(counts.values()), counts  # all on one: 1e-5
    finally:
        for client in clients:
            client.close()


def test_a_port_the_server_holds_is_refused_to_another(served: Served) -> None:
    """Sharing the port with the workers' own sockets must not let a second server in."""
    port = int(served.base.rsplit(":", 1)[1])
    with pytest.raises(OSError, match="in use"):
        listen("127.0.0.1", port)


def test_static_files_come_compressed_with_far_future_headers(served: Served) -> None:
    _, page = _get(served.base + "/")
    script = re.search(r'src="(/static/web/site\.[0-9a-f]{12}\.js)"', page.decode())
    assert script, "static URLs carry a content hash"
    for asked, encoding in (("br", "br"), ("gzip", "gzip")):
        headers, body = _get(served.base + script.group(1), {"Accept-Encoding": asked})
        assert headers["Content-Encoding"] == encoding
        assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
    headers, body = _get(served.base + script.group(1))
    assert "Content-Encoding" not in headers and b"serviceWorker" in body


class FakeWaitress:
    effective_port = 8123
    ran = False

    def run(self) -> None:
        FakeWaitress.ran = True


def test_without_fork_one_waitress_process_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from acupressure.cli import app, serve

    made: list[tuple[str, int]] = []
    monkeypatch.setattr(serve, "can_fork", lambda: False)
    monkeypatch.setattr(serve, "setup_django", lambda host: None)
    monkeypatch.setattr(serve, "prepare", lambda: "token")
    monkeypatch.setattr(serve, "make_server", lambda h, p: made.append((h, p)) or FakeWaitress())
    result = CliRunner().invoke(app, ["serve", "--port", "0", "--workers", "3"])
    assert result.exit_code == 0, result.output
    assert made == [("127.0.0.1", 0)] and FakeWaitress.ran
    assert "http://127.0.0.1:8123/signin/link/token/" in result.output
    assert "one waitress process serves" in result.output


def _maps(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return ""


def test_each_worker_loads_the_pdf_engine_before_any_pdf_is_asked_for(served: Served) -> None:
    """WeasyPrint and Pango are loaded in each worker as it starts (exports/warm.py), so
    the first PDF does not wait for them; nothing here has asked for a PDF."""
    workers = _all_workers(served)
    deadline = time.monotonic() + 60  # a background thread: on a busy machine, seconds
    while time.monotonic() < deadline:
        if all("libpango" in _maps(pid) for pid in workers):
            break
        time.sleep(0.2)
    assert [pid for pid in workers if "libpango" not in _maps(pid)] == []
