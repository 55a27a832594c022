"""Where the web app keeps its data: ``acupressure.paths.data_dir`` (one rule for all).

The folder is made readable by its owner only when it is created; the secret key and the
SQLite database (with its -wal and -shm files, which SQLite creates with the database's
permissions) are created 0600, and tightened to 0600 when they are found looser.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from acupressure.paths import data_dir

__all__ = ["data_dir", "folder_warning", "private_database", "secret_key_file"]

PRIVATE = 0o600


def folder_warning(folder: Path) -> str | None:
    """A warning when others on this machine can read or enter the data folder (POSIX)."""
    if os.name != "posix":
        return None
    mode = folder.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return (
            f"warning: the data folder {folder} is open to other users "
            f"(mode {stat.S_IMODE(mode):o}); run: chmod 700 {folder}"
        )
    return None


def private_database(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite does (it would use 0644), and tighten an
    existing database and its -wal/-shm/-journal files to 0600."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE)
    os.close(fd)
    for name in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if stat.S_IMODE(name.stat().st_mode) & 0o077:
                name.chmod(PRIVATE)


def secret_key_file(folder: Path) -> str:
    """The secret key kept next to the data (created once, readable by its owner only).

    Two servers starting at once on a fresh folder must agree on one key: it is written to a
    temporary file and linked into place, which fails for the second, who then reads it.
    """
    path = folder / "secret_key"
    if not path.exists():
        temporary = folder / f".secret_key.{secrets.token_hex(8)}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text().strip()
