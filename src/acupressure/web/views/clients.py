"""The practitioner's workspace: /clients/ (follow-up), adding a client and handing over a
sign-in link, screening, prescribing, the client page, FHIR and CSV downloads.

Every view starts with :func:`practice.practitioner_only` or :func:`practice.client_link`:
anyone but the client's own practitioner, and that practitioner once consent is withdrawn,
gets a 404. Every read of a client's data is written to the client's access log.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from acupressure import safety
from acupressure.i18n import gettext as _
from acupressure.web import clock, follow_up, practice
from acupressure.web.diary import readings
from acupressure.web.diary_chart import pain_chart
from acupressure.web.models import CheckIn, PracticeSession, PractitionerLink, Prescription
from acupressure.web.planning import IntakeError
from acupressure.web.privacy import access_log, record_access
from acupressure.web.program_store import ProgramStore, program_summary
from acupressure.web.signin import issue_token, peek
from acupressure.web.views.prescribe import prescribe_page

__all__ = ["prescribe_page"]


def _read(request: HttpRequest, link: PractitionerLink) -> None:
    record_access(int(request.user.pk or 0), link.client_id, request.path)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    me = practice.practitioner_only(request)
    now = clock.now()
    links = list(PractitionerLink.objects.filter(practitioner=me, withdrawn_at__isnull=True))
    active = [link for link in links if link.active]
    rows = [follow_up.client_row(link, now) for link in active]
    for link in active:
        _read(request, link)
    sort = request.GET.get("sort", "name")
    context = {
        "rows": follow_up.sorted_rows(rows, sort),
        "sort": sort if sort in follow_up.SORTS else "name",
        "waiting": [link for link in links if not link.active],
        "name": practice.practitioner_name(me),
    }
    return render(request, "web/clients.html", context)


def _year(raw: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdecimal() or not 1900 <= int(raw) <= clock.now().year:
        raise ValueError(
            _("year of birth: a year from 1900 to {year}").format(year=clock.now().year)
        )
    return int(raw)


@login_required
@require_http_methods(["GET", "POST"])
def new_client(request: HttpRequest) -> HttpResponse:
    me = practice.practitioner_only(request)
    if request.method == "GET":
        return render(request, "web/client_new.html", {})
    label = request.POST.get("label", "").strip()
    try:
        if not label:
            raise ValueError(_("name or pseudonym: give one, so you can tell your clients apart"))
        year = _year(request.POST.get("year", ""))
    except ValueError as exc:
        context = {"error": str(exc), "form": request.POST}
        return render(request, "web/client_new.html", context, status=400)
    link = practice.add_client(me, label, request.POST.get("named") == "yes", year)
    return _issue(request, link)


def _issue(request: HttpRequest, link: PractitionerLink) -> HttpResponse:
    """A fresh one-time link for the client, kept in the practitioner's session; then the
    page that shows it (redirect after POST: reloading it adds no client and no link)."""
    request.session[f"invite-{link.pk}"] = issue_token(link.client)
    return redirect(f"/clients/{link.pk}/invite/")


def _invite(request: HttpRequest, link: PractitionerLink, token: str | None) -> HttpResponse:
    from acupressure.exports.pdf import qr_svg

    context: dict[str, Any] = {"link": link, "name": practice.display_name(link)}
    if token is not None:
        url = request.build_absolute_uri(f"/signin/link/{token}/")
        context.update(url=url, qr=qr_svg(url))
    return render(request, "web/client_invite.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: a fresh one-time sign-in link for the client (earlier unused ones stop
    working). GET: the latest one this practitioner made, while it is unused and valid."""
    link = practice.client_link(request, pk, consented=False)
    if request.method == "POST":
        return _issue(request, link)
    token = request.session.get(f"invite-{link.pk}")
    usable = isinstance(token, str) and peek(token) is not None
    return _invite(request, link, token if usable else None)


