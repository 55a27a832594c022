"""Hand landmark fixtures of our own (MediaPipe's 21-point order), in image pixels.

The base shape is a LEFT hand showing its PALM to an unmirrored camera, fingers up: with
the palm towards the camera, a raised left hand has its thumb on the image's left. The other
three cases are mirror images of it; which one MediaPipe would report is carried by the
label (MediaPipe labels hands as if the image were a mirrored selfie, so a person's left hand
in an ordinary photo is labelled "Right").
"""

from __future__ import annotations

import math
from typing import Literal

from acupressure.vision.observations import HandObservation

# wrist at the origin, y down, one unit = wrist to middle knuckle (about 9 cm on an adult)
LEFT_PALM_UP: list[tuple[float, float]] = [
    (0.00, 0.00),  # 0 wrist
    (-0.35, -0.15),
    (-0.60, -0.35),
    (-0.75, -0.55),
    (-0.85, -0.75),  # thumb 1-4
    (-0.30, -0.90),
    (-0.33, -1.25),
    (-0.35, -1.45),
    (-0.37, -1.65),  # index 5-8
    (-0.05, -0.95),
    (-0.05, -1.35),
    (-0.05, -1.60),
    (-0.05, -1.80),  # middle 9-12
    (0.20, -0.90),
    (0.22, -1.25),
    (0.24, -1.48),
    (0.25, -1.65),  # ring 13-16
    (0.42, -0.80),
    (0.47, -1.05),
    (0.50, -1.22),
    (0.52, -1.38),  # little 17-20
]

Hand = Literal["left", "right"]
Facing = Literal["palm", "back"]


def hand(
    which: Hand,
    facing: Facing,
    *,
    size: float = 200.0,
    angle_deg: float = 0.0,
    centre: tuple[float, float] = (400.0, 500.0),
) -> HandObservation:
    """A hand seen in an unmirrored photo, scaled, rotated about the wrist and placed."""
    # left palm and right back share the base chirality; the other two are mirrored
    flip = (which == "left") != (facing == "palm")
    a = math.radians(angle_deg)
    cos, sin = math.cos(a), math.sin(a)
    points = []
    for x, y in LEFT_PALM_UP:
        x = -x if flip else x
        rx, ry = x * cos - y * sin, x * sin + y * cos
        points.append((centre[0] + rx * size, centre[1] + ry * size))
    label: Literal["Left", "Right"] = "Right" if which == "left" else "Left"
    return HandObservation(label=label, score=0.97, points=points)


def mirror(observation: HandObservation, width: float) -> HandObservation:
    """The same hand in the left-right flipped image (MediaPipe then names the other hand)."""
    label: Literal["Left", "Right"] = "Left" if observation.label == "Right" else "Right"
    return HandObservation(
        label=label,
        score=observation.score,
        points=[(width - x, y) for x, y in observation.points],
    )


def rotate90(observation: HandObservation, height: float) -> HandObservation:
    """The same hand after rotating the image 90 degrees clockwise (new width = old height)."""
    return HandObservation(
        label=observation.label,
        score=observation.score,
        points=[(height - y, x) for x, y in observation.points],
    )
