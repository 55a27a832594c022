"""Build the static files once per release: content-hashed names plus brotli and gzip copies.

``compiled_static()`` returns a folder that whitenoise serves with far-future cache headers
(``ACUPRESSURE_COMPILED_STATIC``). The folder's name carries a stamp of every static file
(path, size, modification time) and of Django's version, so a change rebuilds it and an
unchanged release reuses it: the first start after an install takes a few seconds, later
ones none. The build runs `collectstatic` in a child process (Django's storage is chosen
when settings load) into a temporary folder that is renamed into place, so two servers
starting at once never see half a build.

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

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
ENV = "ACUPRESSURE_COMPILED_STATIC"


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
    """The built static folder for this release, built now if it is missing."""
    base = root or cache_root()
    target = base / f"static-{stamp()}"
    if (target / "staticfiles.json").is_file():
        return target
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
            if not (target / "staticfiles.json").is_file():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for old in base.glob("static-*"):  # earlier releases
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target


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
