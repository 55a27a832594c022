"""Run `acupressure serve` in a subprocess for browser tests and benchmarks."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Served:
    process: subprocess.Popen[str]
    base: str  # http://127.0.0.1:PORT
    signin_link: str
    data_dir: Path
    reader: threading.Thread
    lines: list[str]  # everything the server printed (read until it ends)

    def output(self) -> str:
        return "".join(self.lines)

    def signed_in(self) -> Any:
        """A requests session signed in with the printed link (its page's button, by POST)."""
        return sign_in(self.base, self.signin_link)

    def kill(self) -> None:
        """kill -9 of the whole server, its worker processes too (they are in the server's
        own process group): no clean shutdown, nothing flushed by any of them."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def sign_in(base: str, link: str) -> Any:
    import requests

    http = requests.Session()
    page = http.get(link, timeout=30)
    page.raise_for_status()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, page.text
    answer = http.post(
        link, data={"csrfmiddlewaretoken": token.group(1)}, headers={"Referer": link}, timeout=30
    )
    assert answer.url == base + "/", answer.url
    return http


def csrf_form(http: Any, base: str, path: str) -> dict[str, str]:
    """The CSRF token of the form on the page at `path`, for a POST by `http`."""
    page = http.get(base + path, timeout=30).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, page[:500]
    return {"csrfmiddlewaretoken": token.group(1)}


def start_server(
    data_dir: Path | None = None,
    extra_env: dict[str, str] | None = None,
    args: tuple[str, ...] = (),
) -> Served:
    folder = data_dir or Path(tempfile.mkdtemp(prefix="acupressure-serve-"))
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder), "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra_env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "acupressure", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,  # a process group of its own: kill() reaches the workers too
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        link = re.search(r"(http://127\.0\.0\.1:\d+)/signin/link/\S+/", line)
        if link:
            # keep reading so the server never blocks on a full pipe
            reader = threading.Thread(target=lines.extend, args=(process.stdout,), daemon=True)
            reader.start()
            return Served(process, link.group(1), link.group(0), folder, reader, lines)
        if len(lines) > 50:
            break
    process.kill()
    process.wait(timeout=10)
    process.stdout.close()
    raise RuntimeError("acupressure serve did not start:\n" + "".join(lines))


def postgres_url() -> str:
    url = os.environ.get("ACUPRESSURE_TEST_DATABASE_URL", "")
    if not url and os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        url = os.environ["DATABASE_URL"]
    if not url:
        pytest.skip(
            "no PostgreSQL: set ACUPRESSURE_TEST_DATABASE_URL (scripts/test.sh starts one as root)"
        )
    return url


def pytest_on_postgres(modules: list[Path], timeout: int) -> subprocess.CompletedProcess[str]:
    """Run test modules in a child pytest on PostgreSQL (Django picks its database once, at
    start-up); skips when there is no reachable server."""
    url = postgres_url()
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at {url.split('@')[-1]} not reachable: {exc}")
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("ACUPRESSURE_TEST_DATABASE_URL", None)
    return pytest_child(modules, env, timeout)


def pytest_child(
    modules: list[Path], env: dict[str, str], timeout: int
) -> subprocess.CompletedProcess[str]:
    """Run test modules in a child pytest with this environment (its database chosen by it)."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *map(str, modules)]
    return subprocess.run(
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=Path(__file__).parents[2],
        check=False,
    )
