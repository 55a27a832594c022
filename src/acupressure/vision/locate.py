"""Photo or landmarks -> detections with every requested point placed by the body model.

``locate_photo`` runs MediaPipe (only the models the requested points need);
``locate_observations`` does everything after that and is what the live page's landmark
endpoint calls, so a photo and a video frame share one geometry.
"""

from __future__ import annotations

from dataclasses import dataclass

from acupressure import atlas, body
from acupressure.body import LandmarkSet, MissingLandmarkError, Placement, RuleError, View
from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _
from acupressure.vision.body_map import (
    BACK_VIEWS,
    back_set_from_front,
    body_landmarks,
    resolve_sides,
)
from acupressure.vision.detect import Detector, detection_scale
from acupressure.vision.hand_map import hand_landmarks, hand_size
from acupressure.vision.images import Photo
from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.orient import BodyFacing, body_facing, orient_hand
from acupressure.vision.press import MemoryUnused, judge
from acupressure.vision.result import (
    Detection,
    ImageSize,
    LocateResult,
    NotPlaced,
    PlacedPoint,
)
from acupressure.vision.smallness import (
    BODY_MIN_PX,
    HAND_MIN_PX,
    SMALL_BODY,
    SMALL_HAND,
    body_size,
    too_small,
)

SEEN_FROM_BOTH = frozenset({"GB21"})  # on top of the shoulder: front and back photos show it
# Notes are worded for a photo and a live camera alike: both are "the picture".
TURN = Labels(
    {
        "back": N_("on the back of the body: turn your back to the camera"),
        "front": N_("on the front of the body: face the camera"),
    }
)
NEEDS: Labels[View] = Labels(
    {
        "back": N_("the picture must show the shoulders and hips"),
        "neck": N_("the picture must show the shoulders and the head"),
        "front": N_("the picture must show the shoulders and hips"),
        "knee": N_("the picture must show both legs from the hips down to the ankles"),
        "ankle": N_("the picture must show both legs from the hips down to the ankles"),
        "foot": N_("the picture must show the hips, legs and feet"),
    }
)
# Whole sentences per kind, so each language can word them its own way.
DARK = Labels(
    {
        "hand": N_("the photo is too dark to find a hand; add light and retry"),
        "body": N_("the photo is too dark to find a body; add light and retry"),
        "hand or body": N_("the photo is too dark to find a hand or body; add light and retry"),
    }
)
NOTHING = Labels(
    {
        "hand": N_("no hand found in the photo; {advice}"),
        "body": N_("no body found in the photo; {advice}"),
        "hand or body": N_("no hand or body found in the photo; {advice}"),
    }
)
NO_KIND = Labels(
    {"hand": N_("no hand was found in the photo"), "body": N_("no body was found in the photo")}
)
NOT_SHOWN = Labels(
    {
        "hand": N_("the hand in the photo does not show it"),
        "body": N_("the body in the photo does not show it"),
    }
)
FACING_NOTE = Labels(
    {
        "back": "",
        "palm": N_("on the back of the hand: turn your hand over"),
        "edge": N_("on the back of the hand: turn the back of your hand to the camera"),
    }
)


class NothingFoundError(ValueError):
    """No hand or body was found; the message says what to try."""


@dataclass(frozen=True)
class Request:
    codes: tuple[str, ...]
    views: dict[str, View]

    @property
    def hands(self) -> bool:
        return any(v == "hand" for v in self.views.values())

    @property
    def body(self) -> bool:
        return any(v != "hand" for v in self.views.values())


def request(queries: list[str] | None = None) -> Request:
    """Resolve codes or aliases (all points when None); raises atlas errors for unknown ones."""
    points = [atlas.get(q) for q in queries] if queries else atlas.all_points()
    codes = tuple(dict.fromkeys(p.code for p in points))
    return Request(codes, {p.code: p.rule.view for p in points})


