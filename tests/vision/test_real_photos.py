"""MediaPipe on the shared hand photos: LI4/TE3 inside each hand; flips and rotations agree;
hands that change sides when the photo is halved are flagged as small.

MediaPipe runs once per photo variant (original, flipped, rotated, halved), shared by the tests.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image

from acupressure.vision.detect import Detector
from acupressure.vision.images import load_path, photo_from_rgb
from acupressure.vision.locate import locate_observations, request
from acupressure.vision.press import inside_hull
from acupressure.vision.result import Detection, LocateResult
from acupressure.vision.smallness import SMALL_HAND

from .photos import flip, hand_photos, rotate_cw, size

pytestmark = pytest.mark.vision
SAME_SPOT = 0.15  # share of the hand's size (wrist to middle knuckle) allowed between variants


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, tuple[LocateResult, int, int]]]:
    wanted = request(["LI4", "TE3"])
    detector = Detector()
    out: dict[str, dict[str, tuple[LocateResult, int, int]]] = {}
    try:
        for path in hand_photos():
            photo = load_path(path)
            half = Image.fromarray(photo.rgb).resize(
                (photo.width // 2, photo.height // 2), Image.Resampling.BILINEAR
            )  # as in benchmarks/locate.py (bicubic happens to keep none_00af1db1 right)
            variants = {
                "plain": photo.rgb,
                "flipped": flip(photo.rgb),
                "rotated": rotate_cw(photo.rgb),
                "halved": np.asarray(half),
            }
            out[path.name] = {}
            for name, rgb in variants.items():
                shot = photo_from_rgb(rgb)
                result = locate_observations(
                    shot.width, shot.height, detector.hands(shot), None, wanted
                )
                out[path.name][name] = (result, photo.width, photo.height)
    finally:
        detector.close()
    return out


def _point(d: Detection, code: str) -> tuple[float, float]:
    (p,) = [p for p in d.points if p.code == code]
    assert p.x is not None and p.y is not None
    return p.x, p.y


def _match(d: Detection, others: list[Detection], mapped: tuple[float, float]) -> Detection | None:
    near = [o for o in others if math.dist(o.landmarks[0], mapped) < 0.5 * size(d)]
    return near[0] if len(near) == 1 else None


Results = dict[str, dict[str, tuple[LocateResult, int, int]]]


def test_most_photos_show_a_hand(results: Results) -> None:
    found = sum(1 for r in results.values() if r["plain"][0].detections)
    assert found >= 0.8 * len(results)


def test_every_hand_of_usable_size_has_li4_and_te3_inside_it(
    results: dict[str, dict[str, tuple[LocateResult, int, int]]],
) -> None:
    for name, variants in results.items():
        for variant, (result, _, _) in variants.items():
            for d in result.detections:
                if d.small:  # flagged: MediaPipe's skeleton may be mirrored (see below)
                    continue
                for code in ("LI4", "TE3"):
                    assert inside_hull(_point(d, code), d.landmarks), (name, variant, code)


def test_flipping_swaps_the_hand_and_mirrors_the_points(
    results: dict[str, dict[str, tuple[LocateResult, int, int]]],
) -> None:
    compared = 0
    for name, variants in results.items():
        plain, width, _ = variants["plain"]
        flipped = variants["flipped"][0].detections
        for d in plain.detections:
            twin = _match(d, flipped, (width - 1 - d.landmarks[0][0], d.landmarks[0][1]))
            if twin is None:
                continue
            compared += 1
            assert twin.hand != d.hand and twin.facing == d.facing, name
            for code in ("LI4", "TE3"):
                x, y = _point(d, code)
                fx, fy = _point(twin, code)
                assert math.dist((width - 1 - fx, fy), (x, y)) < SAME_SPOT * size(d), (name, code)
    assert compared >= 10


def test_rotating_keeps_hand_side_and_spot(
    results: dict[str, dict[str, tuple[LocateResult, int, int]]],
) -> None:
    compared = 0
    for name, variants in results.items():
        plain, _, height = variants["plain"]
        turned = variants["rotated"][0].detections

        def back(p: tuple[float, float], h: int = height) -> tuple[float, float]:
            return p[1], h - 1 - p[0]  # rotated pixel -> original pixel

        undone = [
            t.model_copy(update={"landmarks": [back(p) for p in t.landmarks]}) for t in turned
        ]
        for d in plain.detections:
            twin = _match(d, undone, d.landmarks[0])
            if twin is None:
                continue
            compared += 1
            assert (twin.hand, twin.facing) == (d.hand, d.facing), name
            for code in ("LI4", "TE3"):
                rx, ry = _point(twin, code)
                shift = math.dist(back((rx, ry)), _point(d, code))
                assert shift < SAME_SPOT * size(d), (name, code)
    assert compared >= 10


def test_a_hand_that_changes_sides_when_halved_is_flagged_small(results: Results) -> None:
    changed = 0
    for name, variants in results.items():
        plain, width, height = variants["plain"]
        halved = variants["halved"][0]
        assert not any(d.small for d in plain.detections), name  # 20 px and more
        fx, fy = width / halved.image.width, height / halved.image.height
        undone = [
            h.model_copy(update={"landmarks": [(x * fx, y * fy) for x, y in h.landmarks]})
            for h in halved.detections
        ]
        for d in plain.detections:
            twin = _match(d, undone, d.landmarks[0])
            if twin is not None and twin.hand != d.hand:
                changed += 1
                assert twin.small and SMALL_HAND in halved.warnings, name
    assert changed >= 1  # none_00af1db1: 22 px, 11 px halved, read as the other hand
