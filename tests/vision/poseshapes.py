"""A body fixture of our own: MediaPipe Pose's 33 landmarks of a person facing the camera.

Positions in millimetres of an adult about 1.7 m tall, origin at the top of the head, the
person's left at +x (an unmirrored photo of someone facing the camera shows their left on
the image's right, which is where MediaPipe puts its "left" landmarks).
"""

from __future__ import annotations

from acupressure.vision.observations import PoseObservation

LEFT_SIDE: list[tuple[float, float]] = [  # MediaPipe's odd indices 11-31 (the left side)
    (170, 325),  # 11 shoulder
    (200, 600),  # 13 elbow
    (210, 850),  # 15 wrist
    (215, 920),  # 17 little finger
    (200, 930),  # 19 index finger
    (190, 900),  # 21 thumb
    (88, 815),  # 23 hip
    (92, 1242),  # 25 knee
    (92, 1598),  # 27 ankle
    (95, 1640),  # 29 heel
    (110, 1700),  # 31 foot index
]
FACE: list[tuple[float, float]] = [
    (0, 115),  # 0 nose
    (15, 95),
    (30, 95),
    (42, 95),  # 1-3 left eye inner, centre, outer
    (-15, 95),
    (-30, 95),
    (-42, 95),  # 4-6 right eye
    (72, 110),
    (-72, 110),  # 7-8 ears
    (20, 150),
    (-20, 150),  # 9-10 mouth left, right
]
TRUNK_MM = 815 - 325  # shoulders to hips


def person(trunk: float = 300.0, centre_x: float = 400.0, top: float = 50.0) -> PoseObservation:
    """A person facing the camera whose trunk (shoulders to hips) is ``trunk`` pixels long."""
    mm: list[tuple[float, float]] = list(FACE)
    for x, y in LEFT_SIDE:
        mm += [(x, y), (-x, y)]  # left then right, as MediaPipe orders them
    k = trunk / TRUNK_MM
    points = [(centre_x + x * k, top + y * k) for x, y in mm]
    return PoseObservation(points=points, visibility=[0.99] * 33, score=0.99)
