"""The language switcher: POST /language/ remembers the choice (cookie; stored for a
signed-in person) and goes back to the page it came from."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from acupressure.web.language.models import LanguagePreference

CODES = {code for code, _ in settings.LANGUAGES}


@require_POST
def switch(request: HttpRequest) -> HttpResponse:
    code = request.POST.get("language", "")
    if code not in CODES:
        return HttpResponseBadRequest(f"unknown language {code!r}; use one of {sorted(CODES)}")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    if request.user.is_authenticated:
        LanguagePreference.objects.update_or_create(user=request.user, defaults={"language": code})
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 86400,
        samesite="Lax",
        secure=settings.HTTPS,
        httponly=True,
    )
    return response
