"""/clients/ made once per state of the practitioner's list and reused.

The page is cached under the practitioner, the full path (sort and page, and the language
form's ``next``), host and scheme, language and time zone, and the list's state
(records/client_summary.py ``ListState``: the practitioner's records version and list
version, and when the clock next changes a row), read in one statement before the rows. It
is served from the cache only while that state is current (every row kept, fresh and not
due at this moment): a write to any client's records or to the practitioner's links draws a
new state in the writer's transaction, and the clock reaching a row's due time makes the
state not current, so the page is made again from rows brought up to date. Reading the
state first means a page made while a write commits holds the newer rows under the older
state at worst, never the older rows under the newer one.

A page with a message waiting is made every time. The cached HTML holds a placeholder for
the CSRF token and is compressed once per encoding around it (web/compressed.py), as the
other cached pages are. Each worker keeps its own pages; only the state is shared (it is in
the database).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from acupressure.records.client_summary import ListState
from acupressure.web.pagecache import TOKEN_PLACEHOLDER, StampedCache, _body, _coded

PAGES = StampedCache(256)


@dataclass(frozen=True)
class Made:
    """A list page as sent (the CSRF token a placeholder) and the links it shows."""

    html: bytes
    shown: tuple[int, ...]


def list_page(
    request: HttpRequest,
    state: ListState,
    now: datetime,
    template: str,
    make: Callable[[], tuple[dict[str, Any], tuple[int, ...]]],
) -> tuple[HttpResponse, tuple[int, ...]]:
    """The page and the links on it: from the cache while ``state`` is current, else made
    (``make`` gives the template's context and the links shown)."""
    if not state.current(now) or len(messages.get_messages(request)):
        context, shown = make()
        return HttpResponse(render_to_string(template, context, request)), shown

    def made() -> Made:
        context, shown = make()
        values = {**context, "csrf_token": TOKEN_PLACEHOLDER}
        return Made(render_to_string(template, values, request).encode(), shown)

    page: Made = PAGES.get_or_make(_key(request, state), made)
    body, coding = _body(request, page.html)
    return _coded(HttpResponse(body), coding), page.shown


def _key(request: HttpRequest, state: ListState) -> tuple[object, ...]:
    return (
        request.user.pk,
        request.get_full_path(),
        request.get_host(),
        request.is_secure(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        state,
    )
