"""Sign-in by email: "email me a link" on /signin/, and open sign-up when a clinic allows it.

The page answers the same whether or not the address has an account, and the requests are
limited per address and per client, so it tells nobody who has an account here. The page does
the same work either way too: it only enqueues ``deliver_link``, and the worker looks the
address up and sends (an SMTP exchange in the request would time out who has an account).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods, require_POST
from django_tasks import task

from acupressure import i18n
from acupressure.i18n import gettext as _
from acupressure.records.reminders.channels import language_of, public_url
from acupressure.records.signin import issue_token
from acupressure.web.ratelimit import Limit, allow, allow_for

PER_CLIENT = Limit("email-link", 10, 3600)
PER_ADDRESS = Limit("email-address", 3, 3600)  # links per address per hour
SIGNUP_SALT = "acupressure.signup"
SIGNUP_MAX_AGE = 3600


def _address_allowed(address: str) -> bool:
    return allow_for(hashlib.sha256(address.encode()).hexdigest(), PER_ADDRESS)


def send_email(address: str, subject: str, template: str, context: dict[str, object]) -> None:
    text = render_to_string(f"reminders/{template}.txt", context)
    html = render_to_string(f"reminders/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[address])
    message.attach_alternative(html, "text/html")
    message.send()


def send_signin_link(user: User) -> None:
    """In the person's language (LanguagePreference), else the language they asked in."""
    link = f"{public_url()}/signin/link/{issue_token(user)}/"
    with i18n.use(language_of(user.pk, i18n.current())):
        send_email(user.email, _("Your sign-in link"), "email_signin", {"link": link})


def send_signup_link(address: str) -> None:
    token = signing.dumps({"e": address}, salt=SIGNUP_SALT)
    link = f"{public_url()}/signin/email/new/{token}/"
    send_email(address, _("Make your account"), "email_signup", {"link": link})


@require_POST
def email_link(request: HttpRequest) -> HttpResponse:
    address = request.POST.get("email", "").strip().lower()[:254]
    try:
        validate_email(address)
    except ValidationError:
        return render(
            request,
            "reminders/email_sent.html",
            {"error": _("Enter an email address.")},
            status=400,
        )
    if not settings.EMAIL_ENABLED:
        return render(request, "reminders/email_sent.html", {"disabled": True}, status=503)
    if not allow(request, PER_CLIENT) or not _address_allowed(address):
        return render(request, "reminders/email_sent.html", {"limited": True}, status=429)
    deliver_link.enqueue(address, i18n.current())
    return render(request, "reminders/email_sent.html", {"address": address})


@task()
def deliver_link(address: str, language: str = i18n.DEFAULT) -> bool:
    """Run by the worker: a sign-in link if one account has the address, a sign-up link if
    none has and open sign-up is on, else nothing. True when an email went out. ``language``:
    the page's, for a person who chose none."""
    with i18n.use(i18n.parse(language) or i18n.DEFAULT):
        return _deliver(address)


def _deliver(address: str) -> bool:
    users = list(User.objects.filter(email__iexact=address, is_active=True)[:2])
    if len(users) == 1:
        send_signin_link(users[0])
        return True
    if not users and settings.OPEN_SIGNUP:
        send_signup_link(address)
        return True
    return False


@require_http_methods(["GET", "POST"])
def new_account(request: HttpRequest, token: str) -> HttpResponse:
    """Open sign-up: the account exists once the emailed link is used (a POST: a mail
    scanner's GET cannot make it)."""
    try:
        data = signing.loads(token, salt=SIGNUP_SALT, max_age=SIGNUP_MAX_AGE)
    except signing.BadSignature:
        return render(request, "web/signin_link_bad.html", status=400)
    address = str(data.get("e", "")) if isinstance(data, dict) else ""
    if not settings.OPEN_SIGNUP or not address or User.objects.filter(email__iexact=address):
        return render(request, "web/signin_link_bad.html", status=400)
    if request.method == "GET":
        return render(request, "reminders/signup_confirm.html", {"address": address})
    user = User.objects.create_user(username=_username(address), email=address)
    user.set_unusable_password()
    user.save()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("/")


def _username(address: str) -> str:
    base = address.split("@")[0][:30] or "person"
    name, n = base, 1
    while User.objects.filter(username=name).exists():
        n += 1
        name = f"{base}{n}"
    return name
