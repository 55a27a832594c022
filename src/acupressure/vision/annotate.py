"""Draw a localisation on the photo: landmarks, point markers, radius circles and labels."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from acupressure.vision.result import LocateResult, PlacedPoint

if TYPE_CHECKING:
    from PIL import Image as PILImage
    from PIL import ImageDraw as PILDraw
    from PIL import ImageFont as PILFont

    from acupressure.vision.images import Photo

VISIBLE = (0, 200, 120)  # point on the side facing the camera
HIDDEN = (255, 170, 0)  # point on the far side: shown where it lies behind
SKELETON = (255, 255, 255)
# zlib level for the annotated PNG: 1 writes it several times faster than Pillow's default 6
# for a file about a fifth larger (a photo compresses poorly either way).
PNG_LEVEL = 1


def annotate(photo: Photo, result: LocateResult) -> PILImage.Image:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.fromarray(photo.rgb).convert("RGB")
    draw = ImageDraw.Draw(image)
    scale = max(photo.width, photo.height) / 800
    font = ImageFont.load_default(size=max(12, round(16 * scale)))
    dot = max(2.0, 2.5 * scale)
    for detection in result.detections:
        for x, y in detection.landmarks:
            draw.ellipse((x - dot, y - dot, x + dot, y + dot), outline=SKELETON)
        for point in detection.points:
            _marker(draw, point, scale, font)
    return image


def annotated_png(photo: Photo, result: LocateResult) -> bytes:
    buffer = io.BytesIO()
    annotate(photo, result).save(buffer, "PNG", compress_level=PNG_LEVEL)
    return buffer.getvalue()


def _marker(
    draw: PILDraw.ImageDraw,
    point: PlacedPoint,
    scale: float,
    font: PILFont.FreeTypeFont | PILFont.ImageFont,
) -> None:
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
    label = point.code if point.on_visible_side else f"{point.code} (other side)"
    draw.text(
        (x + r + 4, y - cross), label, fill=colour, font=font, stroke_width=2, stroke_fill=(0, 0, 0)
    )
