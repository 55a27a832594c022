"""The client's side of a practitioner link: consent in plain words, an invitation code,
ending access from /privacy/, the prescription's versions, and one's own FHIR bundle."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from acupressure.i18n import gettext as _
from acupressure.plan.prescribe import PrescribedPoint
from acupressure.records import practice
from acupressure.records.models import PractitionerLink, Prescription
from acupressure.web.access import user_id
from acupressure.web.downloads import attachment
from acupressure.web.views.auth import remember_zone
from acupressure.web.views.program import own_program


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404("Sign in first.")
    return user


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    """GET: each practitioner waiting for an answer. POST: yes (with or without notes) or no."""
    me = user_id(request)
    if request.method == "POST":
        raw = request.POST.get("link", "")
        link = PractitionerLink.objects.filter(
            pk=int(raw) if raw.isdecimal() and len(raw) < 18 else 0,
            client_id=me,
            consented_at__isnull=True,
            withdrawn_at__isnull=True,
        ).first()
        if link is None:
            raise Http404("No such invitation.")
        yes = request.POST.get("answer") == "yes"
        practice.answer(link, yes, request.POST.get("share_notes") == "yes")
        if yes:  # the browser's own zone: prescriptions default to it
            remember_zone(_user(request), request.POST.get("tz", ""))
        who = practice.practitioner_name(link.practitioner)
        if yes:
            messages.success(
                request,
                _("{who} can now follow your practice. End it any time on Your data.").format(
                    who=who
                ),
            )
        else:
            messages.info(request, _("{who} will not see your diary.").format(who=who))
        if yes and link.screening_by_client and link.intake is None:
            return redirect(f"/consent/{link.pk}/screening/")
        return redirect("/consent/" if practice.pending(me) else "/")
    waiting = [
        (link, practice.practitioner_name(link.practitioner)) for link in practice.pending(me)
    ]
    return render(request, "web/consent.html", {"waiting": waiting})


@login_required
@require_POST
def code(request: HttpRequest) -> HttpResponse:
    """An existing person enters the invitation code a practitioner gave them."""
    link = practice.redeem_code(_user(request), request.POST.get("code", "")[:20])
    if link is None:
        waiting = [
            (w, practice.practitioner_name(w.practitioner))
            for w in practice.pending(user_id(request))
        ]
        error = _("That code is not known or was already used.")
        context = {"waiting": waiting, "code_error": error}
        return render(request, "web/consent.html", context, status=400)
    return redirect("/consent/")


@login_required
@require_POST
def end(request: HttpRequest, pk: int) -> HttpResponse:
    """The client ends a practitioner's access; from now on the practitioner gets 404s."""
    link = PractitionerLink.objects.filter(pk=pk, client_id=user_id(request)).first()
    if link is None or not practice.withdraw(user_id(request), pk):
        raise Http404("No such practitioner link.")
    who = practice.practitioner_name(link.practitioner)
    messages.success(
        request, _("{who} can no longer see your diary, program or weekly checks.").format(who=who)
    )
    return redirect("/privacy/")


@login_required
def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """An old (or the current) version of a prescription, for the client."""
    _store, program = own_program(request, pk)
    row = Prescription.objects.filter(program_id=program.id, version=number).first()
    if row is None:
        raise Http404("No such version.")
    items = [PrescribedPoint.model_validate(i) for i in row.items]
    context = {
        "program": program,
        "row": row,
        "items": items,
        "versions": Prescription.objects.filter(program_id=program.id),
    }
    return render(request, "web/prescription_version.html", context)


@login_required
def own_fhir(request: HttpRequest) -> HttpResponseBase:
    """The person's own bundle, streamed as it is made (records/fhir_data.py)."""
    from acupressure.records.fhir_data import own_bundle_chunks

    chunks = own_bundle_chunks(_user(request))
    return attachment(chunks, "application/fhir+json", "my-fhir-bundle.json")


@login_required
@require_http_methods(["GET", "POST"])
def screening(request: HttpRequest, pk: int) -> HttpResponse:
    """The safety questions, answered by the client when the practitioner asked for that."""
    from acupressure import safety
    from acupressure.web.planning import IntakeError, screening_from_form

    link = PractitionerLink.objects.filter(
        pk=pk, client_id=user_id(request), active=True, screening_by_client=True
    ).first()
    if link is None:
        raise Http404("No such question.")
    who = practice.practitioner_name(link.practitioner)
    context: dict[str, object] = {
        "link": link,
        "who": who,
        "by_client": True,
        "flags": list(safety.red_flags().values()),
        "conditions": list(safety.conditions().values()),
        "intake": practice.stored_intake(link),
    }
    if request.method == "POST":
        try:
            intake = screening_from_form(request.POST)
        except IntakeError as exc:
            context["error"] = str(exc)
            return render(request, "web/client_screening.html", context, status=400)
        link.intake = json.loads(intake.model_dump_json())
        link.save(update_fields=["intake"])
        result = safety.screen(intake)
        if result.blocked:
            context["blocked"] = result
            return render(request, "web/client_screening.html", context)
        messages.success(
            request, _("Thank you: {who} will prescribe from your answers.").format(who=who)
        )
        return redirect("/")
    return render(request, "web/client_screening.html", context)
