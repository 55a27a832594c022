"""Where the web app keeps its data: platformdirs' user data dir, or ACUPRESSURE_DATA_DIR."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    override = os.environ.get("ACUPRESSURE_DATA_DIR", "")
    path = Path(override) if override else Path(platformdirs.user_data_dir("acupressure"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def secret_key_file(folder: Path) -> str:
    """The secret key kept next to the data (created once, readable by its owner only)."""
    path = folder / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
