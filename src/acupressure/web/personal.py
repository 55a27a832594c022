"""A signed-in person's own pages (/diary/, /program/<id>/), made once per change of their
records and reused until the next one.

Every person has a records version (records/records_version.py): a number drawn anew in the
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

import re
from collections.abc import Callable
from threading import Lock
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.loader import render_to_string

from acupressure.records import clock
from acupressure.web import pagecache, signed
from acupressure.web.pagecache import TOKEN_PLACEHOLDER, StampedCache, _body, _coded

PAGES = StampedCache(512)
_making: dict[tuple[object, ...], Lock] = {}
_making_lock = Lock()


def own_page(
    request: HttpRequest, owner_id: int, template: str, context: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """``render(request, template, context())`` for the signed-in owner's own page, made once
    per records version (and minute) and reused; made every time with a query string or a
    message waiting (those pages differ from view to view)."""
    if request.user.pk != owner_id or request.GET or len(messages.get_messages(request)):
        return HttpResponse(render_to_string(template, context(), request))
    key = _key(request, owner_id)
    account = signed.account(owner_id)  # first: see the module's docstring
    if account is None:
        return HttpResponse(render_to_string(template, context(), request))

    def make() -> bytes:
        values = {**context(), "csrf_token": TOKEN_PLACEHOLDER}
        return render_to_string(template, values, request).encode()

    html: bytes = _made_once((*key, account.version), make)
    body, coding = _body(request, html)
    return _coded(HttpResponse(body), coding)


def _made_once(key: tuple[object, ...], make: Callable[[], bytes]) -> bytes:
    """The cached page, made by one thread of the process while the others asking for the
    same page wait for it (a long diary takes a while; 20 people at once would each make
    it)."""
    with _making_lock:
        lock = _making.setdefault(key, Lock())
    try:
        with lock:
            page: bytes = PAGES.get_or_make(key, make)  # a waiter finds it made
            return page
    finally:
        with _making_lock:
            if _making.get(key) is lock and not lock.locked():
                del _making[key]


OWN_PAGE = re.compile(r"/diary/|/program/\d{1,18}/")
# The public pages whose views answer every signed-in person of a role alike
# (pagecache.cached_page under the path and role alone). Not "/": it shows a person their
# program's day when they have one.
ROLE_PAGE = re.compile(r"/about/|/plan/|/points/(?:[\w-]{1,40}/)?")


class OwnPageMiddleware:
    """Answers a signed-in person's GET of their own cached page, or of a public page cached
    for their role, before the session, authentication, CSRF, locale and messages
    middleware run, in one statement (the session with its account, stored language,
    records version and practitioner profile: web/signed.py). It answers only when Django's
    own checks would pass the same way (a session that has not expired, signed in through
    the model backend, the account active and its session hash verified with the current
    secret, no message waiting, the stored language already in the cookie) and the page is
    in the cache; anything else goes on down the chain as before, to the view. The headers
    are the ones those middleware would set (tests/web/test_personal_pages.py compares the
    two answers)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET" or request.META.get("QUERY_STRING"):
            return self.get_response(request)
        own = OWN_PAGE.fullmatch(request.path)
        if not (own or ROLE_PAGE.fullmatch(request.path)) or "messages" in request.COOKIES:
            return self.get_response(request)
        who = signed.signed_in(request)
        if who is None:
            return self.get_response(request)
        if own:
            html = PAGES.peek((*_key(request, who.user_id), who.version), who.language)
        else:
            request.get_host()  # the ALLOWED_HOSTS check (DisallowedHost: a 400), as _key's
            role = pagecache.signed_in_role(who.practitioner)
            html = pagecache.PAGES.peek((request.path, role), who.language)
        if html is None:
            return self.get_response(request)
        self.csrf.process_request(request)  # the browser's CSRF secret, as the view has it
        body, coding = _body(request, html)
        return signed.finish(request, _coded(HttpResponse(body), coding), who, self.csrf)


def _key(request: HttpRequest, owner_id: int) -> tuple[object, ...]:
    minute = clock.now().replace(second=0, microsecond=0)
    return (owner_id, request.path, request.get_host(), request.is_secure(), minute)
