"""Hands for the press check's tests: a target hand (the back of a right hand) and a presser
whose index fingertip lands at a spot given in cun from a point on the target."""

from __future__ import annotations

import math

from acupressure import atlas, body
from acupressure.body.direction import axes
from acupressure.body.landmarks import Placement
from acupressure.vision.hand_map import hand_landmarks
from acupressure.vision.observations import HandObservation
from acupressure.vision.orient import orient_hand
from acupressure.vision.press import cun_at

from .handshapes import hand, mirror

W = 2000.0  # the picture's width, for mirroring


def translated(obs: HandObservation, dx: float, dy: float) -> HandObservation:
    return obs.model_copy(update={"points": [(x + dx, y + dy) for x, y in obs.points]})


def pointing(obs: HandObservation) -> HandObservation:
    """The hand with only the index finger out: thumb and middle tips folded to their bases."""
    points = list(obs.points)
    points[4], points[12] = points[2], points[9]
    return obs.model_copy(update={"points": points})


def presser_at(
    spot: tuple[float, float], size: float, toward: tuple[float, float]
) -> HandObservation:
    """A left hand pointing its index finger at ``toward``, its tip landing on ``spot`` (so
    the rest of the hand lies beyond the spot, as a hand reaching in from outside)."""
    dx, dy = toward[0] - spot[0], toward[1] - spot[1]
    if math.hypot(dx, dy) < 1e-6:
        dx, dy = 0.0, 1.0
    angle = math.degrees(math.atan2(dx, -dy))  # hand() points its fingers up at angle 0
    presser = pointing(hand("left", "palm", size=size, angle_deg=angle))
    tx, ty = presser.points[8]
    return translated(presser, spot[0] - tx, spot[1] - ty)


def target_hand(size: float, angle: float, mirrored: bool) -> HandObservation:
    target = hand("right", "back", size=size, angle_deg=angle, centre=(1000.0, 1000.0))
    return mirror(target, W) if mirrored else target


def hand_spot(
    target: HandObservation, code: str, along: float, across: float, mirrored: bool
) -> tuple[tuple[float, float], Placement, float]:
    side, _ = orient_hand(target, mirrored)
    landmarks = hand_landmarks(target, side)
    (placement,) = body.evaluate(atlas.get(code), landmarks)
    cun = cun_at(code, landmarks, placement)
    forward, outward = axes(landmarks, side)
    x = placement.x + (along * forward[0] + across * outward[0]) * cun
    y = placement.y + (along * forward[1] + across * outward[1]) * cun
    return (x, y), placement, cun
