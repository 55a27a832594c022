"""Load a photo safely: size, type and pixel limits are checked before anything is decoded.

Bad input raises :class:`BadImageError` with one line a person can act on.
"""

from __future__ import annotations

import io
import math
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acupressure.i18n import gettext as _
from acupressure.i18n import number
from acupressure.vision import BadImageError, VisionUnavailableError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MAX_BYTES = 15 * 1024 * 1024  # a phone photo is 2-8 MB
MAX_PIXELS = 40_000_000  # 40 megapixels: larger is refused before decoding
MAX_SIDE = 12_000
MAX_PIXELS_FULL_DECODE = 16_000_000  # PNG and WebP cannot be decoded at reduced size
DETECT_SIDE = 1920  # larger photos are scaled down for detection; results use full pixels
DARK_LEVEL = 35.0  # mean brightness (0-255) below which a photo counts as too dark
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")


@dataclass(frozen=True)
class Photo:
    """An upright RGB photo in memory (never written anywhere)."""

    rgb: npt.NDArray[np.uint8]  # height x width x 3
    width: int
    height: int
    brightness: float  # mean luminance 0-255

    @property
    def too_dark(self) -> bool:
        return self.brightness < DARK_LEVEL


def load_path(path: Path, max_bytes: int = MAX_BYTES, max_side: int | None = None) -> Photo:
    """Read and validate an image file."""
    if not path.is_file():
        raise BadImageError(_("{path} is not a file").format(path=path))
    size = path.stat().st_size
    if size > max_bytes:
        raise BadImageError(_too_big(size, max_bytes))
    return load_bytes(path.read_bytes(), max_bytes=max_bytes, max_side=max_side)


def load_bytes(data: bytes, max_bytes: int = MAX_BYTES, max_side: int | None = None) -> Photo:
    """Validate and decode image bytes (JPEG, PNG or WebP) into an upright RGB photo.

    With ``max_side`` the photo is decoded at reduced size (a JPEG in draft mode, at 1/2, 1/4
    or 1/8 scale, while it is decoded) and shrunk so its longer side is at most ``max_side``:
    the web app uses this to keep the memory of one analysis small. Formats that cannot be
    decoded at reduced size are then capped at :data:`MAX_PIXELS_FULL_DECODE`.
    """
    try:
        import numpy as np
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise VisionUnavailableError() from exc

    if not data:
        raise BadImageError(_("the file is empty"))
    if len(data) > max_bytes:
        raise BadImageError(_too_big(len(data), max_bytes))
    with warnings.catch_warnings():
        # Pillow warns, then errors, on very large images; both mean "refuse".
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            decoded = _decode(data, max_side)
            rgb = np.asarray(decoded, dtype=np.uint8)
            brightness = _brightness(decoded)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise BadImageError(
                _("the image has too many pixels; use a photo of at most 40 megapixels")
            ) from None
        except (OSError, ValueError, SyntaxError, EOFError, struct.error, MemoryError) as exc:
            if isinstance(exc, BadImageError):
                raise
            # Image.UnidentifiedImageError is an OSError; a chunk that decompresses past
            # Pillow's limit is a ValueError; a file cut short is an OSError or EOFError.
            if isinstance(exc, UnidentifiedImageError):
                raise BadImageError(_("not a photo: expected a JPEG, PNG or WebP image")) from None
            raise BadImageError(_("the image is truncated or corrupt; try another photo")) from None
    height, width = int(rgb.shape[0]), int(rgb.shape[1])
    return Photo(rgb=rgb, width=width, height=height, brightness=brightness)


def _brightness(image: Any) -> float:
    """Mean luminance 0-255 (ITU-R 601 weights, as Pillow's "L" mode), in C: several times
    faster than the same sum over numpy float arrays."""
    from PIL import ImageStat

    return float(ImageStat.Stat(image.convert("L")).mean[0])


def _decode(data: bytes, max_side: int | None) -> Any:
    """Open, check the size in the header, decode (reduced when asked) and turn upright."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
        width, height = image.size  # read from the header; nothing is decoded yet
        if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
            raise BadImageError(
                _(
                    "the image is {width} x {height} pixels, too large; "
                    "use a photo of at most 40 megapixels"
                ).format(width=width, height=height)
            )
        if width < 32 or height < 32:
            raise BadImageError(
                _("the image is {width} x {height} pixels, too small to find a hand").format(
                    width=width, height=height
                )
            )
        if max_side is not None and max(width, height) > max_side:
            scale = max_side / max(width, height)
            image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
            if image.format != "JPEG" and width * height > MAX_PIXELS_FULL_DECODE:
                raise BadImageError(
                    _(
                        "the image is {width} x {height} pixels; a PNG or WebP may have at "
                        "most {limit} megapixels (a JPEG up to 40)"
                    ).format(width=width, height=height, limit=MAX_PIXELS_FULL_DECODE // 10**6)
                )
        image.load()
        upright = ImageOps.exif_transpose(image)
        rgb = upright if upright.mode == "RGB" else upright.convert("RGB")
        if max_side is not None and max(rgb.size) > max_side:
            rgb.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=None)
        return rgb


def photo_from_rgb(rgb: npt.NDArray[np.uint8]) -> Photo:
    """Wrap an RGB array that is already in memory (tests, benchmarks, transformed photos)."""
    import numpy as np

    array = np.ascontiguousarray(rgb, dtype=np.uint8)
    luminance = array[..., 0] * 0.299 + array[..., 1] * 0.587 + array[..., 2] * 0.114
    return Photo(
        rgb=array,
        width=int(array.shape[1]),
        height=int(array.shape[0]),
        brightness=float(luminance.mean()),
    )


def _too_big(size: int, limit: int) -> str:
    return _("the file is {size} MB; the limit is {limit} MB").format(
        size=number(size / 1e6, 1), limit=number(limit / 1e6, 0)
    )
