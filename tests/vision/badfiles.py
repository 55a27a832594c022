"""Bad image files made at test time (nothing stored in the repository)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def jpeg(
    width: int = 320, height: int = 240, colour: tuple[int, int, int] = (200, 180, 160)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    data = noisy_jpeg()
    return data[: len(data) // 2]


def noisy_jpeg() -> bytes:
    import numpy as np

    rng = np.random.default_rng(7)
    array = rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def huge_png(width: int = 30000, height: int = 30000) -> bytes:
    """A valid PNG header claiming width x height pixels, with a tiny compressed body."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    row = b"\x00" + b"\x00" * width
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(64)) + compressor.flush()
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
    return png + chunk(b"IEND", b"")


def dark_jpeg() -> bytes:
    return jpeg(colour=(8, 8, 10))


TEXT = b"these are not the pixels you are looking for\n"


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png_with_text_bomb(kind: bytes = b"zTXt") -> bytes:
    """A small PNG whose zTXt (or iCCP) chunk inflates far past Pillow's text-chunk limit."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 180, 160)).save(buffer, "PNG")
    png = buffer.getvalue()
    bomb = zlib.compress(b"\x00" * 20_000_000, 9)
    body = (b"comment\x00\x00" if kind == b"zTXt" else b"icc\x00\x00") + bomb
    return png[:33] + _chunk(kind, body) + png[33:]  # after the signature and IHDR


def jpeg_cut_to(size: int = 200) -> bytes:
    """A JPEG cut short inside its headers (Image.open itself fails on it)."""
    return noisy_jpeg()[:size]
