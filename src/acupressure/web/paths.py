"""Where the web app keeps its data: ``acupressure.paths.data_dir`` (one rule for all)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from acupressure.paths import data_dir

__all__ = ["data_dir", "secret_key_file"]


def secret_key_file(folder: Path) -> str:
    """The secret key kept next to the data (created once, readable by its owner only)."""
    path = folder / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
