"""The body model: named landmarks per view, cun segments, location rules and their evaluator.

    >>> from acupressure import atlas, body
    >>> gv4 = atlas.get("GV4")  # the atlas resolves codes; the body model takes the rule
    >>> [(p.side, round(p.x), round(p.y)) for p in body.evaluate(gv4, body.canonical("back"))]
    [('midline', 0, 641)]

Pure Python (pydantic only): the charts use the canonical landmark sets, the camera code
builds a LandmarkSet from a photo and calls the same ``evaluate``.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each name is imported from its module when first asked for, so that a part that needs only
# the rule or the vocabulary (the atlas, the command line) does not build the landmark models.
_HOMES = {
    "canonical": ("CUN_MM", "HEIGHT_MM", "canonical"),
    "chart_data": ("ChartData", "ChartPosition", "chart_data"),
    "evaluate": ("HasRule", "RuleError", "evaluate", "evaluate_rule"),
    "landmarks": ("LandmarkSet", "MissingLandmarkError", "Placement", "PlacementSide", "Vec"),
    "measure": ("finger_measure",),
    "rule": ("LocationRule", "Offset", "Onto"),
    "vocabulary": (
        *("SIDES", "VIEWS", "CunSegment", "Frame", "Landmark", "Side", "View", "ViewSpec"),
        *("landmark_names", "spec"),
    ),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'acupressure.body' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"acupressure.body.{module}"), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """Importing a submodule sets it as an attribute of the package; for the three named
    like their own functions (``canonical``, ``evaluate``, ``chart_data``), ``body.canonical``
    stays the function, as it was when this file imported everything at once."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _MODULE_OF and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
