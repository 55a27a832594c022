"""Older static builds are removed, but never one that a running server still serves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from acupressure.web import staticbuild

pytestmark = pytest.mark.skipif(staticbuild.fcntl is None, reason="needs fcntl (POSIX)")

HOLDER = """
import sys
from pathlib import Path
from acupressure.web import staticbuild
staticbuild._hold(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()  # serve until told to stop
"""


def _build(base: Path, name: str) -> Path:
    folder = base / name
    (folder / "web").mkdir(parents=True)
    (folder / "staticfiles.json").write_text("{}", encoding="utf-8")
    (folder / "web" / "site.js").write_text("//", encoding="utf-8")
    return folder


def test_a_build_that_a_server_holds_is_kept_until_it_stops(tmp_path: Path) -> None:
    served, stale, current = (_build(tmp_path, f"static-{n}") for n in ("old", "older", "new"))
    server = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(served)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline() == "held\n"
        staticbuild.prune(tmp_path, keep=current)
        assert (served / "web" / "site.js").is_file()  # a running server serves it
        assert not stale.exists() and not (tmp_path / "static-older.lock").exists()
        assert (current / "staticfiles.json").is_file()
    finally:
        server.communicate("", timeout=30)
    staticbuild.prune(tmp_path, keep=current)  # that server has stopped
    assert not served.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["static-new"]


def test_the_folder_this_process_serves_is_held(tmp_path: Path) -> None:
    folder = _build(tmp_path, "static-mine")
    handle = staticbuild._hold(folder)
    try:
        staticbuild.prune(tmp_path, keep=_build(tmp_path, "static-next"))
        assert (folder / "staticfiles.json").is_file()
    finally:
        staticbuild._release(handle)
    staticbuild.prune(tmp_path, keep=tmp_path / "static-next")
    assert not folder.exists()
