"""Where printed links and QR codes point: the address the web app is reachable at.

A link on paper is opened by a phone, so it must name an address the phone can reach. The
web uses the configured public address, else the request's own host (the address the
browser used, with its port); the CLI, which runs without a server, uses the configured
public address, else ``LOCAL_BASE``. ``only_here`` tells when a link can work on this
machine only (a loopback or unspecified address), so the caller can say so.

The setting is the environment variable ``ACUPRESSURE_PUBLIC_URL``, e.g.
``https://acupressure.clinic.example`` (docs/deployment.md).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from acupressure.i18n import gettext as _

ENV = "ACUPRESSURE_PUBLIC_URL"
LOCAL_BASE = "http://127.0.0.1:8000"


class PublicUrlError(ValueError):
    """The configured public address is not an http(s) address of a host."""


def public_url(environ: Mapping[str, str] = os.environ) -> str | None:
    """The configured public address without a trailing slash, or None when unset."""
    raw = environ.get(ENV, "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise PublicUrlError(
            _("{name}={value!r} is not a web address like {example}").format(
                name=ENV, value=raw, example="https://acupressure.clinic.example"
            )
        )
    return raw.rstrip("/")


def base_url(environ: Mapping[str, str] = os.environ) -> str:
    """Where the CLI's printed links point: the public address, else ``LOCAL_BASE``."""
    return public_url(environ) or LOCAL_BASE


def join(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path.lstrip("/")


def only_here(url: str) -> bool:
    """Whether the link can only be opened on the machine that serves it."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return not host
    return address.is_loopback or address.is_unspecified or address.is_link_local


def local_link_warning(url: str, option: str) -> str:
    """The CLI's warning for a link that only this machine can open (``option`` sets it)."""
    return _(
        "warning: the link {url} works only on this computer, not on a phone; set {name} "
        "to the address your server is reachable at (docs/deployment.md), or give {option}"
    ).format(url=url, name=ENV, option=option)
