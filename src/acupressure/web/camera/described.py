"""The photo result in words: one entry per point, for people (pixels stay in the JSON)."""

from __future__ import annotations

from dataclasses import dataclass

from acupressure import atlas
from acupressure.i18n import gettext as _
from acupressure.vision import advice
from acupressure.vision.result import Detection, LocateResult, PlacedPoint
from acupressure.web.camera.words import NOT_IN_PICTURE, seen_as


@dataclass(frozen=True)
class PointInWords:
    code: str
    name: str
    found: bool  # placed on the photo, on the side facing the camera
    where: str  # "On the back of your left hand: on the thumb side of ..."
    seen_as: str  # "your left hand, back towards the camera"
    todo: str  # what to do when it is not visible ("show the outside of your ankle")
    picture: str  # the picture to take for this point


def described(result: LocateResult) -> list[PointInWords]:
    out: list[PointInWords] = []
    for detection in result.detections:
        for p in detection.points:
            out.append(_one(detection, p))
    shown = {r.code for r in out}
    return out + [_missing(code) for code in _wanted_but_absent(result, shown)]


def _one(detection: Detection, p: PlacedPoint) -> PointInWords:
    point = atlas.get(p.code)
    found = p.x is not None and p.on_visible_side
    todo = "" if found else _todo(p.code)
    if todo and detection.kind == "hand" and p.note:  # palm or edge: "turn your hand over"
        todo = f"{p.note[0].upper()}{p.note[1:]}; {todo[0].lower()}{todo[1:]}"
    return PointInWords(
        code=p.code,
        name=point.names.pinyin,
        found=found,
        where=advice.where(p.code, p.side),
        seen_as=seen_as(detection.hand if detection.kind == "hand" else None, detection.facing),
        todo=todo,
        picture=advice.picture(p.code),
    )


def _todo(code: str) -> str:
    """What to show for this point (its own view: "show the outside of your ankle")."""
    show = advice.show(code)
    return f"{show[0].upper()}{show[1:]}"


def _wanted_but_absent(result: LocateResult, shown: set[str]) -> list[str]:
    press = result.press.code if result.press else None
    return [press] if press and press not in shown else []


def _missing(code: str) -> PointInWords:
    point = atlas.get(code)
    return PointInWords(
        code=code,
        name=point.names.pinyin,
        found=False,
        where=advice.where(code, None),
        seen_as=_(NOT_IN_PICTURE),
        todo=_todo(code),
        picture=advice.picture(code),
    )
