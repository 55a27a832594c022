"""The answer of a localisation, shared by the CLI (--json), the web page and the API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from acupressure.body.vocabulary import Side
from acupressure.vision.orient import Facing
from acupressure.vision.press import PressResult


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class ImageSize(_Model):
    width: int
    height: int


class PlacedPoint(_Model):
    """One point on one detection. x, y and radius are None when this view cannot show it."""

    code: str
    side: Side | None  # the person's side for bilateral points; None on the midline
    x: float | None
    y: float | None
    radius: float | None  # uncertainty radius in pixels
    on_visible_side: bool
    note: str


class Detection(_Model):
    kind: Literal["hand", "body"]
    hand: Side | None  # the person's own hand; None for the body
    facing: Facing
    confidence: float
    size: float  # pixels: wrist to middle knuckle (hand); shoulders to hips or across (body)
    small: bool  # too small in the picture for MediaPipe to be trusted (see vision.smallness)
    landmarks: list[tuple[float, float]]  # pixels, MediaPipe order (21 hand / 33 pose)
    points: list[PlacedPoint]


class NotPlaced(_Model):
    """A requested point that got no position on this photo, and why."""

    code: str
    reason: str


class LocateResult(_Model):
    image: ImageSize
    detections: list[Detection]
    warnings: list[str]
    press: PressResult | None = None  # the press verdict, when a point to press was given
    not_placed: list[NotPlaced] = []  # requested points with no position anywhere, and why

    def placed(self) -> list[PlacedPoint]:
        return [p for d in self.detections for p in d.points if p.x is not None]
