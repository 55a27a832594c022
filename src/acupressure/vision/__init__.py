"""Camera guidance: find acupressure points on a photo or a video frame.

The only package that imports MediaPipe, OpenCV and Pillow (the optional extra
``acupressure[vision]``). Heavy imports happen lazily inside functions, so importing this
package is cheap and the rest of the CLI works without the extra.

Flow: :mod:`images` (load and validate) -> :mod:`detect` (MediaPipe) -> :mod:`orient`
(which hand, which side faces the camera) -> :mod:`mapping` (MediaPipe landmarks -> named
anatomical landmarks of the body model) -> the body model's evaluator -> :mod:`locate`
(the result) -> :mod:`annotate` (the picture).
"""

from __future__ import annotations

INSTALL_HINT = "camera features need the vision extra: install acupressure[vision]"


class VisionUnavailableError(RuntimeError):
    """MediaPipe, OpenCV or Pillow is missing."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


class BadImageError(ValueError):
    """The input is not a usable photo; the message is one clear line for the person."""


def available() -> bool:
    """True when the vision extra is installed (checked without importing MediaPipe)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("mediapipe", "cv2", "PIL", "numpy"))
