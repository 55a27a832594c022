"""A practitioner emails a client their invitation: the one-time sign-in link and the code.

Only for an account the practitioner made and nobody has used (the same rule as every sign-in
link: records/access.py, ``Need.MINT``); the address is kept on that account, so the client can
later ask for sign-in links by email themselves. Logged in the client's access log.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from acupressure.i18n import gettext as _
from acupressure.records import practice
from acupressure.records.access import Need, decide
from acupressure.records.models import Action
from acupressure.records.signin import issue_token
from acupressure.web.access import client_link, log
from acupressure.web.links import absolute
from acupressure.web.ratelimit import Limit, allow
from acupressure.web.reminders.signup import send_email

PER_PRACTITIONER = Limit("invite-email", 30, 3600)


@login_required
@require_POST
def email_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    link = client_link(request, pk, Need.LABEL)
    back = redirect(f"/clients/{link.pk}/invite/")
    if not decide(request.user, link, Need.MINT):
        from acupressure.web.views.clients import no_link

        return no_link(request, link)
    address = request.POST.get("email", "").strip().lower()[:254]
    try:
        validate_email(address)
    except ValidationError:
        messages.error(request, _("Enter the client's email address."))
        return back
    if not settings.EMAIL_ENABLED:
        messages.error(request, _("This server sends no email (it has no mail server set up)."))
        return back
    if not allow(request, PER_PRACTITIONER):
        messages.error(request, _("Too many invitations sent in a short time; try later."))
        return back
    client = link.client
    client.email = address
    client.save(update_fields=["email"])
    token = issue_token(client)  # earlier unused links stop working
    request.session[f"invite-{link.pk}"] = token  # the invite page shows the emailed link
    log(request, link.client_id, Action.SIGNIN_LINK)
    context: dict[str, object] = {
        "practitioner": practice.practitioner_name(link.practitioner),
        "link": absolute(request, f"/signin/link/{token}/"),
        "code": link.invite_code,
    }
    send_email(address, _("Your invitation to Acupressure"), "email_invitation", context)
    messages.success(request, _("Invitation sent to {address}.").format(address=address))
    return back
