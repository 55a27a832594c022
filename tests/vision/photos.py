"""The shared hand photos (../shared/data/hands) and their flipped and rotated variants."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from acupressure.vision.result import Detection

HANDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "hands"


def hand_photos() -> list[Path]:
    if not HANDS.is_dir():
        pytest.skip(f"shared hand photos not found at {HANDS}")
    return sorted(HANDS.glob("*.jpg"))


def flip(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb[:, ::-1])


def rotate_cw(rgb: np.ndarray) -> np.ndarray:
    """Rotate 90 degrees clockwise: a pixel (x, y) goes to (H - 1 - y, x)."""
    return np.ascontiguousarray(np.rot90(rgb, k=-1))


def size(detection: Detection) -> float:
    (x0, y0), (x9, y9) = detection.landmarks[0], detection.landmarks[9]
    return math.hypot(x9 - x0, y9 - y0)
