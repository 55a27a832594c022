"""The routine planner: intake -> screening -> points -> timeline.

    >>> from acupressure.plan import build_plan
    >>> from acupressure.safety import Intake
    >>> p = build_plan(Intake(areas=["neck"], minutes=10))
    >>> p.total_seconds == sum(s.seconds for s in p.steps) <= 600
    True

``plan_json(intake)`` is the JSON the CLI prints (``acupressure plan --json``) and the web
API returns (``POST /api/plan``) unchanged.

Budget (``Intake.minutes``): points are taken in priority order and each is kept only if
the whole timeline still fits; so the lowest-priority points are the first to go, and a
long point that cannot fit makes room for shorter ones after it. Holds, repetitions and
rests are never cut below the article's minimum; dropped points are listed in ``excluded``
(kind ``budget``).
"""

from __future__ import annotations

from typing import Any

from acupressure.i18n import N_, ngettext
from acupressure.i18n import gettext as _
from acupressure.plan import timeline
from acupressure.plan.models import Exclusion, Plan, PlannedPoint, Step
from acupressure.plan.select import Candidate, candidates, ranked_points
from acupressure.safety.intake import Intake
from acupressure.safety.loader import conditions
from acupressure.safety.screening import GENERAL_ADVICE, screen

__all__ = ["Exclusion", "Plan", "PlannedPoint", "Step", "build_plan", "plan_json", "ranked_points"]

PRESSURE_WARNING = N_(
    "Press firmly but never beyond what is comfortable, and never on broken, bruised or "
    "newly scarred skin."
)
PREGNANCY_WARNING = N_(
    "You are pregnant: points traditionally avoided in pregnancy are left out and the rest are "
    "gentle. Ask your midwife or doctor before you start."
)


def _fit(cands: list[Candidate], budget: int | None) -> tuple[list[Candidate], list[Candidate]]:
    """Keep points by priority while the timeline fits the budget (seconds)."""
    if budget is None:
        return timeline.order(cands), []
    kept: list[Candidate] = []
    dropped: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: c.priority):
        trial = timeline.order([*kept, cand])
        if timeline.total(timeline.build(trial)) <= budget:
            kept.append(cand)
        else:
            dropped.append(cand)
    return timeline.order(kept), dropped


def _planned(cand: Candidate, seconds: int) -> PlannedPoint:
    p, t = cand.point, cand.point.technique
    sides: list[Any] = ["left", "right"] if p.laterality == "bilateral" else ["midline"]
    return PlannedPoint(
        code=p.code,
        name=f"{p.names.pinyin} ({p.names.english})",
        priority=cand.priority,
        sides=sides,
        side_order=t.sides,
        posture=t.posture,
        performer=t.performer,
        method=cand.method,
        pressure=cand.pressure,
        hold_seconds=t.hold_seconds,
        repetitions=t.repetitions,
        rest_seconds=t.rest_seconds,
        how_to_find=list(p.location.how_to_find),
        notes=cand.notes,
        seconds=seconds,
    )


def build_plan(intake: Intake) -> Plan:
    """Screen the intake and, unless blocked, choose, order and time the points."""
    screening = screen(intake)
    budget = intake.minutes * 60 if intake.minutes is not None else None
    common: dict[str, Any] = {
        "blocked": screening.blocked,
        "urgency": screening.urgency,
        "advice": screening.advice,
        "red_flags": screening.red_flags,
        "areas": intake.unique_areas(),
        "budget_seconds": budget,
    }
    if screening.blocked:
        return Plan(points=[], excluded=[], steps=[], total_seconds=0, warnings=[], **common)
    cands, excluded = candidates(intake)
    kept, dropped = _fit(cands, budget)
    for cand in dropped:
        reason = ngettext(
            "Dropped to fit {minutes} minute (priority {priority}).",
            "Dropped to fit {minutes} minutes (priority {priority}).",
            intake.minutes or 0,
        ).format(minutes=intake.minutes, priority=cand.priority)
        excluded.append(Exclusion(code=cand.point.code, kind="budget", reason=reason))
    steps = timeline.build(kept)
    per_point: dict[str, int] = {}
    for step in steps:
        if step.code is not None:
            per_point[step.code] = per_point.get(step.code, 0) + step.seconds
    warnings = [_(GENERAL_ADVICE), _(PRESSURE_WARNING)]
    if intake.pregnant:
        warnings.append(_(PREGNANCY_WARNING))
    warnings += [conditions()[c].warning for c in dict.fromkeys(intake.conditions)]
    warnings += [
        _("You confirmed a clinician has assessed this: {question}").format(question=f.question)
        for f in screening.red_flags
        if f.cleared
    ]
    if not kept:
        if dropped:
            text = _(
                "No point fits these answers in {minutes} minutes. Nothing to do today; see a "
                "clinician or physiotherapist for other options."
            ).format(minutes=intake.minutes)
        else:
            text = _(
                "No point fits these answers. Nothing to do today; see a clinician or "
                "physiotherapist for other options."
            )
        warnings.append(text)
    return Plan(
        points=[_planned(c, per_point[c.point.code]) for c in kept],
        excluded=excluded,
        steps=steps,
        total_seconds=timeline.total(steps),
        warnings=warnings,
        **common,
    )


def plan_json(intake: Intake) -> dict[str, Any]:
    """The plan as JSON-ready data: what ``acupressure plan --json`` prints."""
    return build_plan(intake).model_dump(mode="json")
