"""What every request must be before a view sees it: free of NUL characters.

No text the app keeps may hold a NUL (PostgreSQL's text columns refuse it, and no person
types one), so a request that carries one anywhere, in the path, the query, a header or
cookie, or a form or JSON body, is answered 400 here, at the edge, whatever the view.
Bodies are read as the CSRF check would read them: a URL-encoded or JSON body whole (which
also enforces the body size limit, answered 413 by ``errors.bad_request``); a multipart
body's fields once Django has parsed them, before the view runs (the camera's upload sets
its upload handlers first, then asks :func:`fields_refused` itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

from acupressure.i18n import gettext as _
from acupressure.web.errors import plain_answer

# "\u0000" in JSON, unless its backslash is itself escaped ("\\u0000" is text, not a NUL)
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000", re.IGNORECASE)
URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


def _has_nul(text: str) -> bool:
    return "\x00" in text


def _query_has_nul(query: str) -> bool:
    return _has_nul(query) or "%00" in query


def _body_has_nul(request: HttpRequest) -> bool:
    """The raw body, read whole (a multipart body is left to the form parser)."""
    if request.content_type == MULTIPART or request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    body = request.body
    if b"\x00" in body:
        return True
    if request.content_type == URLENCODED:
        return b"%00" in body
    return JSON_NUL.search(body) is not None


def _meta_has_nul(request: HttpRequest) -> bool:
    """The path, the query and every header (cookies included)."""
    if _query_has_nul(str(request.META.get("QUERY_STRING", ""))):
        return True
    return any(
        isinstance(value, str) and _has_nul(value)
        for key, value in request.META.items()
        if key.startswith("HTTP_") or key == "PATH_INFO"
    )


def refused(request: HttpRequest) -> HttpResponse:
    return plain_answer(
        request, 400, _("the request holds a NUL character (\\0), which no field can take")
    )


class NoNulMiddleware:
    """Refuses, with a 400 that says why, any request carrying a NUL character."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _meta_has_nul(request) or _body_has_nul(request):
            return refused(request)
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], *args: Any
    ) -> HttpResponse | None:
        """A multipart form's fields, parsed before the view (and the CSRF check) reads
        them; a view that sets its own upload handlers first checks them itself."""
        if getattr(view, OWN_UPLOADS, False):
            return None
        return fields_refused(request, whole=True)


OWN_UPLOADS = "edge_sets_upload_handlers"
V = TypeVar("V", bound=Callable[..., Any])


def sets_upload_handlers(view: V) -> V:
    """Marks a view that must set its upload handlers before the body is parsed; it calls
    :func:`fields_refused` itself once it has."""
    setattr(view, OWN_UPLOADS, True)
    return view


def fields_refused(request: HttpRequest, *, whole: bool = False) -> HttpResponse | None:
    """The 400 for a multipart form whose fields or file names hold a NUL, else None.

    ``whole``: read the body whole first (kept, within the body size limit), so that a view
    that reads ``request.body`` itself (the JSON API) still can."""
    if request.method != "POST" or request.content_type != MULTIPART:
        return None
    if whole:
        request.body  # noqa: B018 - read and kept; the fields are parsed from it
    fields = request.POST
    texts = [*fields.keys(), *(v for name in fields for v in fields.getlist(name))]
    texts += [f.name or "" for key in request.FILES for f in request.FILES.getlist(key)]
    return refused(request) if any(_has_nul(text) for text in texts) else None
