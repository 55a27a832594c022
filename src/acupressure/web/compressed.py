"""Cached pages compressed once per encoding, not again on every request.

A cached page is the same bytes for everyone except its CSRF tokens (the language switcher
and forms carry one, a placeholder in the cache). So:

- a page without a placeholder is compressed once per encoding (brotli, else gzip) and the
  same bytes are sent every time: there is nothing per visitor in it for BREACH to find;
- a page with placeholders is sent as gzip made *around* the tokens: the parts between them
  are compressed once, each part its own deflate run (a full flush ends it, so no part
  refers back to another or to a token), and each token goes between them in a stored
  (uncompressed) deflate block. The token is never compressed together with anything, so
  the response's length says nothing about it, and only the CRC is computed per request.

Everything else (signed-in pages made per request, JSON, errors) is left to Django's
GZipMiddleware, which skips a response that already has a Content-Encoding.
"""

from __future__ import annotations

import struct
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

import brotli

MAX_ENTRIES = 512
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # deflate, no name, no mtime


@dataclass(frozen=True)
class Around:
    """A page's parts between its tokens, each compressed as its own deflate run."""

    plain: tuple[bytes, ...]
    packed: tuple[bytes, ...]


_cache: OrderedDict[tuple[bytes, str], bytes | Around] = OrderedDict()
_lock = Lock()


def accepted(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (``q=0`` refuses one)."""
    found = set()
    for item in header.lower().split(","):
        name, _, params = item.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(q) > 0:
                found.add(name.strip())
        except ValueError:
            continue
    return found


def choose(header: str, has_tokens: bool) -> str | None:
    """The coding to send: brotli or gzip for a page without tokens, gzip around tokens."""
    codings = accepted(header)
    if "br" in codings and not has_tokens:
        return "br"
    return "gzip" if "gzip" in codings else None


def encode(page: bytes, placeholder: bytes, token: bytes, coding: str) -> bytes:
    """``page`` with every placeholder replaced by ``token``, in ``coding``."""
    made = _made(page, placeholder, coding)
    if isinstance(made, bytes):
        return made
    return _join(made, token)


def _made(page: bytes, placeholder: bytes, coding: str) -> bytes | Around:
    key = (page, coding)  # the cache's own bytes object: hashed once, compared by identity
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    made = _compress(page, placeholder, coding)
    with _lock:
        _cache[key] = made
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return made


def _compress(page: bytes, placeholder: bytes, coding: str) -> bytes | Around:
    if coding == "br":
        return bytes(brotli.compress(page, quality=11))
    parts = tuple(page.split(placeholder))
    if len(parts) == 1:
        return _GZIP_HEADER + _deflate(parts)[0] + _trailer(page)
    return Around(plain=parts, packed=_deflate(parts))


def _deflate(parts: tuple[bytes, ...]) -> tuple[bytes, ...]:
    """Each part as raw deflate; every part but the last ends with a full flush (byte
    aligned, nothing after it refers back), the last with the final block."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    last = len(parts) - 1
    return tuple(
        packer.compress(part) + packer.flush(zlib.Z_FINISH if i == last else zlib.Z_FULL_FLUSH)
        for i, part in enumerate(parts)
    )


def _stored(data: bytes) -> bytes:
    """A non-final stored deflate block holding ``data`` (RFC 1951, 3.2.4)."""
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data


def _join(made: Around, token: bytes) -> bytes:
    body = [_GZIP_HEADER, made.packed[0]]
    crc = zlib.crc32(made.plain[0])
    size = len(made.plain[0])
    for plain, packed in zip(made.plain[1:], made.packed[1:], strict=True):
        body += [_stored(token), packed]
        crc = zlib.crc32(plain, zlib.crc32(token, crc))
        size += len(token) + len(plain)
    body.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(body)


def _trailer(page: bytes) -> bytes:
    return struct.pack("<II", zlib.crc32(page), len(page) & 0xFFFFFFFF)


def clear() -> None:
    with _lock:
        _cache.clear()
