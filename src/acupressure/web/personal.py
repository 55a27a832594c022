"""A signed-in person's own pages (/diary/, /program/<id>/), made once per change of their
records and reused until the next one.

Every person has a records version (web/records_version.py): a number drawn anew in the
same transaction as every write that changes what their pages show. A page is cached under
the person, its path, host, the records version, the language, the loaded data
(pagecache.StampedCache) and the clock's minute (the pages say what is due today), so:

- a write shows at once: the next view reads the new version and misses;
- one person's page is never another's: the key holds the owner, and only one's own pages
  (no query string, no message waiting) are cached;
- whatever a write missed by the versions would leave behind lasts less than a minute.

The version is read before the data, so a page made while a write commits holds the newer
data under the older number at worst, never the older data under the newer number. Each
worker keeps its own entries (nothing crosses processes but the version, which is in the
database). The cached HTML holds a placeholder for the CSRF token and is compressed once per
encoding around it (web/compressed.py), as the public pages are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from acupressure.web import clock
from acupressure.web.pagecache import TOKEN_PLACEHOLDER, StampedCache, _body, _coded
from acupressure.web.records_version import version

PAGES = StampedCache(512)


def own_page(
    request: HttpRequest, owner_id: int, template: str, context: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """``render(request, template, context())`` for the signed-in owner's own page, made once
    per records version (and minute) and reused; made every time with a query string or a
    message waiting (those pages differ from view to view)."""
    if request.user.pk != owner_id or request.GET or len(messages.get_messages(request)):
        return HttpResponse(render_to_string(template, context(), request))
    minute = clock.now().replace(second=0, microsecond=0)
    key = (owner_id, request.path, request.get_host(), request.is_secure(), minute)
    number = version(owner_id)  # first: see the module's docstring

    def make() -> bytes:
        values = {**context(), "csrf_token": TOKEN_PLACEHOLDER}
        return render_to_string(template, values, request).encode()

    html: bytes = PAGES.get_or_make((*key, number), make)
    body, coding = _body(request, html)
    return _coded(HttpResponse(body), coding)
