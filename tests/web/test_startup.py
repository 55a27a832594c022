"""Starting servers: two at once on a fresh data folder both come up (migrations under a
lock), and the database files are readable by their owner only."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.web.server import Served, postgres_url, start_server

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("trial", range(3))
def test_two_servers_started_at_once_both_come_up(tmp_path: Path, trial: int) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir(mode=0o700)
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(start_server, folder) for _ in range(2)]
        started: list[Served] = []
        errors: list[str] = []
        for future in futures:
            try:
                started.append(future.result(timeout=120))
            except RuntimeError as exc:
                errors.append(str(exc))
    try:
        assert errors == []
        import requests

        for served in started:
            assert requests.get(served.base + "/api/points", timeout=30).status_code == 200
        # both printed a link for the same person: the later one retired the earlier
        valid = [requests.get(s.signin_link, timeout=30).status_code for s in started]
        assert sorted(valid) == [200, 400]
        files = [p for p in folder.iterdir() if p.name.startswith("acupressure.sqlite3")]
        # The -wal file exists only while a connection is open: gunicorn's master closes its
        # connection before forking, and SQLite removes the file with the last connection
        # (giving -wal and -shm the database file's mode whenever it makes them).
        modes = {}
        for p in files:
            try:
                modes[p.name] = stat.S_IMODE(p.stat().st_mode)
            except FileNotFoundError:  # a -wal or -shm file removed since the listing
                continue
        assert "acupressure.sqlite3" in modes
        assert modes == dict.fromkeys(modes, 0o600)
    finally:
        for served in started:
            served.stop()


def test_a_data_folder_open_to_others_is_named_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o755)
    served = start_server(folder)
    try:
        served.stop()
        assert f"the data folder {folder} is open to other users" in served.output()
    finally:
        if served.process.poll() is None:
            served.stop()


@pytest.mark.postgres
def test_two_servers_on_a_fresh_postgresql_database_both_come_up(tmp_path: Path) -> None:
    """The advisory lock: two servers migrate one fresh PostgreSQL database at once."""
    import secrets

    import requests

    url = postgres_url()
    psycopg = pytest.importorskip("psycopg")
    name = f"acup_race_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    admin.execute(f"CREATE DATABASE {name}")
    fresh = url.rsplit("/", 1)[0] + "/" + name
    started: list[Served] = []
    try:
        with ThreadPoolExecutor(2) as pool:
            futures = [
                pool.submit(start_server, tmp_path / f"d{n}", {"DATABASE_URL": fresh})
                for n in range(2)
            ]
            errors = []
            for future in futures:
                try:
                    started.append(future.result(timeout=120))
                except RuntimeError as exc:
                    errors.append(str(exc))
        assert errors == []
        for served in started:
            assert requests.get(served.base + "/api/points", timeout=30).status_code == 200
    finally:
        for served in started:
            served.stop()
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()
