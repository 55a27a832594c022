"""Public pages and plans are pure functions of the data: compute each once, then reuse it.

An entry remembers the loaded data it was made from (the atlas index, the sources, the red
flags and the conditions: the very objects, compared by identity). Reloading any of them
makes new objects, so an entry made from older data can never be served again.

A page is cached per path and per role (anonymous, person, practitioner: the navigation
differs, only practitioners have "Clients"), and only when
the query string is empty and no message is waiting. Its CSRF token is rendered as a
placeholder and replaced on every response by the request's own (freshly masked) token, so
a cached page carries the token of whoever asks, exactly as a rendered one would.
Nothing here is shared between processes or needed across requests: each worker builds its
own copy, which is why several workers or machines stay consistent.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers

from acupressure import atlas, i18n, safety
from acupressure.web import compressed
from acupressure.web.csrftoken import get_token

if TYPE_CHECKING:
    from acupressure.plan import Plan
    from acupressure.safety import Intake

MAX_ENTRIES = 256
TOKEN_PLACEHOLDER = "csrf-token-placeholder-6f1d0c"  # noqa: S105 - not a secret
_PLACEHOLDER = TOKEN_PLACEHOLDER.encode()


def data_stamp() -> tuple[object, ...]:
    """The loaded data every cached page and plan derives from (compared by identity)."""
    return (atlas.index(), atlas.sources(), safety.red_flags(), safety.conditions())


class StampedCache:
    """A small least-recently-used map whose entries expire when the data is reloaded."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self._items: OrderedDict[object, tuple[tuple[object, ...], Any]] = OrderedDict()
        self._size = size
        self._lock = Lock()

    def get_or_make(self, key: object, make: Callable[[], Any]) -> Any:
        key = (i18n.current(), key)  # pages, plans and charts are worded in a language
        stamp = data_stamp()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and all(a is b for a, b in zip(hit[0], stamp, strict=True)):
                self._items.move_to_end(key)
                return hit[1]
        value = make()
        with self._lock:
            self._items[key] = (stamp, value)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def peek(self, key: object, language: i18n.Language) -> Any:
        """The entry in ``language`` if it is there and made from the loaded data, else None
        (for callers that run before the language is set: the middleware below)."""
        with i18n.use(language):  # the translated data it was made from
            stamp = data_stamp()
        with self._lock:
            hit = self._items.get((language, key))
        if hit is not None and all(a is b for a, b in zip(hit[0], stamp, strict=True)):
            return hit[1]
        return None

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


PAGES = StampedCache()
PLANS = StampedCache()
PLAN_TEXTS = StampedCache()
CHARTS = StampedCache(64)
PLAN_BODIES = StampedCache()  # (content type, request body) -> plan JSON, for the API
MAX_PLAN_BODY = 4096  # bytes; larger bodies are never kept as keys


def _coded(response: HttpResponse, coding: str | None) -> HttpResponse:
    if coding:
        response["Content-Encoding"] = coding
        patch_vary_headers(response, ("Accept-Encoding",))
    return response


