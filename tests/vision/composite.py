"""Composite test frames: a hand cut from one shared photo pasted onto another photo, so that
its fingertip lands at a known spot in cun from a point on the first hand.

The pasted hand is cut along the convex hull of its landmarks (grown a little), scaled to
the size of the target hand and turned so that it reaches in from outside the target hand,
pointing at the spot. The truth is what was pasted: where its thumb, index and middle tips
went (the verdict uses the nearest of them).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from acupressure import atlas, body
from acupressure.body.direction import axes
from acupressure.vision.detect import Detector
from acupressure.vision.hand_map import hand_landmarks, hand_size
from acupressure.vision.images import load_path, photo_from_rgb
from acupressure.vision.observations import HandObservation
from acupressure.vision.orient import orient_hand
from acupressure.vision.press import CLOSE_CUN, TIPS, cun_at

Vec = tuple[float, float]
PRESSER = "four_105f8f8e"  # the shared photo whose hand is pasted on: fingers spread, clear
FRAME = 640  # the composite's side, pixels
AROUND = 4.0  # the composite shows this many target hand sizes around the target hand


@dataclass(frozen=True)
class Composite:
    rgb: np.ndarray
    target: Vec  # the point on the target hand (from the target photo alone), pixels
    cun: float  # one cun there, pixels
    radius_cun: float
    tips: dict[str, Vec]  # where the pasted hand's tips went
    spot: Vec  # where the index tip was meant to land
    presser: list[Vec]  # where all 21 landmarks of the pasted hand went

    def truth_cun(self) -> float:
        """Distance from the point to the nearest pasted tip, in cun."""
        return min(math.dist(t, self.target) for t in self.tips.values()) / self.cun


def back_hand(detector: Detector, rgb: np.ndarray) -> HandObservation | None:
    """The largest hand showing its back in a picture, if any."""
    hands = [h for h in detector.hands(photo_from_rgb(rgb)) if orient_hand(h)[1] == "back"]
    return max(hands, key=lambda h: hand_size(h.points), default=None)


def framed(rgb: np.ndarray, hand: HandObservation) -> np.ndarray:
    """A square FRAME x FRAME picture centred on the hand, AROUND hand sizes wide (grey
    where the photo ends): the hands fill it as in a close-up of two hands."""
    side = AROUND * hand_size(hand.points)
    cx = sum(x for x, _ in hand.points) / 21
    cy = sum(y for _, y in hand.points) / 21
    box = (round(cx - side / 2), round(cy - side / 2), round(cx + side / 2), round(cy + side / 2))
    canvas = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), (128, 128, 128))
    canvas.paste(Image.fromarray(rgb), (-box[0], -box[1]))
    return np.asarray(canvas.resize((FRAME, FRAME), Image.Resampling.BICUBIC))


def framed_backs(
    detector: Detector, photos: list[Path]
) -> Iterator[tuple[Path, np.ndarray, HandObservation]]:
    """Each photo whose back of a hand MediaPipe finds, framed on that hand (:func:`framed`):
    (the photo, the framed picture, that hand as MediaPipe finds it in the framed picture)."""
    for path in photos:
        rgb = load_path(path).rgb
        seen = back_hand(detector, rgb)
        crop = None if seen is None else framed(rgb, seen)
        target = None if crop is None else back_hand(detector, crop)
        if crop is not None and target is not None:
            yield path, crop, target


def pressing_hand(detector: Detector, photos: list[Path]) -> tuple[np.ndarray, HandObservation]:
    """The photo whose hand is pasted on (PRESSER) and that hand, as MediaPipe sees it."""
    source = load_path(next(p for p in photos if p.name.startswith(PRESSER)))
    presser = largest_hand(detector, source.rgb)
    assert presser is not None
    return source.rgb, presser


def largest_hand(detector: Detector, rgb: np.ndarray) -> HandObservation | None:
    hands = detector.hands(photo_from_rgb(rgb))
    return max(hands, key=lambda h: hand_size(h.points), default=None)


def compose(
    target_rgb: np.ndarray,
    target: HandObservation,
    presser_rgb: np.ndarray,
    presser: HandObservation,
    code: str,
    along: float,
    across: float,
    turn: float | None = None,
) -> Composite:
    """Paste the presser so its index tip lands ``along``/``across`` cun from ``code``.

    ``turn``: the direction the pasted finger points, in degrees from the target hand's
    outward direction towards its forward one; by default it reaches in from the nearer edge.
    """
    size = hand_size(target.points)
    canvas = Image.fromarray(target_rgb).convert("RGB")
    shifted = target
    side, _ = orient_hand(shifted)
    landmarks = hand_landmarks(shifted, side)
    (placement,) = body.evaluate(atlas.get(code), landmarks)
    cun = cun_at(code, landmarks, placement)
    forward, outward = axes(landmarks, side)
    spot = (
        placement.x + (along * forward[0] + across * outward[0]) * cun,
        placement.y + (along * forward[1] + across * outward[1]) * cun,
    )
    # reach in from the nearer edge of the hand: from the thumb side for LI4, the little
    # finger side for TE3, pointing across the hand
    cx = sum(x for x, _ in shifted.points) / 21
    cy = sum(y for _, y in shifted.points) / 21
    edge = (placement.x - cx) * outward[0] + (placement.y - cy) * outward[1]
    pointing = (-outward[0], -outward[1]) if edge > 0 else outward
    if turn is not None:
        a = math.radians(turn)
        pointing = (
            outward[0] * math.cos(a) + forward[0] * math.sin(a),
            outward[1] * math.cos(a) + forward[1] * math.sin(a),
        )
    cutout, points = _cut(presser_rgb, presser, size / hand_size(presser.points), pointing)
    # place the cutout so that its index tip lands on the spot
    ix, iy = points[TIPS["index"]]
    origin = (round(spot[0] - ix), round(spot[1] - iy))
    canvas.paste(cutout, origin, cutout)
    pasted = [(x + origin[0], y + origin[1]) for x, y in points]
    return Composite(
        rgb=np.asarray(canvas),
        target=(placement.x, placement.y),
        cun=cun,
        radius_cun=_radius(code),
        tips={name: pasted[i] for name, i in TIPS.items()},
        spot=spot,
        presser=pasted,
    )


def verdict_for(code: str, distance: float) -> str:
    """The true verdict for a fingertip ``distance`` cun from the point."""
    radius = _radius(code)
    if distance <= radius:
        return "on"
    return "close" if distance <= radius + CLOSE_CUN else "off"


def _radius(code: str) -> float:
    return atlas.get(code).rule.radius_cun


def _cut(
    rgb: np.ndarray, hand: HandObservation, scale: float, pointing: Vec
) -> tuple[Image.Image, list[Vec]]:
    """The hand cut out (RGBA), scaled and turned so wrist->index tip runs along
    ``pointing``; returns it with its 21 landmarks' positions in the cutout."""
    pts = hand.points
    cx = sum(x for x, _ in pts) / 21
    cy = sum(y for _, y in pts) / 21
    grown = [(cx + (x - cx) * 1.1, cy + (y - cy) * 1.1) for x, y in pts]
    mask = Image.new("L", (rgb.shape[1], rgb.shape[0]), 0)
    ImageDraw.Draw(mask).polygon(_hull(grown), fill=255)
    rgba = Image.fromarray(rgb).convert("RGBA")
    rgba.putalpha(mask)
    x0 = max(0, int(min(x for x, _ in grown)))
    y0 = max(0, int(min(y for _, y in grown)))
    x1 = min(rgb.shape[1], int(max(x for x, _ in grown)) + 1)
    y1 = min(rgb.shape[0], int(max(y for _, y in grown)) + 1)
    rgba = rgba.crop((x0, y0, x1, y1))
    rgba = rgba.resize((max(1, round(rgba.width * scale)), max(1, round(rgba.height * scale))))
    local = [((x - x0) * scale, (y - y0) * scale) for x, y in pts]
    wrist, index = local[0], local[TIPS["index"]]
    now = math.atan2(index[1] - wrist[1], index[0] - wrist[0])
    want = math.atan2(pointing[1], pointing[0])
    turn = math.degrees(now - want)  # PIL turns counter-clockwise on screen for positive
    centre = (rgba.width / 2, rgba.height / 2)
    turned = rgba.rotate(turn, resample=Image.Resampling.BILINEAR, expand=True)
    a = math.radians(-turn)  # the same turn in image coordinates (y down)
    dx, dy = (turned.width - rgba.width) / 2, (turned.height - rgba.height) / 2

    def moved(p: Vec) -> Vec:
        x, y = p[0] - centre[0], p[1] - centre[1]
        return (
            centre[0] + dx + x * math.cos(a) - y * math.sin(a),
            centre[1] + dy + x * math.sin(a) + y * math.cos(a),
        )

    return turned, [moved(p) for p in local]


def _hull(points: list[Vec]) -> list[Vec]:
    pts = sorted(set(points))

    def cross(o: Vec, a: Vec, b: Vec) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Vec] = []
    upper: list[Vec] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
