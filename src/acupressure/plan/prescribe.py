"""A practitioner's prescription: chosen points with their hold, repetitions, pressure, note
and place, checked against the same safety rules as a planned routine.

    >>> from acupressure.safety import Intake
    >>> intake = Intake(areas=["neck"], pregnant=True, trimester=2, red_flags=[])
    >>> choice = choices(intake)
    >>> choice["LI4"].allowed, "pregnancy" in choice["LI4"].reason
    (False, True)

Every atlas point may be prescribed, whatever areas the person named; a point is refused
when screening blocks any routine, or the person's pregnancy or a condition excludes it, or
it needs a helper and is marked "at home" for someone without one. Hold seconds and
repetitions stay within the atlas's range (the article's minimum to its maximum), pressure
at most the atlas's (and gentle where pregnancy or a condition asks for gentle).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from acupressure import atlas
from acupressure.atlas.labels import PRESSURE
from acupressure.atlas.models import AREAS, PRESSURES, Point, Pressure
from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _
from acupressure.plan import timeline
from acupressure.plan.models import Plan
from acupressure.plan.select import Candidate, candidates
from acupressure.safety.intake import Intake

Where = Literal["home", "clinic"]
WHERE_TEXT: Labels[Where] = Labels(
    {"home": N_("at home"), "clinic": N_("in clinic / with a helper")}
)
ALL_AREAS = list(AREAS)


class PrescribedPoint(BaseModel):
    """One point of a prescription."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    hold_seconds: Annotated[int, Field(gt=0, le=600)]
    repetitions: Annotated[int, Field(gt=0, le=30)]
    pressure: Pressure
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] = ""
    where: Where = "home"


class Choice(BaseModel):
    """What the prescribing form shows for one point: allowed or not (and why), and ranges."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    allowed: bool
    reason: str  # why it is refused, or "" when allowed
    helper_only: bool
    hold_range: tuple[int, int]
    repetitions_range: tuple[int, int]
    pressures: list[Pressure]  # from gentlest to the most allowed


class PrescriptionError(ValueError):
    """A prescription the safety rules or the atlas refuse; the message names the point."""


def _ranges(point: Point) -> tuple[tuple[int, int], tuple[int, int]]:
    t = point.technique
    return (
        (t.hold_seconds, t.hold_seconds_max or t.hold_seconds),
        (t.repetitions, t.repetitions_max or t.repetitions),
    )


def _everywhere(intake: Intake) -> Intake:
    """The intake with every area and a helper: so only safety decides what is excluded."""
    return intake.model_copy(update={"areas": ALL_AREAS, "helper": True, "minutes": None})


def _kept(intake: Intake) -> tuple[dict[str, Candidate], dict[str, str]]:
    kept, excluded = candidates(_everywhere(intake))
    return {c.point.code: c for c in kept}, {e.code: e.reason for e in excluded}


def choices(intake: Intake) -> dict[str, Choice]:
    """Every atlas point, in the atlas's order, allowed or refused for this person."""
    from acupressure.safety.screening import screen

    blocked = screen(intake).blocked
    kept, refused = _kept(intake)
    out: dict[str, Choice] = {}
    for point in atlas.all_points():
        cand = kept.get(point.code)
        hold, reps = _ranges(point)
        most = cand.pressure if cand else point.technique.pressure
        reason = refused.get(point.code, "")
        if blocked:
            reason = _("Screening blocks any routine: see the red-flag advice.")
        out[point.code] = Choice(
            code=point.code,
            name=f"{point.names.pinyin} ({point.names.english})",
            allowed=cand is not None and not blocked,
            reason=reason,
            helper_only=point.technique.performer == "helper",
            hold_range=hold,
            repetitions_range=reps,
            pressures=list(PRESSURES[: PRESSURES.index(most) + 1]),
        )
    return out


def check(intake: Intake, items: list[PrescribedPoint]) -> None:
    """Raise :class:`PrescriptionError` naming the first point the rules refuse."""
    if not items:
        raise PrescriptionError(_("choose at least one point"))
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        raise PrescriptionError(_("a point is listed twice"))
    allowed = choices(intake)
    for item in items:
        choice = allowed.get(item.code)
        if choice is None:
            raise PrescriptionError(_("{code}: not a point of the atlas").format(code=item.code))
        if not choice.allowed:
            raise PrescriptionError(
                _("{code} is not allowed for this client: {reason}").format(
                    code=item.code, reason=choice.reason
                )
            )
        if choice.helper_only and item.where == "home" and not intake.helper:
            raise PrescriptionError(
                _(
                    "{code} needs a helper: mark it in clinic / with a helper, or record "
                    "that the client has a helper at home"
                ).format(code=item.code)
            )
        low, high = choice.hold_range
        if not low <= item.hold_seconds <= high:
            raise PrescriptionError(
                _("{code}: hold {low} to {high} seconds").format(code=item.code, low=low, high=high)
            )
        low, high = choice.repetitions_range
        if not low <= item.repetitions <= high:
            raise PrescriptionError(
                _("{code}: {low} to {high} repetitions").format(code=item.code, low=low, high=high)
            )
        if item.pressure not in choice.pressures:
            raise PrescriptionError(
                _("{code}: pressure at most {pressure} for this client").format(
                    code=item.code, pressure=PRESSURE[choice.pressures[-1]]
                )
            )


def prescribed_plan(
    intake: Intake, items: list[PrescribedPoint], only: frozenset[str] | None = None
) -> Plan:
    """The routine of the "at home" points (checked first), as :func:`build_plan` makes it:
    same screening, warnings and timeline, with the practitioner's numbers and notes."""
    from acupressure.plan import build_plan

    check(intake, items)
    base = build_plan(_everywhere(intake), only=frozenset())
    kept = _kept(intake)[0]
    cands: list[Candidate] = []
    for rank, item in enumerate(items, start=1):
        if item.where != "home" or (only is not None and item.code not in only):
            continue
        cand = kept[item.code]
        said = _("From your practitioner: {note}").format(note=item.note)
        cands.append(
            replace(
                cand,
                priority=rank,
                pressure=item.pressure,
                notes=[*cand.notes, said] if item.note else list(cand.notes),
                hold_seconds=item.hold_seconds,
                repetitions=item.repetitions,
            )
        )
    from acupressure.plan import _planned, plan_warnings
    from acupressure.safety.screening import screen

    ordered = timeline.order(cands)
    steps = timeline.build(ordered)
    per_point: dict[str, int] = {}
    for step in steps:
        if step.code is not None:
            per_point[step.code] = per_point.get(step.code, 0) + step.seconds
    return base.model_copy(
        update={
            "areas": intake.unique_areas(),
            "points": [_planned(c, per_point[c.point.code]) for c in ordered],
            "excluded": [],
            "steps": steps,
            "total_seconds": timeline.total(steps),
            "budget_seconds": None,
            "warnings": plan_warnings(intake, screen(intake), ordered),
        }
    )