def locate_photo(
    photo: Photo,
    wanted: Request,
    detector: Detector,
    *,
    mirrored: bool = False,
    facing: BodyFacing | None = None,
    press: str | None = None,
    alone: Photo | None = None,
) -> LocateResult:
    """``press``: a point code to judge the press on (the presser is found by MediaPipe Hands);
    ``alone``: a photo of the target hand alone, taken just before from the same place (the
    hand not moved), so that a hand point is placed on the hand before the other covered it.
    """
    hands = detector.hands(photo) if wanted.hands or press else []
    pose = detector.pose(photo) if wanted.body else None
    earlier, unused = (None, None) if alone is None else _alone_hand(photo, alone, press, detector)
    result = locate_observations(
        photo.width,
        photo.height,
        hands,
        pose,
        wanted,
        mirrored=mirrored,
        facing=facing,
        scale=detection_scale(photo),
        press=press,
        earlier=earlier,
    )
    if unused is not None and result.press is not None:
        press_result = result.press.model_copy(update={"not_remembered": unused})
        result = result.model_copy(update={"press": press_result})
    if not result.detections and press is None:
        what = "hand" if not wanted.body else "body" if not wanted.hands else "hand or body"
        if photo.too_dark:
            raise NothingFoundError(DARK[what])
        raise NothingFoundError(NOTHING[what].format(advice=_advice(wanted)))
    if photo.too_dark:
        result.warnings.append(_("the photo is dark: positions are less reliable"))
    return result


def _alone_hand(
    photo: Photo, alone: Photo, press: str | None, detector: Detector
) -> tuple[HandObservation | None, MemoryUnused | None]:
    """The one hand in the photo of the hand alone, or why that photo cannot be used."""
    if press is None or atlas.get(press).rule.view != "hand":
        return None, "not a hand point"
    if (alone.width, alone.height) != (photo.width, photo.height):
        return None, "size"
    hands = detector.hands(alone)
    if len(hands) != 1:
        return None, "hands" if hands else "no hand"
    return hands[0], None


def locate_observations(
    width: int,
    height: int,
    hands: list[HandObservation],
    pose: PoseObservation | None,
    wanted: Request,
    *,
    mirrored: bool = False,
    facing: BodyFacing | None = None,
    scale: float = 1.0,
    press: str | None = None,
    earlier: HandObservation | None = None,
) -> LocateResult:
    """``scale``: pixels of the image MediaPipe saw per pixel of width x height (for sizes);
    ``press``: a point code whose press verdict the result carries (see :mod:`vision.press`);
    ``earlier``: the target hand from a recent frame that showed it alone (live video).
    """
    hand_codes = [c for c in wanted.codes if wanted.views[c] == "hand"]
    body_codes = [c for c in wanted.codes if wanted.views[c] != "hand"]
    detections: list[Detection] = []
    warnings: list[str] = []
    if hand_codes:
        detections.extend(_hand_detection(h, hand_codes, mirrored, scale) for h in hands)
    if body_codes and pose is not None:
        detections.append(
            _body_detection(pose, body_codes, wanted, mirrored, facing, scale, warnings)
        )
    if any(d.small for d in detections if d.kind == "hand"):
        warnings.append(_(SMALL_HAND))
    if any(d.small for d in detections if d.kind == "body"):
        warnings.append(_(SMALL_BODY))
    hands_seen = [d.hand for d in detections if d.kind == "hand"]
    if len(hands_seen) == 2 and len(set(hands_seen)) == 1:
        warnings.append(_("both hands were read as the same hand; check the labels"))
    verdict = None
    if press is not None:
        verdict = judge(press, hands, pose, mirrored=mirrored, facing=facing, earlier=earlier)
    return LocateResult(
        image=ImageSize(width=width, height=height),
        detections=detections,
        warnings=warnings,
        press=verdict,
        not_placed=_not_placed(hand_codes, body_codes, detections),
    )


