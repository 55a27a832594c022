"""Which hand is it, and which side of it (or of the body) faces the camera.

Pure geometry on :mod:`observations`; no MediaPipe import.

Handedness: MediaPipe's hand model labels hands as if the image were a mirrored selfie.
Ordinary photos and raw camera frames are not mirrored, so there the label names the other
hand; ``mirrored=True`` is for images that were flipped like a selfie preview.

Facing: in an unmirrored image (pixel axes, y pointing down), the cross product of the
wrist->index-knuckle vector with the wrist->little-finger-knuckle vector is positive when a
LEFT hand shows its palm and negative when it shows its back (with the fingers up, a left
palm has its thumb on the image's left); a right hand is the mirror image. Rotating the
image keeps the sign; mirroring flips it together with the hand, so the answer survives both.
"""

from __future__ import annotations

import math
from typing import Literal

from acupressure.body.vocabulary import Side
from acupressure.vision.observations import HandObservation, PoseObservation

# "Facing" is always which side of a hand or body faces the camera (never a person's side).
HandFacing = Literal["palm", "back", "edge"]
ViewFacing = Literal["front", "back"]  # what the person says faces the camera (--view)
BodyFacing = Literal[ViewFacing, "unknown"]
Facing = Literal[HandFacing, BodyFacing]

WRIST, INDEX_MCP, PINKY_MCP = 0, 5, 17
EDGE_SINE = 0.12  # |sin| of the knuckle fan angle below which the hand is seen edge-on
FACE = (0, 2, 5, 9, 10)  # nose, eyes, mouth corners in MediaPipe Pose
FACE_SEEN, FACE_HIDDEN = 0.6, 0.3


def person_hand(label: Literal["Left", "Right"], mirrored: bool = False) -> Side:
    """The person's own hand, from MediaPipe's selfie-convention label."""
    as_labelled: Side = "left" if label == "Left" else "right"
    if mirrored:
        return as_labelled
    return "right" if as_labelled == "left" else "left"


def knuckle_turn(points: list[tuple[float, float]]) -> float:
    """Signed sine of the angle from wrist->index knuckle to wrist->little-finger knuckle."""
    wx, wy = points[WRIST]
    ax, ay = points[INDEX_MCP][0] - wx, points[INDEX_MCP][1] - wy
    bx, by = points[PINKY_MCP][0] - wx, points[PINKY_MCP][1] - wy
    norm = math.hypot(ax, ay) * math.hypot(bx, by)
    if norm == 0:
        return 0.0
    return (ax * by - ay * bx) / norm


def hand_facing(
    hand: Side, points: list[tuple[float, float]], mirrored: bool = False
) -> HandFacing:
    """Palm or back of the hand towards the camera; "edge" when seen from the side."""
    turn = knuckle_turn(points)
    if mirrored:
        turn = -turn
    if abs(turn) < EDGE_SINE:
        return "edge"
    palm_sign = 1.0 if hand == "left" else -1.0
    return "palm" if turn * palm_sign > 0 else "back"


def orient_hand(observation: HandObservation, mirrored: bool = False) -> tuple[Side, HandFacing]:
    hand = person_hand(observation.label, mirrored)
    return hand, hand_facing(hand, observation.points, mirrored)


def body_facing(pose: PoseObservation) -> BodyFacing:
    """Front or back of the body towards the camera, from how visible the face is.

    MediaPipe Pose assumes a person facing the camera (its left/right labels follow that
    assumption even for a back view), so its left/right geometry cannot tell front from back;
    the face can. Between the two thresholds the answer is "unknown" and the caller asks.
    """
    seen = sum(pose.visibility[i] for i in FACE) / len(FACE)
    if seen >= FACE_SEEN:
        return "front"
    if seen <= FACE_HIDDEN:
        return "back"
    return "unknown"
