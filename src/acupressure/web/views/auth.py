"""Signing in (password or the one-time link `acupressure serve` prints) and out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from acupressure.i18n import gettext as _
from acupressure.records.access import is_practitioner
from acupressure.records.signin import holder, peek, redeem
from acupressure.web.security import CLEAR_SITE_DATA, PRIVATE


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        return redirect(_next(request))
    status = 400 if request.method == "POST" else 200
    return render(request, "web/signin.html", {"form": form, "next": _next(request)}, status=status)


@require_http_methods(["GET", "POST"])
def signin_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; only its POST uses the link up, so a link previewer (chat apps,
    mail scanners) that fetches the address cannot burn it."""
    user = peek(token) if request.method == "GET" else redeem(token)
    if user is None:
        made_for = holder(token)
        context = who(made_for) if made_for is not None else {}
        return render(request, "web/signin_link_bad.html", context, status=400)
    if request.method == "GET":
        response = render(request, "web/signin_link.html", who(user))
        response["Cache-Control"] = PRIVATE
        return response
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    remember_zone(user, request.POST.get("tz", ""))
    return redirect(after_signin(user))


def remember_zone(user: User, zone: str) -> None:
    """A client's browser zone (sent with the sign-in button), kept on their practitioner
    links: prescriptions default to it."""
    from acupressure.program.models import is_zone
    from acupressure.records.models import PractitionerLink

    if is_zone(zone):
        links = PractitionerLink.objects.filter(client_id=user.pk, withdrawn_at__isnull=True)
        links.update(timezone=zone)


def who(user: User) -> dict[str, str]:
    """How the sign-in pages speak to the link's person: a client by their practitioner's
    name (never the account's internal username), a practitioner by their own name, the
    person running the server by their username."""
    from acupressure.records import practice
    from acupressure.records.models import PractitionerLink

    link = (
        PractitionerLink.objects.filter(client_id=user.pk, withdrawn_at__isnull=True)
        .select_related("practitioner")
        .order_by("-created_at")
        .first()
    )
    if link is not None:
        return {"practitioner": practice.practitioner_name(link.practitioner)}
    if is_practitioner(user):
        return {"name": practice.practitioner_name(user)}
    return {"username": user.get_username()}


def after_signin(user: User) -> str:
    """Where a link sign-in lands: a practitioner's invitation to answer, the practitioner's
    clients, or the home page."""
    from acupressure.records import practice

    if practice.pending(int(user.pk)):
        return "/consent/"
    asked = practice.screening_asked(int(user.pk))
    if asked is not None:
        return f"/consent/{asked}/screening/"
    return "/clients/" if is_practitioner(user) else "/"


@login_required
@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    """Set a password (people who signed in with a link), or change one, which asks for the
    current password first: a borrowed session alone cannot take the account over."""
    user = request.user
    if not isinstance(user, User):
        return redirect("/signin/")
    changing = user.has_usable_password()
    form_class = PasswordChangeForm if changing else SetPasswordForm
    form = form_class(user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, user)
        messages.success(request, _("Password set. You can sign in with your username and it."))
        return redirect("/")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "username": user.get_username(), "changing": changing}
    return render(request, "web/password.html", context, status=status)


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    """Signs out and clears everything this browser keeps for the site (caches, storage)."""
    logout(request)
    response = redirect("/")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response
