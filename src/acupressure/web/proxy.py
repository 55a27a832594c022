"""Whom to trust for X-Forwarded-*: the one typed place both WSGI servers are configured from.

Behind a reverse proxy (``ACUPRESSURE_BEHIND_PROXY=1``) the proxy terminates TLS and tells
the app the original scheme, host and client address in X-Forwarded-* headers. Those
headers are believed only when they come from ``ACUPRESSURE_TRUSTED_PROXY`` (the proxy's
address, 127.0.0.1 by default); from anyone else the server drops them. Waitress
(``acupressure serve``) and gunicorn take the same trust from :func:`proxy_trust`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from acupressure.web.env import env_bool, env_str

FORWARDED_HEADERS = ("x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto")


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

    def gunicorn_options(self) -> dict[str, Any]:
        """Settings for gunicorn's config (``forwarded_allow_ips`` and the scheme header)."""
        if self.trusted is None:
            return {"forwarded_allow_ips": "", "secure_scheme_headers": {}}
        return {
            "forwarded_allow_ips": self.trusted,
            "secure_scheme_headers": {"X-FORWARDED-PROTO": "https"},
        }


def proxy_trust() -> ProxyTrust:
    if not env_bool("ACUPRESSURE_BEHIND_PROXY", False):
        return ProxyTrust(trusted=None)
    return ProxyTrust(trusted=env_str("ACUPRESSURE_TRUSTED_PROXY", "127.0.0.1").strip())
