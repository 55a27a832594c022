"""The weekly check of a program (and its baseline at the start): questionnaires as data,
rendered from their items; much worse pain asks for the safety questions again."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from acupressure.i18n import gettext as _
from acupressure.outcomes import AnswerError, Questionnaire, Result, baseline, score, weekly
from acupressure.program import week_of
from acupressure.program.summary import much_worse
from acupressure.records import clock
from acupressure.web.views.program import own_program


def _answers(q: Questionnaire, data: QueryDict) -> dict[str, object]:
    found: dict[str, object] = {}
    for item in q.items:
        key = f"q-{q.id}-{item.id}"
        if item.type == "activity":
            name = data.get(f"{key}-name", "").replace("\x00", "").strip()[:80]
            if name:
                found[item.id] = {"name": name, "rating": data.get(f"{key}-rating", "")}
        elif data.get(key, "") != "":
            found[item.id] = data.get(key, "")
    return found


def _previous_activities(answers: dict[tuple[int, str], dict[str, Any]]) -> dict[str, str]:
    """Activity names from the latest earlier check, so the same ones are rated each week."""
    names: dict[str, str] = {}
    for (_week, qid), given in sorted(answers.items()):
        for item, value in given.items():
            if isinstance(value, dict) and value.get("name"):
                names[f"q-{qid}-{item}-name"] = str(value["name"])
    return names


def _views(forms: list[Questionnaire], values: dict[str, str]) -> list[dict[str, Any]]:
    """Each questionnaire with its items' form names and the values to show again."""
    result = []
    for q in forms:
        items = []
        for item in q.items:
            key = f"q-{q.id}-{item.id}"
            items.append({
                "item": item,
                "key": key,
                "value": values.get(key, ""),
                "name_value": values.get(f"{key}-name", ""),
                "rating_value": values.get(f"{key}-rating", ""),
            })  # fmt: skip
        result.append({"q": q, "items": items})
    return result


@login_required
def weekly_check(request: HttpRequest, pk: int) -> HttpResponse:
    store, program = own_program(request, pk)
    current = week_of(program.schedule, clock.now()) or program.schedule.weeks
    text = request.GET.get("week", str(current))
    if not text.isdecimal() or len(text) > 3 or int(text) > current:  # no int of 5000 digits
        raise Http404("No such week.")
    week = int(text)
    forms = baseline() if week == 0 else weekly()
    stored = {(a.week, a.questionnaire): a.answers for a in store.answers(program.id)}
    context: dict[str, Any] = {
        "program": program,
        "week": week,
        "questionnaires": _views(forms, {**_previous_activities(stored), **request.POST.dict()}),
    }
    if request.method != "POST":
        return render(request, "web/check.html", context)
    results: dict[str, Result] = {}
    try:
        given = {q.id: _answers(q, request.POST) for q in forms}
        for q in forms:
            results[q.id] = score(q, given[q.id])
    except AnswerError as exc:
        context["error"] = str(exc)
        return render(request, "web/check.html", context, status=400)
    for q in forms:
        store.save_answers(program.id, week, q.id, given[q.id], clock.now())
    first = {
        q.id: score(q, a) for (w, qid), a in stored.items() if w == 0 for q in forms if q.id == qid
    }
    if week and much_worse(results, first):
        store.request_rescreen(program.id)
        messages.warning(
            request,
            _(
                "Your pain is much worse: please answer the safety questions again before the "
                "next session."
            ),
        )
        return redirect(f"/program/{pk}/rescreen/")
    messages.info(request, _("Saved. Your weekly summary is below."))
    return redirect("/diary/#summary")
