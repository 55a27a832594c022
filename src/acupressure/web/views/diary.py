"""The pain diary: history with a chart, daily check-in, CSV download."""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from acupressure.records import clock, diary_marks
from acupressure.records.access import notes_shown as access_notes_shown
from acupressure.records.access import programs_seen, readable_clients
from acupressure.records.checkins import check_and_save
from acupressure.records.diary import csv_chunks
from acupressure.records.models import Action, CheckIn, PracticeSession
from acupressure.records.privacy import access_log
from acupressure.records.program_store import ProgramStore, program_summary
from acupressure.web.access import diary_owner_id, user_id
from acupressure.web.diary_chart import draw, meaningful_change, pain_chart
from acupressure.web.downloads import csv_attachment
from acupressure.web.forms import CheckInForm, first_error
from acupressure.web.personal import own_page

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")  # ?month=2026-03: that month in full detail


def _client(request: HttpRequest) -> int | None:
    raw = request.GET.get("client", "")
    if not raw.isdecimal():  # not isdigit(): "²".isdigit() is true, int("²") fails
        return None
    if len(raw) > 19 or int(raw) >= 2**63:  # beyond any database id (and int()'s digit limit)
        raise Http404("No such diary.")
    return int(raw)


def _summary(owner_id: int, viewer_id: int) -> dict[str, object]:
    """The latest program's weekly summary, if the person has a program (for a practitioner,
    the latest they prescribed)."""
    store = ProgramStore(owner_id)
    programs = programs_seen(viewer_id, owner_id, limit=1)  # not every program of the years
    if not programs:
        return {}
    return {"program": programs[0], "summary": program_summary(store, programs[0], clock.now())}


def notes_shown(request: HttpRequest, owner_id: int) -> bool:
    """One's own notes, or a client's when the client chose to share them."""
    return access_notes_shown(request.user, owner_id)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    owner_id = diary_owner_id(request, _client(request), Action.DIARY)
    # one's own diary is made once per change of one's records (web/personal.py)
    return own_page(request, owner_id, "web/diary.html", lambda: _history(request, owner_id))


def _history(request: HttpRequest, owner_id: int) -> dict[str, object]:
    whole = diary_marks.span(owner_id)  # the chart in a few queries, whatever the length
    base = diary_marks.first_baseline(owner_id)
    month = request.GET.get("month", "")
    if MONTH.fullmatch(month):
        found = diary_marks.month_readings(owner_id, int(month[:4]), int(month[5:]))
        chart = pain_chart(found, base)
    else:
        month, chart = "", draw(diary_marks.overview(owner_id, whole, base))
    return {
        "own": owner_id == request.user.pk,
        "show_notes": notes_shown(request, owner_id),
        "owner_id": owner_id,
        "chart": mark_safe(chart),  # noqa: S308 - numbers and escaped labels
        "month": month,
        "summarised": whole is not None and whole.period != "",
        "baseline": base,
        "change": meaningful_change(base) if base is not None else None,
        "sessions": PracticeSession.objects.started()
        .filter(owner_id=owner_id)
        .defer("plan", "intake")[:50],  # 30 KB of JSON each, not shown
        "check_ins": CheckIn.objects.filter(owner_id=owner_id)[:50],
        "form": CheckInForm(),
        "clients": readable_clients(request.user),
        "accesses": access_log(owner_id, limit=5) if owner_id == request.user.pk else [],
        **_summary(owner_id, user_id(request)),
    }


@login_required
@require_POST
def check_in(request: HttpRequest) -> HttpResponse:
    form = CheckInForm(request.POST)
    if not form.is_valid():
        error = first_error(form)
        if request.headers.get("HX-Request"):
            return render(request, "web/checkin_result.html", {"error": error}, status=400)
        # without JavaScript: the whole diary again, the form as it was sent, and the reason
        context = {**_history(request, user_id(request)), "form": form, "checkin_error": error}
        return render(request, "web/diary.html", context, status=400)
    now = clock.now()
    data = form.cleaned_data
    entry = check_and_save(  # the check, the row and the records version: atomic
        user_id(request), now.date(), data["area"], data["pain"], data["note"], now
    )
    if request.headers.get("HX-Request"):
        return render(request, "web/checkin_result.html", {"entry": entry})
    return redirect("/diary/")


@login_required
def export_csv(request: HttpRequest) -> HttpResponseBase:
    owner_id = diary_owner_id(request, _client(request), Action.DIARY_CSV)
    chunks = csv_chunks(owner_id, notes=notes_shown(request, owner_id))
    return csv_attachment(chunks, "acupressure-diary.csv")
