"""The routine a program plays in a slot, and how long its points are pressed."""

from __future__ import annotations

from acupressure.plan import Plan, build_plan
from acupressure.plan.prescribe import PrescribedPoint, prescribed_plan
from acupressure.program.models import SlotKind
from acupressure.safety import Intake


def press_seconds(plan: Plan) -> int:
    return sum(s.seconds for s in plan.steps if s.kind == "press")


def plan_for_slot(
    intake: Intake,
    kind: SlotKind,
    extra_points: list[str],
    prescription: list[PrescribedPoint] | None = None,
) -> Plan:
    """The routine for a routine slot; only the several-a-day points for an extra slot.
    A prescribed program plays its "at home" points with the practitioner's numbers."""
    if prescription is not None:
        only = frozenset(extra_points) if kind == "extra" else None
        return prescribed_plan(intake, prescription, only)
    if kind == "extra":
        return build_plan(intake.model_copy(update={"minutes": None}), frozenset(extra_points))
    return build_plan(intake)
