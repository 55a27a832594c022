"""The practitioner's workspace: /clients/ (follow-up), adding a client and handing over a
sign-in link, screening, prescribing, the client page, FHIR and CSV downloads.

Every view starts with :func:`access.practitioner_only` or :func:`access.client_link` (the
one decision, records/access.py): anyone but the client's own practitioner, that practitioner
once consent is withdrawn or their profile deleted, and (for anything but the label and the
invitation's state) before consent, gets a 404. Every read of a client's data and every
action in the client's account is written to the client's access log.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from acupressure import safety
from acupressure.exports import csvfile
from acupressure.i18n import gettext as _
from acupressure.records import client_summary, clock, diary_marks, follow_up, practice
from acupressure.records.access import Need, decide, readable_links
from acupressure.records.models import (
    Action,
    CheckIn,
    PracticeSession,
    PractitionerLink,
    Prescription,
)
from acupressure.records.privacy import access_log
from acupressure.records.program_store import ProgramStore, program_summary
from acupressure.records.signin import issue_token, peek
from acupressure.web.access import client_link, log, log_each, practitioner_only
from acupressure.web.client_list_page import list_file, list_page
from acupressure.web.client_rows import row_html
from acupressure.web.diary_chart import draw
from acupressure.web.downloads import attachment, csv_attachment
from acupressure.web.links import absolute, phone_cannot_open
from acupressure.web.planning import IntakeError, screening_from_form
from acupressure.web.views.prescribe import prescribe_page

__all__ = ["prescribe_page"]


def _read(request: HttpRequest, link: PractitionerLink, action: Action) -> None:
    log(request, link.client_id, action)


PAGE_SIZE = 50


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The consenting clients, those needing attention first, a page at a time, in the same
    few queries whatever their number; made once per state of the list and reused
    (web/client_list_page.py); the clients shown are logged in one statement."""
    me = practitioner_only(request)
    sort = request.GET.get("sort", "name")
    links = readable_links(me)
    now = clock.now()
    state = client_summary.list_state(me.pk)
    if not state.current(now):  # rows to work out first; the next view keeps the page
        client_summary.refresh(links, now)
        client_summary.settle(links, me.pk, state)

    def make() -> tuple[dict[str, Any], tuple[int, ...]]:
        number = request.GET.get("page")
        page, rows = client_summary.page_rows(links, sort, number, PAGE_SIZE, now)
        waiting = PractitionerLink.objects.filter(
            practitioner=me, withdrawn_at__isnull=True, active=False
        )
        context = {
            "rows": [row_html(row) for row in rows],
            "page": page,
            "sort": sort if sort in client_summary.ORDER else "name",
            "waiting": waiting,
            "name": practice.practitioner_name(me),
        }
        return context, tuple(row.link_id for row in rows)

    response, shown = list_page(request, state, now, "web/clients.html", make)
    if shown:
        log_each(request, links.filter(pk__in=shown), Action.LIST)
    return response


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
    me = practitioner_only(request)
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


def _signin_url(request: HttpRequest, link: PractitionerLink) -> str:
    """A fresh one-time sign-in link for the account made for this client (logged)."""
    if not decide(request.user, link, Need.MINT):
        raise PermissionDenied
    _read(request, link, Action.SIGNIN_LINK)
    return absolute(request, f"/signin/link/{issue_token(link.client)}/")


def no_link(request: HttpRequest, link: PractitionerLink) -> HttpResponse:
    """A 403 that says why: the account is in use, only its owner signs it in."""
    context = {"link": link, "name": practice.display_name(link)}
    return render(request, "web/client_no_link.html", context, status=403)


def _issue(request: HttpRequest, link: PractitionerLink) -> HttpResponse:
    """A fresh one-time link for the client (logged), only while the account the
    practitioner made is unused (records/access.py), kept in the practitioner's session; then
    the page that shows it (redirect after POST: reloading it adds no client and no link)."""
    if not decide(request.user, link, Need.MINT):
        return no_link(request, link)
    _read(request, link, Action.SIGNIN_LINK)
    request.session[f"invite-{link.pk}"] = issue_token(link.client)
    return redirect(f"/clients/{link.pk}/invite/")


