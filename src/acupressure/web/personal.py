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
from dataclasses import dataclass
from threading import Lock
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.crypto import constant_time_compare

from acupressure import i18n
from acupressure.records import clock
from acupressure.records.language.models import LanguagePreference
from acupressure.records.models import RecordsVersion
from acupressure.web.language.middleware import core_language
from acupressure.web.pagecache import TOKEN_PLACEHOLDER, StampedCache, _body, _coded
from acupressure.web.security import PRIVATE

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
    account = _account(owner_id)  # first: see the module's docstring
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
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
DB_SESSIONS = "django.contrib.sessions.backends.db"


@dataclass(frozen=True)
class Account:
    """The account's row with its stored language and records version (one statement)."""

    password: str
    active: bool
    language: str | None
    version: str  # the records version, and when the account was made (ids of accounts
    # deleted in a rolled-back transaction come back; their made time does not)


@dataclass(frozen=True)
class Signed:
    """What a signed-in request's cached answer depends on, read in two statements."""

    user_id: int
    language: i18n.Language
    version: str


class OwnPageMiddleware:
    """Answers a signed-in person's GET of their own cached page before the session,
    authentication, CSRF, locale and messages middleware run, in two statements: the session
    row, then the account with its stored language and records version. It answers only
    when Django's own checks would pass the same way (a session that has not expired, signed
    in through the model backend, the account active and its session hash verified with the
    current secret, no message waiting, the stored language already in the cookie) and the
    page is in the cache; anything else goes on down the chain as before, to the view. The
    headers are the ones those middleware would set (tests/web/test_personal_pages.py
    compares the two answers)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET" or request.META.get("QUERY_STRING"):
            return self.get_response(request)
        if not OWN_PAGE.fullmatch(request.path) or "messages" in request.COOKIES:
            return self.get_response(request)
        signed = signed_in(request)
        if signed is None:
            return self.get_response(request)
        html = PAGES.peek((*_key(request, signed.user_id), signed.version), signed.language)
        if html is None:
            return self.get_response(request)
        self.csrf.process_request(request)  # the browser's CSRF secret, as the view has it
        body, coding = _body(request, html)
        response = _coded(HttpResponse(body), coding)
        response["Content-Length"] = str(len(body))
        response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
        response["Content-Language"] = signed.language.lower()
        response["Cache-Control"] = PRIVATE
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        self.csrf.process_response(request, response)
        return response


def _key(request: HttpRequest, owner_id: int) -> tuple[object, ...]:
    minute = clock.now().replace(second=0, microsecond=0)
    return (owner_id, request.path, request.get_host(), request.is_secure(), minute)


def signed_in(request: HttpRequest) -> Signed | None:
    """The signed-in person, their page's language and records version, when Django's
    session and authentication middleware would find them signed in; else None."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    if settings.SESSION_ENGINE != DB_SESSIONS or not 8 <= len(key) <= 40:
        return None
    session = _session(key)
    if session is None or "_messages" in session:
        return None
    if session.get(BACKEND_SESSION_KEY) != MODEL_BACKEND:
        return None
    raw_id = str(session.get(SESSION_KEY, ""))
    if not raw_id.isdecimal() or len(raw_id) > 18:
        return None
    account = _account(int(raw_id))
    if account is None or not account.active:
        return None
    hashed = User(id=int(raw_id), password=account.password).get_session_auth_hash()
    if not constant_time_compare(str(session.get(HASH_SESSION_KEY, "")), hashed):
        return None
    stored = account.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if stored and cookie != stored:
        return None  # the language middleware sets the cookie: its answer
    code = stored or translation.get_language_from_request(request)
    return Signed(int(raw_id), core_language(code), account.version)


def _account(user_id: int) -> Account | None:
    quote = connection.ops.quote_name
    user, chosen, version = (
        quote(m._meta.db_table) for m in (User, LanguagePreference, RecordsVersion)
    )
    sql = (
        "SELECT u.password, u.is_active, c.language, v.number, u.date_joined "  # noqa: S608
        f"FROM {user} u LEFT JOIN {chosen} c ON c.user_id = u.id "
        f"LEFT JOIN {version} v ON v.owner_id = u.id WHERE u.id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    return Account(row[0], bool(row[1]), row[2], f"{row[3] or 0}/{row[4]}")


def _session(key: str) -> dict[str, Any] | None:
    table = connection.ops.quote_name(Session._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = f"SELECT session_data FROM {table} WHERE session_key = %s AND expire_date > %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, now])
        row = cursor.fetchone()
    if row is None:
        return None
    found: dict[str, Any] = SessionStore().decode(row[0])
    return found
