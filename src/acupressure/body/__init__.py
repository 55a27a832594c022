"""The body model: named landmarks per view, cun segments, location rules and their evaluator.

    >>> from acupressure import atlas, body
    >>> gv4 = atlas.get("GV4")  # the atlas resolves codes; the body model takes the rule
    >>> [(p.side, round(p.x), round(p.y)) for p in body.evaluate(gv4, body.canonical("back"))]
    [('midline', 0, 641)]

Pure Python (pydantic only): the charts use the canonical landmark sets, the camera code
builds a LandmarkSet from a photo and calls the same ``evaluate``.
"""

from __future__ import annotations

from acupressure.body.canonical import CUN_MM, HEIGHT_MM, canonical
from acupressure.body.chart_data import ChartData, ChartPosition, chart_data
from acupressure.body.evaluate import HasRule, RuleError, evaluate, evaluate_rule
from acupressure.body.landmarks import (
    LandmarkSet,
    MissingLandmarkError,
    Placement,
    PlacementSide,
    Vec,
)
from acupressure.body.measure import finger_measure
from acupressure.body.rule import LocationRule, Offset, Onto
from acupressure.body.vocabulary import (
    SIDES,
    VIEWS,
    CunSegment,
    Frame,
    Landmark,
    Side,
    View,
    ViewSpec,
    landmark_names,
    spec,
)

__all__ = [
    "CUN_MM",
    "HEIGHT_MM",
    "SIDES",
    "VIEWS",
    "ChartData",
    "ChartPosition",
    "CunSegment",
    "Frame",
    "HasRule",
    "Landmark",
    "LandmarkSet",
    "LocationRule",
    "MissingLandmarkError",
    "Offset",
    "Onto",
    "Placement",
    "PlacementSide",
    "RuleError",
    "Side",
    "Vec",
    "View",
    "ViewSpec",
    "canonical",
    "chart_data",
    "evaluate",
    "evaluate_rule",
    "finger_measure",
    "landmark_names",
    "spec",
]
