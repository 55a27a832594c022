"""The routine planner: intake -> screening -> points -> timeline.

    >>> from acupressure.plan import build_plan
    >>> from acupressure.safety import Intake
    >>> p = build_plan(Intake(areas=["neck"], red_flags=[], minutes=10))
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

from acupressure import atlas
from acupressure.atlas.models import PRESSURES, Pressure
from acupressure.i18n import N_, Labels, ngettext, review_mark
from acupressure.i18n import gettext as _
from acupressure.plan import timeline
from acupressure.plan.models import Exclusion, Plan, PlannedPoint, Step
from acupressure.plan.select import Candidate, candidates, ranked_points
from acupressure.safety.intake import Intake
from acupressure.safety.loader import conditions, reviewer
from acupressure.safety.models import RedFlag
from acupressure.safety.screening import (
    GENERAL_ADVICE,
    Screening,
    relevant_flags,
    screen,
    screened,
)

__all__ = [
    "Exclusion",
    "Plan",
    "PlannedPoint",
    "Step",
    "build_plan",
    "plan_json",
    "questions",
    "ranked_points",
    "shortest_minutes",
]


def possible_codes(intake: Intake) -> list[str]:
    """Every point this person's routine could hold, before any time budget."""
    return [c.point.code for c in candidates(intake)[0]]


def questions(intake: Intake) -> list[RedFlag]:
    """The red-flag questions to ask before this person's routine (emergencies first).

    Relevance comes from the flags' ``asked_when`` against the chosen areas, the intake and
    every point the routine could hold (before the time budget), so nothing relevant is
    skipped. The intake's own ``red_flags`` are not consulted."""
    return relevant_flags(intake, possible_codes(intake))


# The general warning, by the plan's lowest pressure: never a firmer word than any point's.
PRESSURE_WARNING: Labels[Pressure] = Labels(
    {
        "gentle": N_(
            "Press gently, never beyond what is comfortable, and never on broken, bruised or "
            "newly scarred skin."
        ),
        "moderate": N_(
            "Press moderately, never beyond what is comfortable, and never on broken, bruised "
            "or newly scarred skin."
        ),
        "firm": N_(
            "Press firmly but never beyond what is comfortable, and never on broken, bruised or "
            "newly scarred skin."
        ),
        "strong": N_(
            "Press firmly but never beyond what is comfortable, and never on broken, bruised or "
            "newly scarred skin."
        ),
    }
)
# Said on a point pressed more softly than its technique asks: how to press at that pressure.
LOWERED: Labels[Pressure] = Labels(
    {
        "gentle": N_(
            "Pressed gently here: the thumb or fingers rest on the point and press lightly and "
            "steadily, about as much as to feel a pulse, with no pain at all."
        ),
        "moderate": N_(
            "Pressed moderately here: a steady, medium pressure that you feel clearly but that "
            "never hurts, less than the usual press for this point."
        ),
        "firm": N_(
            "Pressed firmly here rather than strongly: a steady pressure that you feel clearly "
            "but that never hurts."
        ),
        "strong": N_("Pressed strongly here, always within what is comfortable."),
    }
)
PREGNANCY_WARNING = N_(
    "You are (or might be) pregnant: points traditionally avoided in pregnancy are left out, "
    "no point is pressed harder than moderate, the points flagged for pregnancy are pressed "
    "gently, and nothing is done lying face down. Ask your midwife or doctor before you start."
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
    notes = [*cand.notes, LOWERED[cand.pressure]] if cand.lowered else cand.notes
    return PlannedPoint(
        code=p.code,
        name=f"{p.names.pinyin} ({p.names.english})",
        priority=cand.priority,
        sides=sides,
        side_order=t.sides,
        posture=cand.posture,
        posture_note=cand.posture_note,
        performer=t.performer,
        method=cand.method_text,
        pressure=cand.pressure,
        hold_seconds=cand.hold,
        repetitions=cand.reps,
        rest_seconds=t.rest_seconds,
        how_to_find=list(p.location.how_to_find),
        steps=cand.steps,
        notes=notes,
        seconds=seconds,
    )


def review() -> str | None:
    """The "not yet reviewed" mark when any translated safety text a plan shows (the points'
    cautions, the red flags, the conditions) has no clinician's review in this language."""
    reviewed = atlas.reviewer() and reviewer("red_flags") and reviewer("conditions")
    return review_mark(reviewed or None)


def plan_warnings(intake: Intake, screening: Screening, kept: list[Candidate]) -> list[str]:
    """The warnings of a routine: general advice, pressure (by the lowest pressure of its
    points), pregnancy, the conditions given and the "soon" flags a clinician has seen."""
    lowest: Pressure = min((c.pressure for c in kept), key=PRESSURES.index, default="gentle")
    warnings = [_(GENERAL_ADVICE), PRESSURE_WARNING[lowest]]
    if intake.pregnant:
        warnings.append(_(PREGNANCY_WARNING))
    warnings += [conditions()[c].warning for c in dict.fromkeys(intake.conditions)]
    warnings += [
        _("You confirmed a clinician has assessed this: {question}").format(question=f.question)
        for f in screening.red_flags
        if f.cleared
    ]
    return warnings


def _minutes(n: int) -> str:
    return ngettext("{count} minute", "{count} minutes", n).format(count=n)


def shortest_minutes(intake: Intake) -> int | None:
    """The fewest whole minutes in which one point of this person's routine fits, whatever
    ``intake.minutes`` says; None when no point fits these answers at all."""
    cands, _excluded = candidates(intake)
    if not cands:
        return None
    return -(-min(timeline.total(timeline.build([c])) for c in cands) // 60)


def _nothing_fits(intake: Intake, dropped: list[Candidate]) -> str:
    need = shortest_minutes(intake)
    if dropped and need is not None:  # time is the reason: say what the shortest needs
        return _(
            "No point fits in {minutes}: the shortest routine for these answers needs "
            "{needed}. Give more time, or choose another area."
        ).format(minutes=_minutes(intake.minutes or 0), needed=_minutes(need))
    return _(
        "No point fits these answers. Nothing to do today; see a clinician or "
        "physiotherapist for other options."
    )


def build_plan(intake: Intake, only: frozenset[str] | None = None) -> Plan:
    """Screen the intake and, unless blocked, choose, order and time the points.

    ``only`` keeps just those point codes (a program's short extra sessions)."""
    screening = screen(intake)
    budget = intake.minutes * 60 if intake.minutes is not None else None
    common: dict[str, Any] = {
        "screening": screened(intake, possible_codes(intake)),
        "blocked": screening.blocked,
        "urgency": screening.urgency,
        "advice": screening.advice,
        "red_flags": screening.red_flags,
        "areas": intake.unique_areas(),
        "budget_seconds": budget,
        "review": review(),
    }
    if screening.blocked:
        return Plan(points=[], excluded=[], steps=[], total_seconds=0, warnings=[], **common)
    cands, excluded = candidates(intake)
    if only is not None:
        cands = [c for c in cands if c.point.code in only]
    kept, dropped = _fit(cands, budget)
    for cand in dropped:
        reason = _("Dropped to fit {minutes} (priority {priority}).").format(
            minutes=_minutes(intake.minutes or 0), priority=cand.priority
        )
        excluded.append(Exclusion(code=cand.point.code, kind="budget", reason=reason))
    steps = timeline.build(kept)
    per_point: dict[str, int] = {}
    for step in steps:
        if step.code is not None:
            per_point[step.code] = per_point.get(step.code, 0) + step.seconds
    warnings = plan_warnings(intake, screening, kept)
    if not kept:
        warnings.append(_nothing_fits(intake, dropped))
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
