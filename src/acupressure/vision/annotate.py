"""Draw a localisation on the photo: landmarks, point markers, radius circles and labels.

Labels are placed by the charts' placer (:class:`acupressure.layout.Placer`): each
label tries spots around its point at growing distances and takes the first one inside the
photo that touches no other label or marker; a label set away from its point gets a leader
line. Their size follows the photo's width, so they read the same once the photo is shown
at the width of the page.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from acupressure.layout import Box, Candidate, Placer, around, text_width
from acupressure.vision.result import LocateResult, PlacedPoint

if TYPE_CHECKING:
    from PIL import Image as PILImage
    from PIL import ImageDraw as PILDraw

    from acupressure.vision.images import Photo

VISIBLE = (0, 200, 120)  # point on the side facing the camera
HIDDEN = (255, 170, 0)  # point on the far side: shown where it lies behind
SKELETON = (255, 255, 255)
PRESS_ON = (0, 230, 90)  # the target circle of the point being pressed, finger on it
PRESS_OFF = (255, 60, 200)  # ... not on it yet
FINGERTIP = (80, 170, 255)


LABEL_SHARE = 0.04  # label text height as a share of the photo's width (about 15 px at 360)
MIN_LABEL_PX = 14


@dataclass(frozen=True)
class TextLabel:
    """One line of bold text, as the placer sees it (the width estimate is generous)."""

    text: str
    size: float

    def box_at(self, x: float, y: float, align: str) -> Box:
        w, h = text_width(self.text, self.size, bold=True), self.size * 1.22
        if align == "left":
            return Box(x - w, y - h / 2, x, y + h / 2)
        if align == "right":
            return Box(x, y - h / 2, x + w, y + h / 2)
        if align == "above":
            return Box(x - w / 2, y - h, x + w / 2, y)
        if align == "below":
            return Box(x - w / 2, y, x + w / 2, y + h)
        return Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)


@dataclass(frozen=True)
class PlacedLabel:
    point: PlacedPoint
    text: str
    box: Box
    leader: tuple[tuple[float, float], tuple[float, float]] | None


def label_size(width: int) -> int:
    return max(MIN_LABEL_PX, round(LABEL_SHARE * width))


def label_text(point: PlacedPoint) -> str:
    side = f" {point.side[0].upper()}" if point.side else ""
    return point.code + side  # the colour tells the far side (the caption says so)


def layout_labels(result: LocateResult) -> list[PlacedLabel]:
    """Where each placed point's label goes on the photo (pixels); none overlap.

    Labels go top to bottom; when one finds no room, the crowded ones go first next time
    (a few rounds at most), so the layout stays deterministic."""
    order = sorted(result.placed(), key=lambda q: (q.y or 0.0, q.x or 0.0))
    best: list[PlacedLabel] = []
    for _ in range(4):
        placed, failed = _layout(result, order)
        if len(placed) > len(best):
            best = placed
        if not failed:
            break
        order = failed + [p for p in order if p not in failed]
    return best


def _layout(
    result: LocateResult, order: list[PlacedPoint]
) -> tuple[list[PlacedLabel], list[PlacedPoint]]:
    width, height = result.image.width, result.image.height
    size = label_size(width)
    cross = size * 0.4
    placer = Placer.empty(Box(0, 0, width, height))
    for p in order:
        assert p.x is not None and p.y is not None
        placer.boxes.append(Box(p.x - cross, p.y - cross, p.x + cross, p.y + cross))
    out: list[PlacedLabel] = []
    failed: list[PlacedPoint] = []
    for p in order:
        assert p.x is not None and p.y is not None
        text = label_text(p)
        label = TextLabel(text, size)
        near = (p.radius or 0.0) + size * 0.3
        gaps = [near, near + size, size * 2.5, size * 4, size * 6, size * 9]
        far = [size * g for g in (12, 16, 21, 27)]
        candidates = around((p.x, p.y), gaps) + _ring((p.x, p.y), far)
        spot = placer.place(label, candidates, leader_from=(p.x, p.y))
        if spot is None:
            failed.append(p)
            continue
        box, leader = spot
        moved = leader is not None and _far(box, (p.x, p.y), near + size * 0.5)
        out.append(PlacedLabel(p, text, box, ((p.x, p.y), leader) if moved and leader else None))
    return out, failed


# zlib level for the annotated PNG: 1 writes it several times faster than Pillow's default 6
# for a file about a fifth larger (a photo compresses poorly either way).
PNG_LEVEL = 1


def annotate(photo: Photo, result: LocateResult) -> PILImage.Image:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.fromarray(photo.rgb).convert("RGB")
    draw = ImageDraw.Draw(image)
    scale = max(photo.width, photo.height) / 800
    font = ImageFont.load_default(size=label_size(photo.width))
    dot = max(2.0, 2.5 * scale)
    for detection in result.detections:
        for x, y in detection.landmarks:
            draw.ellipse((x - dot, y - dot, x + dot, y + dot), outline=SKELETON)
        for point in detection.points:
            _marker(draw, point, scale)
    width = max(2, round(label_size(photo.width) / 8))
    for placed in layout_labels(result):
        colour = VISIBLE if placed.point.on_visible_side else HIDDEN
        if placed.leader is not None:
            draw.line((*placed.leader[0], *placed.leader[1]), fill=(0, 0, 0), width=width + 2)
            draw.line((*placed.leader[0], *placed.leader[1]), fill=colour, width=width)
        box = placed.box
        draw.text(
            ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2),
            placed.text,
            fill=colour,
            font=font,
            anchor="mm",
            stroke_width=max(2, width),
            stroke_fill=(0, 0, 0),
        )
    if result.press is not None:
        _press_marks(draw, result, scale)
    return image


def _press_marks(draw: PILDraw.ImageDraw, result: LocateResult, scale: float) -> None:
    """The target circle of the point being pressed and the presser's fingertip."""
    press = result.press
    assert press is not None
    width = max(3, round(3 * scale))
    if press.target is not None:
        t = press.target
        colour = PRESS_ON if press.verdict == "on" else PRESS_OFF
        draw.ellipse(
            (t.x - t.radius, t.y - t.radius, t.x + t.radius, t.y + t.radius),
            outline=colour,
            width=width,
        )
    if press.presser.x is not None and press.presser.y is not None:
        x, y, r = press.presser.x, press.presser.y, max(5.0, 6 * scale)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=FINGERTIP, outline=(0, 0, 0))


