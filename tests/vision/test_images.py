"""Loading photos: limits are checked before decoding, and bad files give one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from acupressure.vision import BadImageError
from acupressure.vision.images import load_bytes, load_path

from . import badfiles


def test_a_jpeg_loads_as_upright_rgb() -> None:
    photo = load_bytes(badfiles.jpeg(320, 240))
    assert (photo.width, photo.height) == (320, 240)
    assert photo.rgb.shape == (240, 320, 3)
    assert not photo.too_dark


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (badfiles.TEXT, "not a photo"),
        (badfiles.truncated_jpeg(), "truncated or corrupt"),
        (badfiles.huge_png(), "too many pixels"),
        (badfiles.huge_png(9000, 9000), "too large"),
    ],
    ids=["empty", "text", "truncated", "bomb", "over-40-megapixels"],
)
def test_bad_input_is_refused_with_a_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(BadImageError, match=message) as caught:
        load_bytes(data)
    assert "\n" not in str(caught.value)


def test_file_over_the_byte_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff" * 2048)
    with pytest.raises(BadImageError, match="limit"):
        load_path(big, max_bytes=1024)


def test_dark_photo_is_flagged() -> None:
    assert load_bytes(badfiles.dark_jpeg()).too_dark