def _invite(request: HttpRequest, link: PractitionerLink, token: str | None) -> HttpResponse:
    from acupressure.exports.pdf import qr_svg

    if not decide(request.user, link, Need.MINT):
        return no_link(request, link)
    context: dict[str, Any] = {"link": link, "name": practice.display_name(link)}
    if token is not None:
        url = absolute(request, f"/signin/link/{token}/")
        context.update(url=url, qr=qr_svg(url), local_only=phone_cannot_open(url))
    return render(request, "web/client_invite.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: a fresh one-time sign-in link for the client (earlier unused ones stop
    working), only while the account the practitioner made is unused (records/access.py), else a
    403 that says why. GET: the latest one this practitioner made, while it is unused."""
    link = client_link(request, pk, Need.LABEL)
    if request.method == "POST":
        return _issue(request, link)
    token = request.session.get(f"invite-{link.pk}")
    usable = isinstance(token, str) and peek(token) is not None
    return _invite(request, link, token if usable else None)


@login_required
@require_http_methods(["GET", "POST"])
def screening(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the screening answers from the assessment; then prescribe."""
    link = client_link(request, pk, Need.WRITE)
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
        _read(request, link, Action.SCREENING_ASKED)
        return redirect(f"/clients/{link.pk}/")
    if request.method == "POST":
        try:
            intake = screening_from_form(request.POST)
        except IntakeError as exc:
            context["error"] = str(exc)
            return render(request, "web/client_screening.html", context, status=400)
        link.intake = json.loads(intake.model_dump_json())
        link.save(update_fields=["intake"])
        _read(request, link, Action.SCREENING_SAVED)
        return redirect(f"/clients/{link.pk}/prescribe/")
    _read(request, link, Action.SCREENING)
    return render(request, "web/client_screening.html", context)


@login_required
def client_page(request: HttpRequest, pk: int) -> HttpResponse:
    link = client_link(request, pk, Need.LABEL)
    me = request.user
    can = {
        "can_write": decide(me, link, Need.WRITE),
        "can_mint": decide(me, link, Need.MINT),
    }
    if not decide(me, link, Need.READ):
        prepared = can["can_write"] and any(
            p.prescription is not None
            for p in ProgramStore(link.client_id).all(prescribed_by=link.practitioner_id)
        )
        context = {"link": link, "name": practice.display_name(link), "waiting": True, **can}
        return render(request, "web/client.html", {**context, "prepared": prepared})
    previous = follow_up.last_visit(link)
    _read(request, link, Action.PAGE)
    owner = link.client_id
    store = ProgramStore(owner)
    programs = store.all(prescribed_by=link.practitioner_id)
    program = programs[0] if programs else None
    sessions = list(PracticeSession.objects.filter(owner_id=owner).defer("plan", "intake")[:50])
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
        "chart": mark_safe(draw(_chart_data(owner))),  # noqa: S308 - numbers and escaped labels
        "sessions": sessions,
        "check_ins": check_ins,
        "notes": link.share_notes,
        "accesses": access_log(owner, limit=30, viewer_id=link.practitioner_id),
        "screening": practice.stored_intake(link),  # pregnancy shapes the prescription
        **can,
    }
    return render(request, "web/client.html", context)


@login_required
def fhir_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    from acupressure.records.fhir_data import client_bundle_chunks

    link = client_link(request, pk, Need.READ)
    _read(request, link, Action.FHIR)
    chunks = client_bundle_chunks(link)
    return attachment(chunks, "application/fhir+json", f"client-{link.pk}-fhir.json")


@login_required
def export_csv(request: HttpRequest) -> HttpResponseBase:
    """Adherence and outcomes of all of the practitioner's consenting clients, streamed line
    by line from their kept list rows (records/client_summary.py), or from the file kept
    under the list's state (web/client_list_page.py)."""
    me = practitioner_only(request)
    links = readable_links(me)
    now = clock.now()
    state = client_summary.list_state(me.pk)
    if not state.current(now):
        client_summary.refresh(links, now)
        client_summary.settle(links, me.pk, state)

    def make() -> Iterator[bytes]:
        rows = client_summary.all_rows(links, now)
        return csvfile.chunks(follow_up.CSV_HEADER, follow_up.csv_rows(rows))

    chunks = list_file(request, state, now, make)
    log_each(request, links, Action.OUTCOMES_CSV)
    return csv_attachment(chunks, "clients-outcomes.csv")


@login_required
@require_POST
def routine_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The client's routine handout (the program this practitioner prescribed). Its QR code
    is a fresh one-time sign-in link while the account made for the client is unused, else
    the sign-in page's address (the person signs in as they always do)."""
    from acupressure.exports.handout import routine_pdf as make
    from acupressure.program import plan_for_slot

    link = client_link(request, pk, Need.WRITE)
    programs = ProgramStore(link.client_id).all(prescribed_by=link.practitioner_id)
    program = next((p for p in programs if p.prescription is not None), None)
    if program is None:
        raise Http404("Prescribe first.")
    plan = plan_for_slot(program.intake, "routine", program.extra_points, program.prescription)
    _read(request, link, Action.HANDOUT)
    if decide(request.user, link, Need.MINT):
        url = _signin_url(request, link)
    else:
        url = absolute(request, "/signin/")
    data = make(
        plan,
        program.schedule,
        program.extra_points,
        url,
        "letter" if request.POST.get("paper") == "letter" else "a4",
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="routine.pdf"'
    return response


def _chart_data(owner_id: int) -> diary_marks.ChartData | None:
    """The client's diary chart as their own diary draws it, from SQL whatever its length
    (records/diary_marks.py)."""
    whole = diary_marks.span(owner_id)
    return diary_marks.overview(owner_id, whole, diary_marks.first_baseline(owner_id))