def _not_placed(
    hand_codes: list[str], body_codes: list[str], detections: list[Detection]
) -> list[NotPlaced]:
    """Every requested point without a position, with the reason: nothing of its kind was
    found, or the detection's note (the view cannot show it)."""
    out: list[NotPlaced] = []
    for kind, codes in (("hand", hand_codes), ("body", body_codes)):
        found = [d for d in detections if d.kind == kind]
        for code in codes:
            if not found:
                out.append(NotPlaced(code=code, reason=NO_KIND[kind]))
                continue
            points = [p for d in found for p in d.points if p.code == code]
            if points and all(p.x is None for p in points):
                notes = sorted({p.note for p in points if p.note})
                reason = _("; ").join(notes) or NOT_SHOWN[kind]
                out.append(NotPlaced(code=code, reason=reason))
    return out


def _hand_detection(
    observation: HandObservation, codes: list[str], mirrored: bool, scale: float
) -> Detection:
    side, facing = orient_hand(observation, mirrored)
    size = hand_size(observation.points)
    landmarks = hand_landmarks(observation, side)
    note = FACING_NOTE[facing] if facing != "back" else ""
    points = [
        _placed(code, p, facing == "back", note)
        for code in codes
        for p in _evaluate(code, landmarks)
    ]
    return Detection(
        kind="hand",
        hand=side,
        facing=facing,
        confidence=round(observation.score, 3),
        size=round(size, 1),
        small=too_small(size, HAND_MIN_PX, scale),
        landmarks=_rounded(observation.points),
        points=points,
    )


def _body_detection(
    pose: PoseObservation,
    codes: list[str],
    wanted: Request,
    mirrored: bool,
    facing: BodyFacing | None,
    scale: float,
    warnings: list[str],
) -> Detection:
    seen = facing or body_facing(pose)
    size = body_size(pose.points)
    points: list[PlacedPoint] = []
    if seen == "unknown":
        warnings.append(_("could not tell whether the front or the back faces the camera"))
        for code in codes:
            points.append(_missing(code, _("say which side faces the camera (front or back)")))
    else:
        shape = resolve_sides(pose, seen, mirrored)
        sets: dict[View, LandmarkSet | None] = {}
        for code in codes:
            view = wanted.views[code]
            on_back = view in BACK_VIEWS
            shows = on_back == (seen == "back")
            if not shows and code in SEEN_FROM_BOTH and seen == "front":
                found = back_set_from_front(shape)
            elif not shows:
                points.append(_missing(code, TURN["back" if on_back else "front"]))
                continue
            else:
                if view not in sets:
                    sets[view] = body_landmarks(shape, view)
                found = sets[view]
            if found is None:
                points.append(_missing(code, NEEDS[view]))
                continue
            placed = _evaluate(code, found)
            if not placed:
                points.append(_missing(code, NEEDS[view]))
            points.extend(_placed(code, p, True, "") for p in placed)
    return Detection(
        kind="body",
        hand=None,
        facing=seen,
        confidence=round(pose.score, 3),
        size=round(size, 1),
        small=too_small(size, BODY_MIN_PX, scale),
        landmarks=_rounded(pose.points),
        points=points,
    )


def _evaluate(code: str, landmarks: LandmarkSet) -> list[Placement]:
    try:
        return body.evaluate(atlas.get(code), landmarks)
    except (MissingLandmarkError, RuleError):
        return []


def _placed(code: str, p: Placement, visible: bool, note: str) -> PlacedPoint:
    return PlacedPoint(
        code=code,
        side=None if p.side == "midline" else p.side,
        x=round(p.x, 1),
        y=round(p.y, 1),
        radius=round(p.radius, 1),
        on_visible_side=visible,
        note=note,
    )


def _missing(code: str, note: str) -> PlacedPoint:
    return PlacedPoint(
        code=code, side=None, x=None, y=None, radius=None, on_visible_side=False, note=note
    )


def _rounded(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(round(x, 1), round(y, 1)) for x, y in points]


def _advice(wanted: Request) -> str:
    if wanted.hands and not wanted.body:
        return _("show the whole hand, fingers apart, in good light")
    return _("the person should fill most of the picture, in good light")
