"""Where the product keeps personal data: the one function that decides.

``ACUPRESSURE_DATA_DIR`` when set, else platformdirs' user data folder for "acupressure".
The web app's database and secret key, and ``session --save``'s sessions.jsonl, all live
there.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir(create: bool = True) -> Path:
    override = os.environ.get("ACUPRESSURE_DATA_DIR", "")
    path = Path(override) if override else Path(platformdirs.user_data_dir("acupressure"))
    if create:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
