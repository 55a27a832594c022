"""Landmark sets (named 2D positions in one view) and placements (where a point lands)."""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from acupressure.body.vocabulary import SIDES, SPECS, Side, View
from acupressure.geometry import Vec as Vec  # part of acupressure.body's public API

PlacementSide = Literal["left", "right", "midline"]


class MissingLandmarkError(LookupError):
    """The landmark set lacks a landmark (or cun length) that a rule needs."""


class LandmarkSet(BaseModel):
    """Named landmark positions for one view, in any unit (mm, px) with any orientation.

    ``points`` maps full names (``c7_spinous``, ``acromion_end.left``) to (x, y).
    ``uncertainty`` optionally gives a radius per landmark, in the same unit.
    ``cun``, when given, is the length of one cun in that unit and wins over the view's cun
    segments (for a view without segments, such as the foot, it is required).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    view: View
    points: dict[str, Vec]
    uncertainty: dict[str, Annotated[float, Field(ge=0)]] = {}
    cun: Annotated[float, Field(gt=0)] | None = None
    unit: str = "mm"

    @model_validator(mode="after")
    def _known(self) -> LandmarkSet:
        known = set(SPECS[self.view].names())
        for name in (*self.points, *self.uncertainty):
            if name not in known:
                raise ValueError(f"{name!r} is not a landmark of the {self.view} view")
        for name, (x, y) in self.points.items():
            if not (math.isfinite(x) and math.isfinite(y)):
                raise ValueError(f"landmark {name!r} has a non-finite position")
        return self

    def get(self, name: str) -> Vec:
        try:
            return self.points[name]
        except KeyError:
            raise MissingLandmarkError(f"the {self.view} landmark set has no {name!r}") from None

    def has(self, name: str) -> bool:
        return name in self.points

    def sides(self) -> list[Side]:
        """The sides for which the set holds at least one sided landmark."""
        return [s for s in SIDES if any(n.endswith(f".{s}") for n in self.points)]

    def cun_length(self, segment: str | None = None, side: Side | None = None) -> float:
        """Length of one cun: the explicit ``cun``, else measured on a cun segment."""
        if self.cun is not None:
            return self.cun
        spec = SPECS[self.view]
        names = [segment] if segment else [s.name for s in spec.segments]
        lengths: list[float] = []
        for name in names:
            seg = spec.segment(name)
            sides: list[Side | None] = (
                [side] if side and "{side}" in seg.start + seg.end else list(SIDES)
            )
            if "{side}" not in seg.start + seg.end:
                sides = [None]
            for s in sides:
                start = seg.start.format(side=s)
                end = seg.end.format(side=s)
                if self.has(start) and self.has(end):
                    lengths.append(distance(self.points[start], self.points[end]) / seg.cun)
            if lengths:
                return sum(lengths) / len(lengths)
        raise MissingLandmarkError(
            f"cannot measure a cun in the {self.view} set: give `cun` or the landmarks of "
            f"{', '.join(names) or 'a cun segment'}"
        )

    def transformed(
        self, matrix: tuple[float, float, float, float], shift: Vec = (0, 0)
    ) -> LandmarkSet:
        """The same landmarks under x' = a x + b y + e, y' = c x + d y + f (a similarity)."""
        a, b, c, d = matrix
        scale = math.sqrt(abs(a * d - b * c))
        moved = {
            n: (a * x + b * y + shift[0], c * x + d * y + shift[1])
            for n, (x, y) in self.points.items()
        }
        return self.model_copy(
            update={
                "points": moved,
                "uncertainty": {n: u * scale for n, u in self.uncertainty.items()},
                "cun": None if self.cun is None else self.cun * scale,
            }
        )


class Placement(BaseModel):
    """Where a point lies in a landmark set's coordinates, with an uncertainty radius."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    side: PlacementSide
    x: float
    y: float
    radius: float


def distance(a: Vec, b: Vec) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])