def _ring(p: tuple[float, float], gaps: Sequence[float], steps: int = 24) -> list[Candidate]:
    """Candidates on circles around a point, for crowded photos."""
    out: list[Candidate] = []
    for g in gaps:
        for k in range(steps):
            a = 2 * math.pi * k / steps
            x, y = p[0] + g * math.cos(a), p[1] + g * math.sin(a)
            out.append((x, y, "right" if math.cos(a) >= 0 else "left"))
    return out


def _far(box: Box, p: tuple[float, float], limit: float) -> bool:
    dx = max(box.x0 - p[0], 0.0, p[0] - box.x1)
    dy = max(box.y0 - p[1], 0.0, p[1] - box.y1)
    return math.hypot(dx, dy) > limit


def annotated_png(photo: Photo, result: LocateResult) -> bytes:
    buffer = io.BytesIO()
    annotate(photo, result).save(buffer, "PNG", compress_level=PNG_LEVEL)
    return buffer.getvalue()


def _marker(draw: PILDraw.ImageDraw, point: PlacedPoint, scale: float) -> None:
    if point.x is None or point.y is None:
        return
    colour = VISIBLE if point.on_visible_side else HIDDEN
    x, y, r = point.x, point.y, point.radius or 0.0
    width = max(2, round(2 * scale))
    if r > 0:
        draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=width)
    cross = max(4.0, 6 * scale)
    draw.line((x - cross, y, x + cross, y), fill=colour, width=width)
    draw.line((x, y - cross, x, y + cross), fill=colour, width=width)
