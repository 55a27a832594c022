"""The plan: chosen points, what was left out and why, and the timeline of steps."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from acupressure.atlas.models import Area, Posture, Pressure, Sides
from acupressure.body.vocabulary import Side
from acupressure.safety.models import Urgency
from acupressure.safety.screening import RaisedFlag, Screened

StepKind = Literal["position", "find", "breathe", "press", "release", "rest", "switch"]
# The side a step presses: the person's own left or right (body.Side), both at once, or the
# midline. Technique side order is atlas.models.Sides; a placement's side is body.PlacementSide.
StepSide = Literal[Side, "both", "midline"]
ExclusionKind = Literal["helper", "pregnancy", "condition", "budget"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class PlannedPoint(_Model):
    code: str
    name: str  # "Shenshu (Kidney Shu)"
    priority: int  # 1 = most important for the chosen areas
    sides: list[StepSide]  # ["left", "right"] for bilateral points, ["midline"] otherwise
    side_order: Sides  # the article's order: alternate, one-then-other, both-together...
    posture: Posture  # in pregnancy never lying-prone (side-lying instead)
    posture_note: str
    performer: Literal["self", "helper", "either"]
    method: str
    pressure: Pressure
    hold_seconds: int
    repetitions: int
    rest_seconds: int
    how_to_find: list[str]
    steps: list[str]  # the technique's steps, in words that never ask for more than pressure
    notes: list[str]
    seconds: int  # this point's share of the timeline (find, presses, rests, switches)


class Exclusion(_Model):
    code: str
    kind: ExclusionKind
    reason: str


class Step(_Model):
    kind: StepKind
    code: str | None  # None for steps that belong to no point (settle in, change posture)
    side: StepSide | None
    seconds: int
    start: int  # seconds from the start of the session
    cue: str


class Plan(_Model):
    screening: Screened  # the questions asked and the ones answered yes
    blocked: bool
    urgency: Urgency | None
    advice: list[str]
    red_flags: list[RaisedFlag]
    areas: list[Area]
    points: list[PlannedPoint]
    excluded: list[Exclusion]
    steps: list[Step]
    total_seconds: int
    budget_seconds: int | None
    warnings: list[str]
    review: str | None = None  # the "not yet reviewed" mark of translated safety text
