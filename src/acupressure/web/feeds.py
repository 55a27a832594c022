"""Calendar files built once per program change, then answered from memory with validators.

A program's calendar is a pure function of the program (its schedule, press times, stop),
the language, the link put in each event and the installation's id (in every UID). The body
is kept under a digest of those (the ETag), so a change to any of them makes a new entry
and the old one is never served.
``Last-Modified`` is when this process built the entry: a calendar app that asks again with
If-None-Match or If-Modified-Since gets 304 and no body, until the program changes.
Each server process keeps its own copy (nothing shared, nothing to invalidate).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from threading import Lock

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from acupressure import i18n
from acupressure.program import Program
from acupressure.records import clock

MAX_ENTRIES = 256


@dataclass(frozen=True)
class Built:
    body: bytes
    etag: str
    built_at: datetime


_cache: OrderedDict[str, Built] = OrderedDict()
_lock = Lock()


def _key(program: Program, link: str | None, installation: str) -> str:
    source = "\n".join((program.model_dump_json(), i18n.current(), link or "", installation))
    return hashlib.sha256(source.encode()).hexdigest()[:32]


def built(
    program: Program, link: str | None, installation: str, make: Callable[[], bytes]
) -> Built:
    """The calendar for ``program`` in the current language, made at most once per change
    (``installation``: this installation's id, which every UID holds)."""
    key = _key(program, link, installation)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    entry = Built(make(), key, clock.now().replace(microsecond=0))
    with _lock:
        _cache[key] = entry
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return entry


def answer(request: HttpRequest, entry: Built, content_type: str) -> HttpResponse:
    """200 with the body and its validators, or 304 when the asker already has it."""
    last_modified = int(entry.built_at.timestamp())
    etag = quote_etag(entry.etag)
    unchanged = get_conditional_response(request, etag=etag, last_modified=last_modified)
    response = unchanged or HttpResponse(entry.body, content_type=content_type)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response


def clear() -> None:
    with _lock:
        _cache.clear()