def cached_page(
    request: HttpRequest, template: str, context: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """``render(request, template, context())``, made once per data version and reused."""
    if request.GET or len(messages.get_messages(request)):
        return HttpResponse(render_to_string(template, context(), request))

    def make() -> str:
        values = {**context(), "csrf_token": TOKEN_PLACEHOLDER}
        return render_to_string(template, values, request)

    html: bytes = PAGES.get_or_make((request.path, role(request)), lambda: make().encode())
    body, coding = _body(request, html)
    return _coded(HttpResponse(body), coding)


def _body(request: HttpRequest, html: bytes) -> tuple[bytes, str | None]:
    """The cached page (UTF-8 bytes: no page is encoded twice) with the request's own token
    in place of the placeholder, compressed as the browser asks (acupressure.web.compressed),
    and the coding used (None: sent as it is)."""
    has_token = _PLACEHOLDER in html
    token = get_token(request).encode() if has_token else b""
    coding = compressed.choose(request.META.get("HTTP_ACCEPT_ENCODING", ""), has_token)
    if coding is None:
        return (html.replace(_PLACEHOLDER, token) if has_token else html), None
    return compressed.encode(html, _PLACEHOLDER, token, coding), coding


ANONYMOUS = "anonymous"


def role(request: HttpRequest) -> str:
    """What the cached navigation depends on: anonymous, a person, or a practitioner."""
    from acupressure.records.access import is_practitioner

    if not request.user.is_authenticated:
        return ANONYMOUS
    return signed_in_role(is_practitioner(request.user))


def signed_in_role(practitioner: bool) -> str:
    """The role of a signed-in account, with or without a practitioner profile."""
    return "practitioner" if practitioner else "person"


class PublicPageMiddleware:
    """Answers two kinds of anonymous request from the cache before the session, CSRF,
    authentication and messages middleware run:

    - a GET of a page already cached, with no cookie but the CSRF cookie and the language
      cookie (a returning visitor's: every page with a form sets the first, the language
      switch the second). Without a session or messages cookie the visitor is anonymous
      with no message waiting, so the anonymous page in the visitor's language (the cookie's,
      else the browser's, as LocaleMiddleware chooses) is the answer; a page with a form
      (/plan/) gets a token masked from the visitor's CSRF cookie (a new secret when there
      is none or it is malformed) and that cookie set again, as CsrfViewMiddleware does;
    - a cookieless POST /api/plan whose exact body was answered before: the body decides the
      intake and the intake the plan (only successful answers are kept,
      ``remember_plan_body``).

    The security headers still apply (they sit above); a page comes compressed once per
    encoding (:mod:`acupressure.web.compressed`), which GZipMiddleware leaves alone.
    ``Vary: Cookie``, ``X-Frame-Options`` and ``Content-Length`` are set as the skipped
    middleware would. (Without a length, an HTTP/1.0 keep-alive client gets each answer on a
    new connection, and an HTTP/1.1 one gets it chunked.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.META.get("QUERY_STRING") or not _anonymous(request.COOKIES):
            return self.get_response(request)
        language = _language(request)
        if request.method == "GET":
            html = PAGES.peek((request.path, ANONYMOUS), language)
            if html is not None:
                request.get_host()  # the ALLOWED_HOSTS check (DisallowedHost: a 400)
                form = _PLACEHOLDER in html
                if form:  # the visitor's CSRF secret (or a new one), read as the middleware
                    self.csrf.process_request(request)  # reads it
                response = _early(*_body(request, html), language, vary=True)
                if form:  # and its cookie set again, as the middleware would
                    self.csrf.process_response(request, response)
                return response
        elif request.method == "POST" and request.path == "/api/plan" and not request.COOKIES:
            text = PLAN_BODIES.peek(_body_key(request), language)
            if text is not None:
                request.get_host()
                body, coding = _body(request, text)  # no token: compressed once, kept
                return _early(body, coding, language, vary=False, content_type="application/json")
        return self.get_response(request)


def _anonymous(cookies: dict[str, str]) -> bool:
    """Whether these cookies leave the visitor anonymous with no message waiting: none, or
    only the CSRF and language cookies (which Django's sessions and messages never read)."""
    return not cookies or (
        not settings.CSRF_USE_SESSIONS
        and cookies.keys() <= {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    )


def _language(request: HttpRequest) -> i18n.Language:
    """The language LocaleMiddleware will choose: the language cookie's, else the browser's."""
    return i18n.parse(translation.get_language_from_request(request)) or i18n.DEFAULT


def _early(
    body: bytes,
    coding: str | None,
    language: i18n.Language,
    vary: bool,
    content_type: str | None = None,
) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Length"] = str(len(body))
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    response["Content-Language"] = language.lower()  # as Django says it for the view
    # the language comes from the cookie or Accept-Language (a plan: the header only)
    response["Vary"] = "Cookie, Accept-Language" if vary else "Accept-Language"
    return _coded(response, coding)


def _body_key(request: HttpRequest) -> tuple[str, bytes] | None:
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdecimal() or int(length) > MAX_PLAN_BODY:
        return None
    return request.content_type or "", request.body


def remember_plan_body(request: HttpRequest, text: str) -> None:
    """Keep this successful plan answer under the request's exact body (see above)."""
    key = _body_key(request)
    if key is not None and not request.COOKIES:
        PLAN_BODIES.get_or_make(key, text.encode)


def cached_plan(intake: Intake) -> Plan:
    """The plan for this intake, made once (a frozen model: callers share it)."""
    from acupressure.plan import build_plan

    plan: Plan = PLANS.get_or_make(intake.model_dump_json(), lambda: build_plan(intake))
    return plan


def cached_plan_json(intake: Intake) -> str:
    """The plan for this intake as JSON text (the same as ``acupressure plan --json``)."""

    def make() -> str:
        return json.dumps(cached_plan(intake).model_dump(mode="json"), ensure_ascii=False)

    text: str = PLAN_TEXTS.get_or_make(intake.model_dump_json(), make)
    return text
