"""`/privacy/`: download everything (JSON or CSV), delete the diary for real, see who read it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from acupressure.i18n import gettext as _
from acupressure.records import privacy
from acupressure.records.practice import linked, practitioner_name
from acupressure.records.program_store import ProgramStore
from acupressure.web.access import user_id
from acupressure.web.downloads import attachment
from acupressure.web.reminders.views import reminders_context
from acupressure.web.security import CLEAR_SITE_DATA


@login_required
def page(request: HttpRequest) -> HttpResponse:
    owner_id = user_id(request)
    sessions, check_ins = privacy.counts(owner_id)
    context = {
        "sessions": sessions,
        "check_ins": check_ins,
        "accesses": privacy.access_log(owner_id, limit=200),
        "linked": [(link, practitioner_name(link.practitioner)) for link in linked(owner_id)],
        "programs": ProgramStore(owner_id).all(),  # every one, with who wrote it
        "reminders": reminders_context(owner_id),
    }
    return render(request, "web/privacy.html", context)


@login_required
def export_json(request: HttpRequest) -> HttpResponseBase:
    """All of the signed-in person's data; only ever their own (no client parameter).
    Streamed: the rows are read in batches as the file goes out (web/downloads.py)."""
    user_id(request)
    chunks = privacy.export_chunks(request.user)  # type: ignore[arg-type]
    return attachment(chunks, "application/json; charset=utf-8", "acupressure-my-data.json")


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """GET: what will go, and a form to confirm. POST (CSRF, ticked box): delete it."""
    owner_id = user_id(request)
    sessions, check_ins = privacy.counts(owner_id)
    context: dict[str, object] = {"sessions": sessions, "check_ins": check_ins}
    if request.method == "GET":
        return render(request, "web/privacy_delete.html", context)
    if request.POST.get("confirm") != "yes":
        context["error"] = _("Tick the box to confirm that you want your diary deleted.")
        return render(request, "web/privacy_delete.html", context, status=400)
    gone_sessions, gone_check_ins = privacy.delete_diary(owner_id)
    messages.success(
        request,
        f"Deleted {gone_sessions} session(s) and {gone_check_ins} check-in(s). They are gone "
        "from the database and cannot be brought back.",
    )
    response = redirect("/privacy/")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA  # offline copies of the diary go too
    return response
