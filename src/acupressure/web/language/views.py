"""The language switcher: POST /language/ remembers the choice (cookie; stored for a
signed-in person) and goes back to the page it came from.

The switcher sits on every page, so it carries no CSRF token: a token would make every
public page differ per visitor and end their caching (issue 12). A language choice is the
caller's own and harmless, and the view still refuses a post that a browser marks as coming
from another site (Sec-Fetch-Site, or an Origin that is not this host or a trusted one).
With SameSite=Lax session cookies such a post could not reach the signed-in choice anyway."""

from __future__ import annotations

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from acupressure.i18n import gettext as _
from acupressure.records.language.models import LanguagePreference
from acupressure.web.language.middleware import remember

CODES = {code for code, _ in settings.LANGUAGES}


def from_this_site(request: HttpRequest) -> bool:
    """False when the browser says the post comes from another site."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:  # an older browser or a tool: nothing says it is another site
        return True
    trusted = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in trusted


@csrf_exempt
@require_POST
def switch(request: HttpRequest) -> HttpResponse:
    if not from_this_site(request):
        return HttpResponseForbidden(_("the language can only be changed from this site's pages"))
    code = request.POST.get("language", "")
    if code not in CODES:
        return HttpResponseBadRequest(
            _("unknown language {code!r}; use one of {codes}").format(
                code=code, codes=", ".join(sorted(CODES))
            )
        )
    target = request.POST.get("next") or "/"
    # only a path on this site; anything else (another site, or a word that Django's
    # redirect() would take for a URL name) goes home
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        target = "/"
    if request.user.is_authenticated:
        LanguagePreference.objects.update_or_create(user=request.user, defaults={"language": code})
    response = HttpResponseRedirect(target)
    remember(response, code)
    return response
