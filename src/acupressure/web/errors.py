"""Errors that views raise deep down, answered plainly: JSON under /api/, a short page elsewhere.

- a body over Django's size limit (RequestDataTooBig): 413;
- password hashing busy (:class:`acupressure.web.hashers.HashingBusyError`): 503 with Retry-After;
- a creation limit reached (:class:`acupressure.web.creation.TooManyCreatedError`): 429,
  with Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from acupressure.web.creation import TooManyCreatedError
from acupressure.web.hashers import HashingBusyError


def _answer(request: HttpRequest, status: int, detail: str) -> HttpResponse:
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
        if isinstance(exc, RequestDataTooBig):
            return _answer(request, 413, _("the request body is too large"))
        if isinstance(exc, HashingBusyError):
            response = _answer(request, 503, _("too many sign-ins at once; try again in a moment"))
            response["Retry-After"] = "5"
            return response
        if isinstance(exc, TooManyCreatedError):
            return too_many(request, exc)
        return None


def too_many(request: HttpRequest, exc: TooManyCreatedError) -> HttpResponse:
    response = _answer(request, 429, str(exc))
    response["Retry-After"] = str(exc.retry_after)
    return response
