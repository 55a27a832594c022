"""`/plan/`: intake and red-flag questions on one page, then the routine (or the advice)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from acupressure import atlas, safety
from acupressure.atlas.labels import PRESSURE, dose_text
from acupressure.i18n import gettext as _
from acupressure.plan import Plan
from acupressure.web.charts import charts_for
from acupressure.web.pagecache import cached_page
from acupressure.web.planning import (
    AREAS,
    IntakeError,
    RoutinePoint,
    flag_areas,
    intake_from_form,
    plan_for,
)


def _minutes(seconds: int) -> str:
    return _("{minutes} min {seconds:02d} s").format(minutes=seconds // 60, seconds=seconds % 60)


def result_context(plan: Plan, intake_json: str) -> dict[str, Any]:
    codes = [p.code for p in plan.points]
    return {
        "plan": plan,
        "routine": [
            RoutinePoint(
                point=p,
                hanzi=atlas.get(p.code).names.hanzi,
                pressure=PRESSURE[p.pressure],
                dose=dose_text(p.hold_seconds, p.repetitions, p.rest_seconds),
            )
            for p in plan.points
        ],
        "charts": charts_for(codes) if codes else [],
        "total": _minutes(plan.total_seconds),
        "intake_json": intake_json,
    }


@require_http_methods(["GET", "POST"])
def plan_page(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if request.GET.get("from") == "home" and not request.GET.getlist("area"):
            return redirect("/?error=area#bodymap")  # Start with nothing chosen (no JavaScript)
        return cached_page(request, "web/plan.html", lambda: _form_context(request))
    context = _form_context(request)
    status = 200
    try:
        intake = intake_from_form(request.POST)
    except IntakeError as exc:
        context["error"] = str(exc)
        context["error_field"] = exc.field
        status = 400
    else:
        context.update(result_context(plan_for(intake), intake.model_dump_json()))
    if request.headers.get("HX-Request"):  # the result alone (the area's error out of band)
        return render(request, "web/plan_result.html", {**context, "fragment": True}, status=status)
    return render(request, "web/plan.html", context, status=status)


def _form_context(request: HttpRequest) -> dict[str, Any]:
    data = request.POST if request.method == "POST" else request.GET
    chosen = data.getlist("area")
    return {
        "areas": [(v, label, v in chosen) for v, label in AREAS.items()],
        "flags": [
            {
                "flag": f,
                "areas": " ".join(flag_areas(f)),
                "pregnant": bool(f.asked_when and "pregnant" in f.asked_when.intake),
            }
            for f in safety.red_flags().values()
        ],
        "conditions": list(safety.conditions().values()),
        "answers": request.POST,
    }
