"""The location rule stored in each point's data file (the ``rule:`` block).

    rule:
      view: back
      anchor: l2_spinous_lower          # a landmark of the view (base name, no side)
      offsets:
        - {direction: lateral, cun: 1.5}
      radius_cun: 0.6

Evaluation (see :mod:`acupressure.body.evaluate`): start at ``anchor``; with ``toward``, move
``fraction`` of the way to that landmark; apply ``offsets`` (cun along the view's own
directions); with ``onto``, slide along ``onto.along``'s axis until on the line between two
landmarks; apply ``then``. A rule that uses a sided landmark or an across direction (lateral,
radial...) gives one position per side; otherwise one midline position.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from acupressure.body.vocabulary import SPECS, View

Cun = Annotated[float, Field(gt=0, le=30)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Offset(_Model):
    direction: str  # one of the view's directions: inferior, lateral, distal, radial...
    cun: Cun


class Onto(_Model):
    line: tuple[str, str]  # two landmarks of the view
    along: str  # the direction to slide in (either sense of that axis)


class LocationRule(_Model):
    view: View
    anchor: str
    toward: str | None = None
    fraction: Annotated[float, Field(ge=0, le=1)] = 0.5
    offsets: list[Offset] = []
    onto: Onto | None = None
    then: list[Offset] = []
    radius_cun: Annotated[float, Field(gt=0, le=5)]

    @model_validator(mode="after")
    def _known_names(self) -> LocationRule:
        spec = SPECS[self.view]
        known = {lm.name for lm in spec.landmarks}
        for name in self.landmarks():
            if name not in known:
                raise ValueError(
                    f"{name!r} is not a landmark of the {self.view} view "
                    f"(known: {', '.join(sorted(known))})"
                )
        directions = spec.frame.directions()
        for offset in self.all_offsets():
            if offset.direction not in directions:
                raise ValueError(
                    f"{offset.direction!r} is not a direction of the {self.view} view "
                    f"(use one of {', '.join(directions)})"
                )
        if self.onto is not None and self.onto.along not in directions:
            raise ValueError(f"onto.along {self.onto.along!r} is not a direction of the view")
        return self

    def landmarks(self) -> list[str]:
        """The base names of every landmark the rule uses."""
        names = [self.anchor]
        if self.toward is not None:
            names.append(self.toward)
        if self.onto is not None:
            names.extend(self.onto.line)
        return names

    def all_offsets(self) -> list[Offset]:
        return [*self.offsets, *self.then]

    def is_bilateral(self) -> bool:
        """True when the rule gives one position per side (a sided landmark or across offset)."""
        spec = SPECS[self.view]
        if any(spec.landmark(name).sided for name in self.landmarks()):
            return True
        across = {spec.frame.outward, spec.frame.inward}
        if self.onto is not None and self.onto.along in across:
            return True
        return any(o.direction in across for o in self.all_offsets())
