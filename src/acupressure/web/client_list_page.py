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

The CSV (/clients/export.csv) is kept the same way, per practitioner, language and zone,
when it is small enough; otherwise, or while the state is not current, it is streamed as it
is made. A page with a message waiting is made every time. The cached HTML holds a placeholder for
the CSRF token and is compressed once per encoding around it (web/compressed.py), as the
other cached pages are. Each worker keeps its own pages; only the state is shared (it is in
the database).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from acupressure import i18n
from acupressure.records.client_summary import ListState
from acupressure.web.pagecache import TOKEN_PLACEHOLDER, StampedCache, _body, _coded

PAGES = StampedCache(256)
FILES = StampedCache(16)  # the CSV, kept whole when at most KEPT_FILE bytes
KEPT_FILE = 2 * 1024 * 1024


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


def list_file(
    request: HttpRequest, state: ListState, now: datetime, make: Callable[[], Iterator[bytes]]
) -> Iterator[bytes]:
    """The practitioner's CSV as chunks: from the cache while ``state`` is current, else
    made by ``make`` and streamed, and kept on the way when the state was current and the
    file is at most :data:`KEPT_FILE` bytes (a larger one is streamed every time)."""
    key = (request.user.pk, translation.get_language(), timezone.get_current_timezone_name())
    if not state.current(now):
        return make()
    kept: tuple[bytes, ...] | None = FILES.peek((*key, state), i18n.current())
    if kept is not None:
        return iter(kept)
    return _keeping((*key, state), make())


def _keeping(key: tuple[object, ...], chunks: Iterator[bytes]) -> Iterator[bytes]:
    made: list[bytes] = []
    size = 0
    for chunk in chunks:
        yield chunk
        size += len(chunk)
        if size <= KEPT_FILE:
            made.append(chunk)
    if size <= KEPT_FILE:
        whole = tuple(made)
        FILES.get_or_make(key, lambda: whole)
