"""Absolute links for what leaves the page (QR codes, PDFs, calendars, sign-in links):
the configured public address (``ACUPRESSURE_PUBLIC_URL``), else the address this request
came to, with its port."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from acupressure.exports.links import join, only_here


def absolute(request: HttpRequest, path: str) -> str:
    base: str | None = settings.PUBLIC_URL
    return join(base, path) if base else request.build_absolute_uri(path)


def phone_cannot_open(url: str) -> bool:
    """Whether a phone scanning this link's QR code cannot reach it (loopback address)."""
    return only_here(url)
