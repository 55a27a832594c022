"""Per-client rate limits (fixed windows in Django's cache) and the client's address.

The client is REMOTE_ADDR: the peer, or, behind a trusted reverse proxy, the address the
proxy forwarded (waitress, or ``proxy.ForwardedApp`` under gunicorn, rewrites REMOTE_ADDR
only for the proxy it trusts; see :mod:`acupressure.web.proxy`). The default cache is in
the process's memory, so the limits hold per server process; several processes
(``serve --workers``) each count on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

from acupressure.records import clock


@dataclass(frozen=True)
class Limit:
    """At most ``count`` requests per ``seconds`` from one client, for one named action."""

    name: str
    count: int
    seconds: int


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def allow(request: HttpRequest, limit: Limit) -> bool:
    """Count this request; False once the client has used up the limit in this window."""
    return allow_for(client_address(request), limit)


def allow_for(who: str, limit: Limit) -> bool:
    """Count one use by ``who`` (a client address, or any other key: an email address's
    digest); False once ``who`` has used up the limit in this window."""
    window = int(clock.now().timestamp()) // limit.seconds
    key = f"rate:{limit.name}:{who}:{window}"
    if cache.add(key, 1, timeout=limit.seconds + 1):
        return True
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=limit.seconds + 1)
        return True
    return used <= limit.count


def axes_client_ip(request: HttpRequest) -> str | None:
    """django-axes' client address: the same REMOTE_ADDR, None when there is none (a request
    made up by Django's test client), since the database column takes only addresses."""
    address = request.META.get("REMOTE_ADDR")
    return str(address) if address else None


# django-axes keeps the username of each failed sign-in in a column of 255 characters
AXES_USERNAME_CHARS = 255


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """django-axes' username for a sign-in attempt, cut to its column's length as axes cuts
    the user agent: a longer one (no account has one; usernames hold 150) is still a failed
    attempt that counts, not a database error."""
    source = credentials if credentials else request.POST
    username = source.get("username")
    return str(username)[:AXES_USERNAME_CHARS] if username is not None else None
