"""Errors raised deep down, answered plainly: JSON under /api/, a short page elsewhere.

- a body over Django's size limit (RequestDataTooBig), wherever it is read (a view, the CSRF
  check, ``edge.NoNulMiddleware``): 413, through Django's 400 handler (:func:`bad_request`);
- a broken multipart body under /api/: the API's JSON 400;
- password hashing busy (:class:`acupressure.records.hashers.HashingBusyError`): 503 with
  Retry-After;
- a creation limit reached (:class:`acupressure.records.creation.TooManyCreatedError`): 429,
  with Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.views import defaults

from acupressure.records.creation import TooManyCreatedError
from acupressure.records.hashers import HashingBusyError


def plain_answer(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": detail}, status=status)
    return HttpResponse(detail + "\n", status=status, content_type="text/plain; charset=utf-8")


class PlainErrorsMiddleware:
    """Turns the exceptions above into a 4xx/5xx that says what happened."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, HashingBusyError):
            busy = _("too many sign-ins at once; try again in a moment")
            response = plain_answer(request, 503, busy)
            response["Retry-After"] = "5"
            return response
        if isinstance(exc, TooManyCreatedError):
            return too_many(request, exc)
        return None


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 handler (``urls.handler400``): a body over the size limit is a 413 that
    says so, wherever it was read; any other bad request is Django's own 400."""
    if isinstance(exception, RequestDataTooBig):
        return plain_answer(request, 413, _("the request body is too large"))
    if isinstance(exception, MultiPartParserError) and request.path.startswith("/api/"):
        # read by edge.NoNulMiddleware before the API's own handler would see it
        problem = _("the body is not valid multipart form data ({problem}); send JSON")
        return plain_answer(request, 400, problem.format(problem=exception))
    return defaults.bad_request(request, exception)


def too_many(request: HttpRequest, exc: TooManyCreatedError) -> HttpResponse:
    response = plain_answer(request, 429, str(exc))
    response["Retry-After"] = str(exc.retry_after)
    return response
