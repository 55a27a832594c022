"""Composites with the photo of the hand alone (the photo path's memory): the target hand as
a photo showed it before the pressing hand was pasted on (the same crop, so the hand has
not moved), or that photo shifted (the hand moved between the two photos).

``Remembering`` is the real MediaPipe detector with its answers kept per picture, so the
same picture (the hand alone is shared by many composites; each composite is judged with
and without it) is detected once; MediaPipe's static-image mode gives the same answer for
the same pixels.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from PIL import Image

from acupressure.vision.detect import Detector
from acupressure.vision.images import Photo, photo_from_rgb
from acupressure.vision.locate import locate_photo, request
from acupressure.vision.observations import HandObservation

from .composite import Composite, compose, framed_backs, pressing_hand, verdict_for
from .photos import hand_photos

# the pressing hand reaches in from several directions (degrees from the target hand's
# outward direction towards its fingers; None: from the nearer edge)
TURNS = [None, 0.0, 90.0, 180.0, 270.0]
OFFSETS = [(0.0, 0.0), (0.2, 0.1), (1.0, 0.0), (0.0, 0.9)]  # cun: along, across
MOVED_PX = 48  # the hand moved between the photos: about 2 cun on these 640 px frames


class Remembering(Detector):
    """MediaPipe Hands and Pose, each picture detected once."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: dict[bytes, list[HandObservation]] = {}

    def hands(self, photo: Photo) -> list[HandObservation]:
        key = hashlib.sha256(np.ascontiguousarray(photo.rgb).tobytes()).digest()
        if key not in self._seen:
            self._seen[key] = super().hands(photo)
        return self._seen[key]


@dataclass(frozen=True)
class Case:
    name: str  # the target hand's photo
    code: str
    turn: float | None
    made: Composite
    alone: np.ndarray  # the target hand alone, the same frame before the press
    target: HandObservation  # that hand as MediaPipe finds it in ``alone``

    @property
    def expected(self) -> str:
        return verdict_for(self.code, self.made.truth_cun())


def cases(detector: Detector) -> list[Case]:
    """Every composite of the shared photos whose back of the hand MediaPipe finds."""
    out: list[Case] = []
    photos = hand_photos()
    source_rgb, presser = pressing_hand(detector, photos)
    for path, crop, target in framed_backs(detector, photos):
        for code in ("LI4", "TE3"):
            for (along, across), turn in [(o, t) for o in OFFSETS for t in TURNS]:
                made = compose(crop, target, source_rgb, presser, code, along, across, turn)
                out.append(Case(path.name, code, turn, made, crop, target))
    return out


def moved(rgb: np.ndarray, dx: int = MOVED_PX, dy: int = MOVED_PX // 2) -> np.ndarray:
    """The picture shifted by (dx, dy) pixels, grey where it uncovers: the hand moved."""
    canvas = Image.new("RGB", (rgb.shape[1], rgb.shape[0]), (128, 128, 128))
    canvas.paste(Image.fromarray(rgb), (dx, dy))
    return np.asarray(canvas)


def fixed_case(detector: Detector) -> Case | None:
    """A composite whose verdict is wrong from the pressed photo alone and right with the
    photo of the hand alone (placed on it): for the CLI and web tests."""
    for case in cases(detector):
        photo = photo_from_rgb(case.made.rgb)
        wanted = request([case.code])
        now = locate_photo(photo, wanted, detector, press=case.code).press
        if now is None or now.verdict in (case.expected, "cannot tell"):
            continue
        alone = photo_from_rgb(case.alone)
        both = locate_photo(photo, wanted, detector, press=case.code, alone=alone).press
        if both is not None and both.remembered and both.verdict == case.expected:
            return case
    return None