@login_required
@require_http_methods(["GET", "POST"])
def screening(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the screening answers from the assessment; then prescribe."""
    link = practice.client_link(request, pk, consented=False)
    context: dict[str, Any] = {
        "link": link,
        "name": practice.display_name(link),
        "flags": list(safety.red_flags().values()),
        "conditions": list(safety.conditions().values()),
        "intake": practice.stored_intake(link),
    }
    if request.method == "POST" and request.POST.get("ask_client") == "yes":
        link.screening_by_client, link.intake = True, None
        link.save(update_fields=["screening_by_client", "intake"])
        return redirect(f"/clients/{link.pk}/")
    if request.method == "POST":
        try:
            intake = practice.screening_from_form(request.POST)
        except IntakeError as exc:
            context["error"] = str(exc)
            return render(request, "web/client_screening.html", context, status=400)
        link.intake = json.loads(intake.model_dump_json())
        link.save(update_fields=["intake"])
        return redirect(f"/clients/{link.pk}/prescribe/")
    return render(request, "web/client_screening.html", context)


@login_required
def client_page(request: HttpRequest, pk: int) -> HttpResponse:
    link = practice.client_link(request, pk, consented=False)
    if not link.active:
        context = {"link": link, "name": practice.display_name(link), "waiting": True}
        return render(request, "web/client.html", context)
    previous = follow_up.last_visit(link)
    _read(request, link)
    owner = link.client_id
    store = ProgramStore(owner)
    programs = store.all()
    program = programs[0] if programs else None
    sessions = list(PracticeSession.objects.filter(owner_id=owner)[:50])
    check_ins = list(CheckIn.objects.filter(owner_id=owner)[:50])
    context = {
        "link": link,
        "name": practice.display_name(link),
        "row": follow_up.client_row(link, clock.now()),
        "previous_visit": previous,
        "program": program,
        "versions": Prescription.objects.filter(program_id=program.id) if program else [],
        "times_text": ", ".join(t.strftime("%H:%M") for t in program.schedule.times)
        if program
        else "",
        "summary": program_summary(store, program, clock.now()) if program else None,
        "chart": mark_safe(pain_chart(readings(owner))),  # noqa: S308 - numbers and escaped labels
        "sessions": sessions,
        "check_ins": check_ins,
        "notes": link.share_notes,
        "accesses": access_log(owner, limit=30),
        "screening": practice.stored_intake(link),  # pregnancy shapes the prescription
    }
    return render(request, "web/client.html", context)


@login_required
def fhir_download(request: HttpRequest, pk: int) -> HttpResponse:
    from acupressure.web.fhir_data import client_bundle_json

    link = practice.client_link(request, pk)
    _read(request, link)
    response = HttpResponse(client_bundle_json(link), content_type="application/fhir+json")
    response["Content-Disposition"] = f'attachment; filename="client-{link.pk}-fhir.json"'
    return response


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    """Adherence and outcomes of all of the practitioner's consenting clients."""
    me = practice.practitioner_only(request)
    links = PractitionerLink.objects.filter(practitioner=me, active=True)
    rows = [follow_up.client_row(link, clock.now()) for link in links]
    for link in links:
        _read(request, link)
    out = io.StringIO()
    csv.writer(out).writerows(follow_up.csv_rows(follow_up.sorted_rows(rows, "name")))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="clients-outcomes.csv"'
    return response


@login_required
@require_POST
def routine_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The client's routine handout with a fresh one-time sign-in link as its QR code."""
    from django.http import Http404

    from acupressure.exports.handout import routine_pdf as make
    from acupressure.program import plan_for_slot

    link = practice.client_link(request, pk, consented=False)
    programs = ProgramStore(link.client_id).all()
    program = next((p for p in programs if p.prescription is not None), None)
    if program is None:
        raise Http404("Prescribe first.")
    plan = plan_for_slot(program.intake, "routine", program.extra_points, program.prescription)
    url = request.build_absolute_uri(f"/signin/link/{issue_token(link.client)}/")
    data = make(
        plan,
        program.schedule,
        program.extra_points,
        url,
        "letter" if request.POST.get("paper") == "letter" else "a4",
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="routine-with-sign-in.pdf"'
    return response
