"""The daily check-in (POST /diary/checkin/) answered before Django's session,
authentication, CSRF, locale and messages middleware, as web/personal.py answers one's own
cached pages.

A person checks in from the diary's form (htmx's request, answered with one line; the plain
form's, answered with a redirect to the diary). Through the whole chain that cost several
milliseconds of a worker for four statements of work. Here the same checks run in the same
order with fewer steps: the session and the account in one statement
(``signed.signed_in``: only when Django would find the same person signed in, in the same
language), Django's own CSRF check (``CsrfViewMiddleware``, unchanged), the view's form, the
creation limit and the save (``records.checkins``, what the view calls: one statement on
PostgreSQL, one transaction on SQLite).

Only the plain success of a URL-encoded form (as browsers and htmx send it; its NUL check
is done above, by edge.NoNulMiddleware) is answered here. Anything else (a multipart body, a
refused token, a form error, a limit reached, a message waiting, a query string) goes on
down the chain to the view, which answers it as before. tests/web/test_quick_checkin.py
compares the two answers, their headers and the rows they leave.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.template.loader import render_to_string
from django.utils import translation

from acupressure import i18n
from acupressure.records import clock
from acupressure.records.checkins import save_check_in
from acupressure.records.creation import TooManyCreatedError
from acupressure.records.models import CheckIn
from acupressure.web.edge import URLENCODED
from acupressure.web.forms import CheckInForm, valid_data
from acupressure.web.language.middleware import django_code
from acupressure.web.signed import finish, signed_in
from acupressure.web.views.diary import check_in

PATH = "/diary/checkin/"
_REFUSED = HttpResponse(status=403)


class _CsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check; a refusal is left to the chain's own middleware to answer and log
    (the request goes on to it), so it is neither answered nor logged twice."""

    def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
        return _REFUSED


@lru_cache(maxsize=1024)
def _saved(language: i18n.Language, area: str, pain: int, day: date) -> str:
    """The line saying what was saved (the view's template; the same words for the same
    check-in in the same language, so made once per process, in that language)."""
    entry = CheckIn(area=area, pain=pain, day=day)
    with translation.override(django_code(language)), i18n.use(language):
        return render_to_string("web/checkin_result.html", {"entry": entry})


class CheckInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = _CsrfCheck(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path != PATH or request.META.get("QUERY_STRING"):
            return self.get_response(request)
        if request.content_type != URLENCODED or "messages" in request.COOKIES:
            return self.get_response(request)
        answer = self._answer(request)
        if answer is None:
            request.csrf_processing_done = False  # type: ignore[attr-defined]
            return self.get_response(request)
        return answer

    def _answer(self, request: HttpRequest) -> HttpResponse | None:
        signed = signed_in(request)
        if signed is None:
            return None
        self.csrf.process_request(request)
        if self.csrf.process_view(request, check_in, (), {}) is not None:
            return None
        data = valid_data(CheckInForm, request.POST)
        if data is None:
            return None
        now = clock.now()
        area, pain, day = data["area"], data["pain"], now.date()
        try:
            save_check_in(signed.user_id, day, area, pain, data["note"], now)
        except TooManyCreatedError:
            return None  # nothing was written: the view answers 429 with its words
        response: HttpResponse
        if request.META.get("HTTP_HX_REQUEST"):  # request.headers: every header parsed
            response = HttpResponse(_saved(signed.language, area, pain, day))
        else:
            response = HttpResponseRedirect("/diary/")
        return finish(request, response, signed, self.csrf)
