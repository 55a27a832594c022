"""When a hand or a body is too small in the picture for MediaPipe to be trusted.

Sizes are measured in the pixels of the image MediaPipe saw (a photo over
``images.DETECT_SIDE`` is scaled down first, so its sizes are scaled by the same factor).

Thresholds, from the 20 shared hand photos (``../shared/data/hands``, 384-834 px) and their
copies scaled to 1/1.5, 1/2, 1/3 and 1/4, comparing each copy with the original photo
(measured with ``locate_observations``, LI4 and TE3, and GB21 for the body):

* Hand, wrist to middle knuckle: the originals measure 20-71 px. MediaPipe returned a
  mirrored skeleton (thumb and little finger swapped, so the other hand and LI4/TE3 about half
  a hand away) twice, both on none_00af1db1: at 11.4 px (halved) and 8.2 px (a third). Below
  12 px the points moved up to 0.11 of the hand's size; from 15.5 px up at most 0.07 (mostly
  0.04 or less) and no hand changed. ``HAND_MIN_PX`` = 16 keeps a margin of about 1.4 over the
  largest mirrored hand and flags none of the original photos.
* Body, shoulder midpoint to hip midpoint (or the shoulder width when larger, for a body
  seen bent or hips hidden): the originals measure 71-411 px. From 40 px up the shoulders and
  ears moved at most 0.07 of the shoulder width against the original; between 15 and 35 px
  up to 0.13; at 10 px and below MediaPipe's skeleton was wrong (0.7 of the shoulder width,
  left and right swapped). ``BODY_MIN_PX`` = 40 is the smallest size without that drift.
"""

from __future__ import annotations

import math

from acupressure.geometry import Vec
from acupressure.i18n import N_

HAND_MIN_PX = 16.0
BODY_MIN_PX = 40.0
SMALL_HAND = N_(
    "your hand is small in the picture: come closer or use a larger photo; "
    "left/right and the point positions may be wrong"
)
SMALL_BODY = N_(
    "the body is small in the picture: come closer or use a larger photo; "
    "front/back, left/right and the point positions may be wrong"
)


def body_size(points: list[Vec]) -> float:
    """The larger of shoulder width and trunk length (shoulders to hips), in pixels."""
    ls, rs, lh, rh = (points[i] for i in (11, 12, 23, 24))
    mid_shoulders = ((ls[0] + rs[0]) / 2, (ls[1] + rs[1]) / 2)
    mid_hips = ((lh[0] + rh[0]) / 2, (lh[1] + rh[1]) / 2)
    return max(math.dist(ls, rs), math.dist(mid_shoulders, mid_hips))


def too_small(size: float, minimum: float, scale: float = 1.0) -> bool:
    """Whether ``size`` (result pixels) is under ``minimum`` in the pixels MediaPipe saw;
    ``scale`` is how many of those pixels one result pixel makes (1 unless scaled down)."""
    return size * scale < minimum
