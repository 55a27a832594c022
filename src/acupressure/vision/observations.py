"""What a detector saw, in image pixels, independent of MediaPipe's own types.

Landmarks keep MediaPipe's order: 21 for a hand, 33 for the body (pose).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

HandLabel = Literal["Left", "Right"]

HAND_LANDMARKS = 21
POSE_LANDMARKS = 33


class HandObservation(BaseModel):
    """One hand as MediaPipe reports it."""

    model_config = ConfigDict(frozen=True)

    label: HandLabel  # MediaPipe's handedness label (assumes a mirrored selfie image)
    score: float = Field(ge=0, le=1)
    points: list[tuple[float, float]] = Field(min_length=HAND_LANDMARKS, max_length=HAND_LANDMARKS)
    depth: list[float] | None = None  # MediaPipe's relative z, same scale as x in pixels


class PoseObservation(BaseModel):
    """The body as MediaPipe Pose reports it."""

    model_config = ConfigDict(frozen=True)

    points: list[tuple[float, float]] = Field(min_length=POSE_LANDMARKS, max_length=POSE_LANDMARKS)
    visibility: list[float] = Field(min_length=POSE_LANDMARKS, max_length=POSE_LANDMARKS)
    score: float = Field(ge=0, le=1)  # mean visibility of the landmarks used for points
