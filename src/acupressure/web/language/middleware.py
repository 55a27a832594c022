"""After Django's LocaleMiddleware (cookie, then Accept-Language): a signed-in person's stored
choice wins, and the core (acupressure.i18n) produces its text in the page's language."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from acupressure import i18n
from acupressure.records.language.models import LanguagePreference


def django_code(language: i18n.Language) -> str:
    """Django's code for a language (zh-hans)."""
    return language.lower()


def core_language(code: str | None) -> i18n.Language:
    return i18n.parse(code or "") or i18n.DEFAULT


def stored_language(user_id: int) -> str | None:
    """A person's chosen language (Django's code), None when they never chose one."""
    return (
        LanguagePreference.objects.filter(user_id=user_id)
        .values_list("language", flat=True)
        .first()
    )


_PRIMED = "_acupressure_stored_language"


def prime(request: HttpRequest, user_id: int, code: str | None) -> None:
    """The stored language, read already with the session and the account (web/primed.py):
    the middleware takes it instead of reading it again, for that account only."""
    setattr(request, _PRIMED, (user_id, code))


def _stored(request: HttpRequest, user_id: int) -> str | None:
    primed: tuple[int, str | None] | None = getattr(request, _PRIMED, None)
    if primed is not None and primed[0] == user_id:
        return primed[1]
    return stored_language(user_id)


def remember(response: HttpResponse, code: str) -> None:
    """The language cookie that LocaleMiddleware reads first."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 86400,
        samesite="Lax",
        secure=settings.HTTPS,
        httponly=True,
    )


# The live camera posts a frame's landmarks many times a second and must not touch the
# database (issue 13): its language comes from the cookie, which the pages keep in step with
# the stored choice (below).
FRAME_PATHS = frozenset({"/api/locate/landmarks"})


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        stored = None
        user = getattr(request, "user", None)
        if request.path not in FRAME_PATHS and user is not None and user.is_authenticated:
            stored = _stored(request, user.pk)
            if stored:
                translation.activate(stored)
                request.LANGUAGE_CODE = stored
        with i18n.use(core_language(translation.get_language())):
            response = self.get_response(request)
        if stored and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != stored:
            remember(response, stored)  # this browser now follows the stored choice too
        return response
