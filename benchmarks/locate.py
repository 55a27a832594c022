"""Benchmark the camera localisation on a folder of hand photos.

    .venv/bin/python benchmarks/locate.py ../shared/data/hands

Prints: the share of photos with a hand, ours against bare MediaPipe; the time per photo,
ours (decode, detect, map, evaluate) against MediaPipe inference alone in the same run; and
the largest displacement of LI4 and TE3, as a share of the hand's size (wrist to middle
knuckle), when a photo is flipped, rotated 90 degrees, halved or JPEG-compressed and the
result is mapped back to the original pixels, with the photo behind the largest one.

Known worst case (halved): none_00af1db1, a hand about 22 px from wrist to middle knuckle,
11 px once halved. At that size MediaPipe returns a mirrored skeleton for the same hand
(thumb and little finger swapped, label "Right" 0.88 becoming "Left" 0.68), so LI4 and TE3
land on the other side of the hand. The hands are matched by position, not order; the
mirrored skeleton is MediaPipe's, and the output flags it ("MediaPipe swapped the hand");
the result itself marks such a hand ``small`` and warns (``acupressure.vision.smallness``).
"""

from __future__ import annotations

import io
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from acupressure.vision.detect import Detector
from acupressure.vision.images import load_bytes, photo_from_rgb
from acupressure.vision.locate import locate_observations, request
from acupressure.vision.result import Detection

Vec = tuple[float, float]
CODES = ("LI4", "TE3")


def variants(rgb: np.ndarray) -> dict[str, tuple[np.ndarray, Callable[[Vec], Vec]]]:
    """Transformed photos and, for each, the map from its pixels back to the original's."""
    h, w = rgb.shape[:2]
    small = np.asarray(Image.fromarray(rgb).resize((w // 2, h // 2), Image.Resampling.BILINEAR))
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=30)
    compressed = np.asarray(Image.open(buffer).convert("RGB"))
    sx, sy = w / (w // 2), h / (h // 2)
    return {
        "flip": (np.ascontiguousarray(rgb[:, ::-1]), lambda p: (w - 1 - p[0], p[1])),
        "rotate90": (np.ascontiguousarray(np.rot90(rgb, k=-1)), lambda p: (p[1], h - 1 - p[0])),
        "half": (np.ascontiguousarray(small), lambda p: (p[0] * sx, p[1] * sy)),
        "jpeg30": (np.ascontiguousarray(compressed), lambda p: p),
    }


def hand_size(d: Detection) -> float:
    return math.dist(d.landmarks[0], d.landmarks[9])


def point(d: Detection, code: str) -> Vec:
    (p,) = [p for p in d.points if p.code == code]
    assert p.x is not None and p.y is not None
    return p.x, p.y


def main(folder: Path) -> None:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
    wanted = request(list(CODES))
    detector = Detector()
    from mediapipe.python import solutions

    bare = solutions.hands.Hands(static_image_mode=True, max_num_hands=2, model_complexity=1)
    ours_found = bare_found = 0
    ours_time = infer_time = 0.0
    shifts: dict[tuple[str, str], list[float]] = {}
    compared: dict[str, int] = {}
    worst: dict[str, tuple[float, str]] = {}  # variant -> (shift, why)
    for path in files:
        data = path.read_bytes()
        # ours, end to end (decode, detect, map, evaluate); inference timed inside the run
        start = time.perf_counter()
        photo = load_bytes(data)
        t0 = time.perf_counter()
        hands = detector.hands(photo)
        infer_time += time.perf_counter() - t0
        result = locate_observations(photo.width, photo.height, hands, None, wanted)
        ours_time += time.perf_counter() - start
        ours_found += bool(result.detections)
        bare_found += bool(bare.process(photo.rgb).multi_hand_landmarks)
        for name, (rgb, back) in variants(photo.rgb).items():
            shot = photo_from_rgb(rgb)
            other = locate_observations(shot.width, shot.height, detector.hands(shot), None, wanted)
            for d in result.detections:
                size = hand_size(d)
                twins = [
                    o
                    for o in other.detections
                    if math.dist(back(o.landmarks[0]), d.landmarks[0]) < 0.5 * size
                ]
                if len(twins) != 1:
                    continue
                compared[name] = compared.get(name, 0) + 1
                twin = twins[0]
                for code in CODES:
                    shift = math.dist(back(point(twin, code)), point(d, code)) / size
                    shifts.setdefault((name, code), []).append(shift)
                    if shift > worst.get(name, (-1.0, ""))[0]:
                        why = f"{path.name[:13]}, hand {hand_size(twin):.0f} px in the variant"
                        if (twin.hand != d.hand) != (name == "flip"):  # a mirror swaps hands
                            why += f"; MediaPipe swapped the hand ({d.hand} -> {twin.hand})"
                        worst[name] = (shift, why)
    bare.close()
    detector.close()
    n = len(files)
    print(f"photos: {n} in {folder}")
    print(
        f"with a hand: ours {ours_found}/{n} ({ours_found / n:.0%}), "
        f"bare MediaPipe {bare_found}/{n} ({bare_found / n:.0%})"
    )
    print(
        f"time per photo: ours {1000 * ours_time / n:.1f} ms, MediaPipe inference "
        f"{1000 * infer_time / n:.1f} ms, overhead ratio {ours_time / infer_time:.2f}"
    )
    print("displacement, share of hand size: largest (median) over the hands compared")
    for name in ("flip", "rotate90", "half", "jpeg30"):
        got = {code: shifts.get((name, code), []) for code in CODES}
        cells = ", ".join(
            f"{c} {max(v):.3f} ({statistics.median(v):.3f})" if v else f"{c} -"
            for c, v in got.items()
        )
        print(f"  {name:9s} {cells}  ({compared.get(name, 0)} hands)")
        if name in worst:
            print(f"            largest: {worst[name][1]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/locate.py FOLDER")
    main(Path(sys.argv[1]))
