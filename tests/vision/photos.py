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


def inside_hull(point: tuple[float, float], hull_of: list[tuple[float, float]]) -> bool:
    """Whether a point lies inside the convex hull of the hand's landmarks."""
    pts = sorted(set(hull_of))

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]  # counter-clockwise in x-right, y-up terms
    return all(cross(hull[i], hull[(i + 1) % len(hull)], point) >= 0 for i in range(len(hull)))
