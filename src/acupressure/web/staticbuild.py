"""Build the static files once per release: content-hashed names plus brotli and gzip copies.

``compiled_static()`` returns a folder that whitenoise serves with far-future cache headers
(``ACUPRESSURE_COMPILED_STATIC``). The folder's name carries a stamp of every static file
(path, size, modification time) and of Django's version, so a change rebuilds it and an
unchanged release reuses it: the first start after an install takes a few seconds, later
ones none. The build runs `collectstatic` in a child process (Django's storage is chosen
when settings load) into a temporary folder that is renamed into place, so two servers
starting at once never see half a build.

Older builds are removed, but never one that a running server serves: each server holds a
shared lock on its build's lock file (``static-STAMP.lock``, beside the folder) for as long
as it (or a worker forked from it) lives, and a build is removed only under the exclusive
lock, which it cannot get while any server holds the shared one. So two releases started on
one machine (a rollout, two checkouts) do not pull the static files from under each other.
Without ``fcntl`` (Windows) older builds are left in place.

    python -m acupressure.web.staticbuild          # build (if needed); print the folder
    python -m acupressure.web.staticbuild FOLDER   # what the child process runs
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

import platformdirs

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PACKAGE_DIR = Path(__file__).resolve().parent
ENV = "ACUPRESSURE_COMPILED_STATIC"
_HELD: list[IO[bytes]] = []  # lock files this process holds open (shared) while it serves


def static_files() -> list[Path]:
    """Every file under the web app's static folders (the app's own and the camera's)."""
    return sorted(
        f for folder in PACKAGE_DIR.rglob("static") if folder.is_dir() for f in folder.rglob("*")
        if f.is_file()
    )  # fmt: skip


def stamp() -> str:
    import django

    digest = hashlib.sha256(django.get_version().encode())
    for f in static_files():
        info = f.stat()
        digest.update(
            f"{f.relative_to(PACKAGE_DIR)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()[:16]


def cache_root() -> Path:
    return Path(platformdirs.user_cache_dir("acupressure"))


def compiled_static(root: Path | None = None) -> Path:
    """The built static folder for this release, built now if it is missing, and held (a
    shared lock) for as long as this process lives."""
    base = root or cache_root()
    target = base / f"static-{stamp()}"
    for _ in range(3):
        if not _ready(target):
            _build_into(base, target)
        held = _hold(target)
        if _ready(target):  # not removed by another release's server before the lock
            break
        _release(held)
    else:
        raise RuntimeError(f"the static files in {target} keep disappearing")
    prune(base, keep=target)
    return target


def prune(base: Path, keep: Path) -> None:
    """Remove the other builds in ``base`` (earlier releases) that no server holds."""
    for old in base.glob("static-*"):
        if old.is_dir() and old != keep:
            _remove_unused(old)


def _ready(target: Path) -> bool:
    return (target / "staticfiles.json").is_file()


def _build_into(base: Path, target: Path) -> None:
    base.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=base))
    try:
        env = {**os.environ, ENV: str(building)}
        done = subprocess.run(
            [sys.executable, "-m", "acupressure.web.staticbuild", str(building)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"building the static files failed: {done.stderr.strip()[-500:]}")
        try:
            building.rename(target)
        except OSError:  # another server finished the same build first
            if not _ready(target):
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)


def _lock_file(folder: Path) -> Path:
    return folder.with_name(folder.name + ".lock")


def _hold(folder: Path) -> IO[bytes] | None:
    if fcntl is None:
        return None
    handle = _lock_file(folder).open("ab")
    fcntl.flock(handle, fcntl.LOCK_SH)  # waits while a removal holds it exclusively
    _HELD.append(handle)
    return handle


def _release(handle: IO[bytes] | None) -> None:
    if handle is not None:
        _HELD.remove(handle)
        handle.close()


def _remove_unused(folder: Path) -> None:
    if fcntl is None:
        return
    lock = _lock_file(folder)
    with lock.open("ab") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return  # a running server serves it
        shutil.rmtree(folder, ignore_errors=True)
        lock.unlink(missing_ok=True)


def _build(folder: str) -> None:
    os.environ[ENV] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        _build(sys.argv[1])
    else:
        print(compiled_static())  # noqa: T201 - the folder, for ACUPRESSURE_COMPILED_STATIC
