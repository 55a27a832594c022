"""MediaPipe's 21 hand landmarks -> the body model's named landmarks of the hand view.

Joints that MediaPipe sees (wrist, thumb base and knuckles) are taken as they are. The bases
of metacarpals 2-5 and the finger edges used for the finger cun are not visible landmarks:
they come from the body model's canonical hand, carried onto the photo by the affine map that
best fits the canonical joints onto MediaPipe's. So the hand's proportions have one source,
the canonical figure, and the same evaluator places the points.
"""

from __future__ import annotations

import math

from acupressure.body import LandmarkSet, Side
from acupressure.body.canonical import hand_local
from acupressure.vision.fit import fit_affine
from acupressure.vision.observations import HandObservation

# canonical name -> MediaPipe index (the joints MediaPipe reports directly)
OBSERVED: dict[str, int] = {
    "wrist_crease": 0,
    "mc1_base": 1,
    "mcp1": 2,
    "mcp2": 5,
    "mcp3": 9,
    "mcp4": 13,
    "mcp5": 17,
}
DERIVED = ("mc2_base", "mc3_base", "mc4_base", "mc5_base", "pip_radial_edge", "pip_ulnar_edge")

# Uncertainty, as a share of the hand's size (wrist to middle knuckle): MediaPipe's joints are
# typically within a few per cent of it; landmarks carried over from the canonical hand add
# the person-to-person variation of hand shape.
OBSERVED_SHARE = 0.04
DERIVED_SHARE = 0.08


def hand_size(points: list[tuple[float, float]]) -> float:
    """Wrist to middle-finger knuckle, in pixels (does not change when fingers spread)."""
    (x0, y0), (x9, y9) = points[0], points[9]
    return math.hypot(x9 - x0, y9 - y0)


def hand_landmarks(observation: HandObservation, side: Side) -> LandmarkSet:
    """The hand view's landmark set for one detected hand (pixels, image orientation).

    The canonical hand is a right hand; its affine fit mirrors itself where the photo shows a
    left hand or a palm, so only the person's side names the landmarks.
    """
    canonical = hand_local()
    src = [canonical[name] for name in OBSERVED]
    dst = [observation.points[index] for index in OBSERVED.values()]
    transform = fit_affine(src, dst)
    size = hand_size(observation.points)
    residual = transform.residual(src, dst)
    points: dict[str, tuple[float, float]] = {}
    uncertainty: dict[str, float] = {}
    for name, index in OBSERVED.items():
        points[f"{name}.{side}"] = observation.points[index]
        uncertainty[f"{name}.{side}"] = OBSERVED_SHARE * size
    for name in DERIVED:
        points[f"{name}.{side}"] = transform(canonical[name])
        uncertainty[f"{name}.{side}"] = math.hypot(DERIVED_SHARE * size, residual)
    return LandmarkSet(view="hand", points=points, uncertainty=uncertainty, unit="px")
