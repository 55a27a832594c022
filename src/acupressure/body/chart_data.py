"""A point's place on its canonical figure as JSON-ready data (`acupressure point --json`)."""

from __future__ import annotations

from typing import Any

from acupressure.body.canonical import canonical
from acupressure.body.evaluate import HasRule, evaluate
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


def chart_data(point: HasRule) -> dict[str, Any]:
    """View, positions (mm, x right, y down), radius and cun length on the canonical figure."""
    landmarks = canonical(point.rule.view)
    placements = evaluate(point, landmarks)
    return {
        "view": point.rule.view,
        "unit": "mm",
        "origin": ORIGINS[point.rule.view],
        "positions": [{"side": p.side, "x": round(p.x, 1), "y": round(p.y, 1)} for p in placements],
        "radius": round(placements[0].radius, 1),
        "cun_mm": round(landmarks.cun_length(), 2),
    }
