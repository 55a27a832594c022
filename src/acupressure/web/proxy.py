"""Whom to trust for X-Forwarded-*: the one typed place both WSGI servers are configured from.

Behind a reverse proxy (``ACUPRESSURE_BEHIND_PROXY=1``) the proxy terminates TLS and tells
the app the original scheme, host and client address in X-Forwarded-* headers. Those
headers are believed only when they come from ``ACUPRESSURE_TRUSTED_PROXY`` (the proxy's
address, 127.0.0.1 by default); from anyone else they are dropped. Both WSGI servers of
``acupressure serve`` take the same trust from :func:`proxy_trust`: waitress rewrites the
request itself (:meth:`ProxyTrust.waitress_options`); gunicorn sets only the scheme, so the
app it serves is wrapped in :class:`ForwardedApp`, which takes the client's address (the
last one in X-Forwarded-For, the one the trusted proxy added), host and port from the
trusted proxy as waitress does.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from acupressure.records.env import env_bool, env_str

FORWARDED_HEADERS = ("x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto")
# the same headers as WSGI environ keys
FORWARDED_KEYS = tuple("HTTP_" + name.upper().replace("-", "_") for name in FORWARDED_HEADERS)
WsgiApp = Callable[[dict[str, Any], Any], Iterable[bytes]]


@dataclass(frozen=True)
class ProxyTrust:
    """``trusted`` is None when no proxy is trusted (the app is reached directly)."""

    trusted: str | None

    @property
    def behind_proxy(self) -> bool:
        return self.trusted is not None

    def waitress_options(self) -> dict[str, Any]:
        if self.trusted is None:
            return {"clear_untrusted_proxy_headers": True}
        return {
            "trusted_proxy": self.trusted,
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": set(FORWARDED_HEADERS),
            "clear_untrusted_proxy_headers": True,
        }

    def trusts(self, peer: str) -> bool:
        """Whether X-Forwarded-* from this peer address are believed."""
        return self.trusted is not None and (self.trusted == "*" or peer == self.trusted)

    def forward(self, environ: dict[str, Any]) -> None:
        """Rewrite a WSGI request as waitress does: from the trusted proxy, the client's
        address is the last of X-Forwarded-For and the host and port are the forwarded
        ones; from anyone else the X-Forwarded-* headers are removed."""
        if not self.trusts(str(environ.get("REMOTE_ADDR", ""))):
            for key in FORWARDED_KEYS:
                environ.pop(key, None)
            return
        client = _last_address(environ.get("HTTP_X_FORWARDED_FOR", ""))
        if client is not None:
            environ["REMOTE_ADDR"] = client
        host = str(environ.get("HTTP_X_FORWARDED_HOST", "")).split(",")[-1].strip()
        if host:
            environ["HTTP_HOST"] = host
        port = str(environ.get("HTTP_X_FORWARDED_PORT", "")).split(",")[-1].strip()
        if port.isdigit():
            environ["SERVER_PORT"] = port

    def gunicorn_options(self) -> dict[str, Any]:
        """Settings for gunicorn's config (``forwarded_allow_ips`` and the scheme header)."""
        if self.trusted is None:
            return {"forwarded_allow_ips": "", "secure_scheme_headers": {}}
        return {
            "forwarded_allow_ips": self.trusted,
            "secure_scheme_headers": {"X-FORWARDED-PROTO": "https"},
        }


def proxy_trust() -> ProxyTrust:
    """The trust from the environment; a trusted proxy that is no address stops the server."""
    if not env_bool("ACUPRESSURE_BEHIND_PROXY", False):
        return ProxyTrust(trusted=None)
    trusted = env_str("ACUPRESSURE_TRUSTED_PROXY", "127.0.0.1").strip()
    if trusted == "*":
        return ProxyTrust(trusted=trusted)
    try:
        return ProxyTrust(trusted=str(ipaddress.ip_address(trusted)))
    except ValueError:
        raise ImproperlyConfigured(
            f"ACUPRESSURE_TRUSTED_PROXY={trusted!r} is not an IP address (or * for any)"
        ) from None


def _last_address(forwarded_for: str) -> str | None:
    """The address the trusted proxy appended (the last entry), None if it is no address."""
    last = forwarded_for.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return None


class ForwardedApp:
    """A WSGI app that believes X-Forwarded-* only from the trusted proxy (gunicorn's path)."""

    def __init__(self, app: WsgiApp, trust: ProxyTrust) -> None:
        self.app = app
        self.trust = trust

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        self.trust.forward(environ)
        return self.app(environ, start_response)
