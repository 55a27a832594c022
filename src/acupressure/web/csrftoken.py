"""CSRF tokens for cached forms, made as Django's ``get_token`` makes them, only faster.

Django draws each of a token's characters with its own ``secrets.choice`` call: 64 reads of
the system's random source for a new visitor (32 for the secret, 32 for the mask), which
was most of the time of serving the cached ``/plan/`` form. Here the characters come from
one ``os.urandom`` read, turned into letters and digits by rejection (bytes from 248 up are
dropped, so each of the 62 characters is exactly as likely). The secret, its place in
``request.META`` and the masking are Django's, so Django's ``CsrfViewMiddleware`` sets the
cookie and checks the token posted back exactly as it would its own
(tests/web/test_page_cache.py).
"""

from __future__ import annotations

import os

from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_COUNT = len(CSRF_ALLOWED_CHARS)  # 62
_LIMIT = 256 - 256 % _COUNT  # 248: the largest multiple of 62 a byte can reach
_TO_CHAR = bytes(ord(CSRF_ALLOWED_CHARS[b % _COUNT]) if b < _LIMIT else 0 for b in range(256))
_DROPPED = bytes(range(_LIMIT, 256))
_INDEX = {c: i for i, c in enumerate(CSRF_ALLOWED_CHARS)}


def random_chars(length: int) -> str:
    """``length`` characters of CSRF_ALLOWED_CHARS, each uniformly random."""
    found = b""
    while len(found) < length:
        found += os.urandom(length + 16).translate(_TO_CHAR, _DROPPED)
    return found[:length].decode("ascii")


def mask(secret: str) -> str:
    """The secret masked with a new random mask (Django's ``_mask_cipher_secret``)."""
    key = random_chars(CSRF_SECRET_LENGTH)
    chars = CSRF_ALLOWED_CHARS
    cipher = "".join(
        chars[(_INDEX[s] + _INDEX[k]) % _COUNT] for s, k in zip(secret, key, strict=True)
    )
    return key + cipher


def get_token(request: HttpRequest) -> str:
    """The request's CSRF token, masked afresh; a new secret (and with it the cookie that
    CsrfViewMiddleware.process_response sets) when the request brought none."""
    meta = request.META
    if "CSRF_COOKIE" in meta:  # the visitor's valid cookie (CsrfViewMiddleware checked it)
        secret = meta["CSRF_COOKIE"]
    else:
        secret = meta["CSRF_COOKIE"] = random_chars(CSRF_SECRET_LENGTH)
    meta["CSRF_COOKIE_NEEDS_UPDATE"] = True
    return mask(secret)
