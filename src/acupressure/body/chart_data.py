"""A point's place on its canonical figure: the ``chart`` of `acupressure point --json`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from acupressure.body.canonical import canonical
from acupressure.body.evaluate import HasRule, evaluate
from acupressure.body.landmarks import PlacementSide
from acupressure.body.vocabulary import View

ORIGINS: dict[View, str] = {
    "back": "top of the head on the midline; seen from behind (the person's left at x < 0)",
    "neck": "top of the head on the midline; seen from behind (the person's left at x < 0)",
    "knee": "top of the head on the midline; seen from behind (the person's left at x < 0)",
    "front": "top of the head on the midline; seen from the front (the person's left at x > 0)",
    "hand": "midway between the two wrist-crease middles; backs of the hands, fingers up "
    "(y < 0), the left hand at x < 0",
    "foot": "midway between the fronts of the two ankles; tops of the feet, toes up (y < 0), "
    "the left foot at x < 0",
    "ankle": "midway between the two outer ankle bones; each leg seen from its outer side, "
    "the left leg at x < 0",
}


class ChartPosition(BaseModel):
    """One placement on the canonical figure, in millimetres (x right, y down)."""

    model_config = ConfigDict(frozen=True)

    side: PlacementSide
    x: float
    y: float


class ChartData(BaseModel):
    """Where a point lies on its view's canonical figure."""

    model_config = ConfigDict(frozen=True)

    view: View
    unit: str  # always "mm"
    origin: str  # where (0, 0) is and which way the figure faces
    positions: list[ChartPosition]
    radius: float  # how far around the position to search, mm
    cun_mm: float  # one cun on this figure, mm


def chart_data(point: HasRule) -> ChartData:
    """View, positions (mm, x right, y down), radius and cun length on the canonical figure."""
    landmarks = canonical(point.rule.view)
    placements = evaluate(point, landmarks)
    return ChartData(
        view=point.rule.view,
        unit="mm",
        origin=ORIGINS[point.rule.view],
        positions=[
            ChartPosition(side=p.side, x=round(p.x, 1), y=round(p.y, 1)) for p in placements
        ],
        radius=round(placements[0].radius, 1),
        cun_mm=round(landmarks.cun_length(), 2),
    )
