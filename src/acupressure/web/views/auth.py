"""Signing in (password or the one-time link `acupressure serve` prints) and out."""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from acupressure.web.security import CLEAR_SITE_DATA, PRIVATE
from acupressure.web.signin import peek, redeem


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
        return render(request, "web/signin_link_bad.html", status=400)
    if request.method == "GET":
        response = render(request, "web/signin_link.html", {"username": user.get_username()})
        response["Cache-Control"] = PRIVATE
        return response
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("/")


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    """Signs out and clears everything this browser keeps for the site (caches, storage)."""
    logout(request)
    response = redirect("/")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response
