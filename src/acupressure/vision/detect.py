"""Run MediaPipe's hand and pose models (legacy solutions; models ship in the wheel).

Only ``static_image_mode`` and the models bundled with mediapipe 0.10.21 are used: hands
with model_complexity 1 and pose with model_complexity 1 ("full"). Pose complexity 0 and 2
would try to download a model at run time, so they are never requested.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from acupressure.vision import VisionUnavailableError
from acupressure.vision.images import DETECT_SIDE, Photo
from acupressure.vision.observations import HandObservation, PoseObservation

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MIN_HAND_CONFIDENCE = 0.5
MIN_POSE_CONFIDENCE = 0.5


def _solutions() -> Any:
    try:
        from mediapipe.python import solutions
    except ImportError as exc:
        raise VisionUnavailableError() from exc
    return solutions


class Detector:
    """Holds the MediaPipe graphs (created on first use) and runs them on photos.

    A MediaPipe graph is not safe to share between threads, so calls are serialised.
    """

    def __init__(self, max_hands: int = 2) -> None:
        self._max_hands = max_hands
        self._hands: Any = None
        self._pose: Any = None
        self._lock = threading.Lock()

    def hands(self, photo: Photo) -> list[HandObservation]:
        rgb = _for_detection(photo)
        with self._lock:
            if self._hands is None:
                self._hands = _solutions().hands.Hands(
                    static_image_mode=True,
                    max_num_hands=self._max_hands,
                    model_complexity=1,
                    min_detection_confidence=MIN_HAND_CONFIDENCE,
                )
            result = self._hands.process(rgb)
        found: list[HandObservation] = []
        width, height = photo.width, photo.height
        for marks, handedness in zip(
            result.multi_hand_landmarks or [], result.multi_handedness or [], strict=True
        ):
            best = handedness.classification[0]
            found.append(
                HandObservation(
                    label="Left" if best.label == "Left" else "Right",
                    score=min(1.0, max(0.0, float(best.score))),
                    points=[(m.x * width, m.y * height) for m in marks.landmark],
                    depth=[m.z * width for m in marks.landmark],
                )
            )
        return found

    def pose(self, photo: Photo) -> PoseObservation | None:
        rgb = _for_detection(photo)
        with self._lock:
            if self._pose is None:
                self._pose = _solutions().pose.Pose(
                    static_image_mode=True,
                    model_complexity=1,
                    enable_segmentation=False,
                    min_detection_confidence=MIN_POSE_CONFIDENCE,
                )
            result = self._pose.process(rgb)
        if result.pose_landmarks is None:
            return None
        width, height = photo.width, photo.height
        marks = list(result.pose_landmarks.landmark)
        visibility = [min(1.0, max(0.0, float(m.visibility))) for m in marks]
        return PoseObservation(
            points=[(m.x * width, m.y * height) for m in marks],
            visibility=visibility,
            score=sum(visibility) / len(visibility),
        )

    def close(self) -> None:
        with self._lock:
            for graph in (self._hands, self._pose):
                if graph is not None:
                    graph.close()
            self._hands = self._pose = None


def detection_scale(photo: Photo) -> float:
    """Pixels of the image the models see per pixel of the photo (1 unless it is scaled down)."""
    return min(1.0, DETECT_SIDE / max(photo.width, photo.height))


def _for_detection(photo: Photo) -> npt.NDArray[np.uint8]:
    """The array to run the models on (MediaPipe's output is relative, so no factor back)."""
    factor = detection_scale(photo)
    if factor == 1.0:
        return photo.rgb
    import numpy as np
    from PIL import Image

    size = (max(1, round(photo.width * factor)), max(1, round(photo.height * factor)))
    small = Image.fromarray(photo.rgb).resize(size, Image.Resampling.BILINEAR)
    return np.asarray(small, dtype=np.uint8)
