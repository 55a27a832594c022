"""Am I on it? The press verdict: the presser's fingertip against one point's target circle.

The target is the point placed by the one evaluator (on the other hand, or on the body seen
by Pose); the presser is the fingertip or thumb tip of a hand, found by MediaPipe Hands (or,
when only Pose ran, Pose's own index-finger landmark, which is rougher). The distance is
measured in cun of the target's landmark set, so the verdict does not depend on the size,
rotation or mirroring of the picture:

- ``on``: the fingertip is inside the point's radius (``rule.radius_cun``);
- ``close``: within 1 cun of that circle, with the direction to move in plain words;
- ``off``: further away (the direction is still given);
- ``cannot tell``: the target or the presser is not in the picture, with what to change.

Which views can check a press is explicit (:data:`SUPPORT`); ``certainty`` says how sure
the verdict is, from how well the landmarks behind the target are known and whether the
pressing hand covers them. A hand that another hand covers is still found by MediaPipe,
but its landmarks move: on composite photos the point moved by 0.15-0.6 cun (once 4.5 cun)
with the radius 0.3-0.4 cun. So with the presser over the target hand the certainty is at
most ``medium``, and ``low`` when the presser covers a landmark the point's rule uses.
The live page can send the target hand from a recent frame that showed it alone, and the
photo path a photo of the hand alone taken just before (``earlier``): while the palm joints
the presser leaves uncovered are still where they were (the hand has not moved), the point
is placed on that clean hand (``remembered``) and the cap does not apply; otherwise this
picture's landmarks are used and ``not_remembered`` says why (:data:`MEMORY_UNUSED`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from acupressure import atlas, body
from acupressure.body import (
    SIDES,
    LandmarkSet,
    MissingLandmarkError,
    Placement,
    RuleError,
    Side,
    View,
)
from acupressure.body.direction import move_words
from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _
from acupressure.vision.body_map import (
    BACK_VIEWS,
    Body,
    back_set_from_front,
    body_landmarks,
    resolve_sides,
)
from acupressure.vision.hand_map import OBSERVED, hand_landmarks
from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.orient import BodyFacing, body_facing, orient_hand, person_hand

Verdict = Literal["on", "close", "off", "cannot tell"]
Certainty = Literal["high", "medium", "low"]
Fingertip = Literal["thumb", "index", "middle"]

CLOSE_CUN = 1.0  # "close": within this many cun of the target circle
TIPS: dict[Fingertip, int] = {"thumb": 4, "index": 8, "middle": 12}  # MediaPipe Hands
POSE_TIPS = (19, 20)  # MediaPipe Pose's left/right index landmarks (the tip of the hand)
POSE_SEEN = 0.5
# How sure: the target's own uncertainty beyond its radius, in cun (landmarks MediaPipe sees
# directly are known to a few per cent of the hand; bony landmarks under the skin less so).
HIGH_SPREAD_CUN = 0.5
MEDIUM_SPREAD_CUN = 1.0
LEVELS: tuple[Certainty, ...] = ("low", "medium", "high")
COVER_GROW = 1.25  # the presser's landmark hull, grown by this factor about its centre
# An earlier frame's target hand is used while this frame's uncovered palm joints (the
# landmarks the hand's points are placed from; fingers may move) lie on average within
# MEMORY_MOVE_CUN of where they were; at least MEMORY_POINTS of the 7 must be uncovered.
MEMORY_MOVE_CUN = 0.3
MEMORY_POINTS = 4

# Which picture can check a press on which view; the other views cannot (yet).
# Read in the current language (Labels): the picture to take, in the person's words.
SUPPORT: Labels[View] = Labels(
    {
        "hand": N_(
            "both hands in the picture: the back of the hand with the point towards the "
            "camera, the other hand pressing"
        ),
        "front": N_("your front facing the camera, shoulders to hips, with the pressing hand"),
        "back": N_(
            "your back to the camera (a helper presses while someone films, or the phone "
            "stands behind you), shoulders to hips and the helper's hand"
        ),
        "neck": N_(
            "the back of your head, neck and shoulders towards the camera, with the pressing hand"
        ),
    }
)
# Why the picture of the hand alone (``earlier``: the live page's memory, or the photo path's
# second photo) was not used; the verdict then comes from the one picture.
MemoryUnused = Literal["not a hand point", "size", "no hand", "hands", "other hand", "covered",
                       "not placed", "moved"]  # fmt: skip
MEMORY_UNUSED: Labels[MemoryUnused] = Labels(
    {
        "not a hand point": N_("the photo of the hand alone is used only for points on the hand"),
        "size": N_(
            "the two photos differ in size: take both with the same camera, from the same place"
        ),
        "no hand": N_("no hand was found in the photo of the hand alone"),
        "hands": N_("the photo of the hand alone shows more than one hand"),
        "other hand": N_("the picture of the hand alone shows another hand, or not its back"),
        "covered": N_(
            "the pressing hand covers too much of the other hand to compare it with the "
            "picture of the hand alone"
        ),
        "not placed": N_("the point could not be placed on the picture of the hand alone"),
        "moved": N_(
            "the hand is not where it was in the picture of the hand alone: keep it still "
            "while you press"
        ),
    }
)
# "cannot tell" for a picture whose landmarks give no shape (hand, body)
DEGENERATE = {
    True: N_("the hands could not be read: hold both hands flat towards the camera, in good light"),
    False: N_("the body could not be read: step back so that shoulders and hips fill the picture"),
}
FROM_THE_FRONT = frozenset({"GB21"})  # on top of the shoulder: a front view shows it too


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Presser(_Model):
    hand: Side | None  # the pressing hand: the person's own hand, or the helper's as seen
    fingertip: Fingertip | None
    x: float | None = None
    y: float | None = None
    # "hands": MediaPipe Hands found the fingertip (any hand in the picture, a helper's too);
    # "pose": only the body model ran (the live body view), so the presser is the filmed
    # person's own hand as Pose sees it (the tip of the hand, rough: certainty "low")
    seen_by: Literal["hands", "pose"] | None = None


class Target(_Model):
    side: Side | None  # None: a point on the midline
    x: float
    y: float
    radius: float  # the point's radius in pixels (rule.radius_cun in this picture's cun)


class PressResult(_Model):
    code: str
    verdict: Verdict
    distance_cun: float | None  # from the fingertip to the point's centre
    direction: str | None  # where to move the finger, in plain words (close and off)
    presser: Presser
    target: Target | None
    certainty: Certainty | None  # None with "cannot tell"
    covered: bool = False  # the pressing hand lies over the target hand (its landmarks move)
    remembered: bool = False  # placed on the clean hand of an earlier frame (no cap, then)
    # why the picture of the hand alone (given with ``earlier``) was not used (in words:
    # MEMORY_UNUSED); None when it was used or none was given
    not_remembered: MemoryUnused | None = None
    supported: str | None  # the picture this point needs for a press check; None: no check
    advice: str  # one line for the person: the verdict, or what to change

    @property
    def on(self) -> bool:
        return self.verdict == "on"


@dataclass(frozen=True)
class _Tip:
    hand: Side | None
    name: Fingertip
    x: float
    y: float
    rough: bool  # from Pose rather than Hands


def supported(code: str) -> str | None:
    """The picture a press check on this point needs, or None when no view supports it."""
    return SUPPORT.get(atlas.get(code).rule.view)


def checkable(codes: list[str]) -> list[str]:
    """The codes whose press the camera can check."""
    return [c for c in codes if supported(c) is not None]


# Live, the browser runs one model at a time: Hands for the points on a hand, Pose for the
# body, whose tip of the hand is rough (certainty "low" at best). So only the hand points
# can hold a guided session's timer on the point; the others are held by the clock.
LIVE_HOLD_VIEWS: frozenset[View] = frozenset({"hand"})


def held_live(codes: list[str]) -> list[str]:
    """The codes whose hold the live camera can time with more than low certainty."""
    return [c for c in checkable(codes) if atlas.get(c).rule.view in LIVE_HOLD_VIEWS]


def judge(
    code: str,
    hands: list[HandObservation],
    pose: PoseObservation | None,
    *,
    mirrored: bool = False,
    facing: BodyFacing | None = None,
    earlier: HandObservation | None = None,
) -> PressResult:
    """The verdict for one point from what the detectors saw (pixels of one picture).

    ``earlier``: the target hand as a recent frame showed it alone (hand points only)."""
    point = atlas.get(code)
    view = point.rule.view
    if view not in SUPPORT:
        return _cannot(
            point.code,
            None,
            _(
                "the camera cannot check a press on this point yet: use the chart and feel for "
                "the tender spot"
            ),
        )
    try:
        if view == "hand":
            return _judge_hand(point.code, hands, mirrored, earlier)
        return _judge_body(point.code, view, hands, pose, mirrored, facing)
    except (MissingLandmarkError, RuleError):  # a degenerate picture: landmarks at one point,
        # or a body read without the landmarks its view needs
        return _cannot(point.code, view, _(DEGENERATE[view == "hand"]))


def _judge_hand(
    code: str, hands: list[HandObservation], mirrored: bool, earlier: HandObservation | None
) -> PressResult:
    if len(hands) < 2:
        what = _("no hand was found") if not hands else _("only one hand was found")
        return _cannot(
            code,
            "hand",
            _(
                "{what}: show both hands, the back of one towards the camera and a finger of "
                "the other on it; add light or bring the hands closer"
            ).format(what=what),
        )
    best: tuple[tuple[bool, float], _Pair, Placement, _Tip] | None = None
    palms = 0
    for target in hands:
        side, seen = orient_hand(target, mirrored)
        if seen != "back":
            palms += 1
            continue
        landmarks = hand_landmarks(target, side)
        others = [h for h in hands if h is not target]
        tips = [(h, _hand_tip(h, t, mirrored)) for h in others for t in TIPS]
        # the pressing hand is the one whose tips lie over the other hand
        hull = convex_hull(_grown(target.points))
        over = any(in_hull((t.x, t.y), hull) for _, t in tips)
        for placement in _evaluate(code, landmarks):
            cun = cun_at(code, landmarks, placement)
            for presser, tip in tips:
                rank = (not over, math.hypot(tip.x - placement.x, tip.y - placement.y) / cun)
                if best is None or rank < best[0]:
                    pair = _Pair(target, presser, side, landmarks, over)
                    best = (rank, pair, placement, tip)
    if best is None:
        return _cannot(
            code,
            "hand",
            _("turn the back of the hand with the point towards the camera")
            if palms
            else _("hold both hands flat towards the camera"),
        )
    _rank, pair, placement, tip = best
    remembered = _remembered(code, pair, earlier, mirrored)
    if isinstance(remembered, tuple):
        landmarks, placement = remembered
        return _verdict(code, "hand", landmarks, placement, tip, covered=pair.over, remembered=True)
    cap: Certainty = "high"
    if pair.over:
        cap = "low" if _rule_covered(code, pair, placement) else "medium"
    result = _verdict(code, "hand", pair.landmarks, placement, tip, cap=cap, covered=pair.over)
    return result.model_copy(update={"not_remembered": remembered})


@dataclass(frozen=True)
class _Pair:
    """The hand with the point, the hand pressing it, and what was read from the first."""

    target: HandObservation
    presser: HandObservation
    side: Side
    landmarks: LandmarkSet
    over: bool  # the presser's tips lie over the target hand


def _presser_hull(pair: _Pair) -> list[tuple[float, float]]:
    return convex_hull(_grown(pair.presser.points, COVER_GROW))


def _rule_covered(code: str, pair: _Pair, placement: Placement) -> bool:
    """Whether the presser covers a landmark the point's rule is measured from."""
    hull = _presser_hull(pair)
    names = atlas.get(code).rule.landmarks()
    side = None if placement.side == "midline" else placement.side
    for name in names:
        key = f"{name}.{side}" if side and f"{name}.{side}" in pair.landmarks.points else name
        if key in pair.landmarks.points and in_hull(pair.landmarks.points[key], hull):
            return True
    return False


def _remembered(
    code: str, pair: _Pair, earlier: HandObservation | None, mirrored: bool
) -> tuple[LandmarkSet, Placement] | MemoryUnused | None:
    """The point on the earlier frame's clean hand; None when there is none; why it cannot
    be used when it is another hand, too much of this frame's hand is covered to compare,
    or the hand has moved."""
    if earlier is None:
        return None
    if orient_hand(earlier, mirrored) != (pair.side, "back"):
        return "other hand"
    hull = _presser_hull(pair)
    free = [i for i in OBSERVED.values() if not in_hull(pair.target.points[i], hull)]
    if len(free) < MEMORY_POINTS:
        return "covered"
    landmarks = hand_landmarks(earlier, pair.side)
    placements = _evaluate(code, landmarks)
    if not placements:
        return "not placed"
    placement = placements[0]
    cun = cun_at(code, landmarks, placement)
    moved = sum(math.dist(earlier.points[i], pair.target.points[i]) for i in free) / len(free)
    if moved / cun > MEMORY_MOVE_CUN:  # the hand moved (or changed shape): it no longer holds
        return "moved"
    return landmarks, placement


def _judge_body(
    code: str,
    view: View,
    hands: list[HandObservation],
    pose: PoseObservation | None,
    mirrored: bool,
    facing: BodyFacing | None,
) -> PressResult:
    if pose is None:
        return _cannot(
            code,
            view,
            _(
                "no body was found: step back so that shoulders and hips fill the picture, in "
                "good light"
            ),
        )
    seen = facing or body_facing(pose)
    if seen == "unknown":
        return _cannot(code, view, _("say which side of the body faces the camera (front or back)"))
    shape = resolve_sides(pose, seen, mirrored)
    on_back = view in BACK_VIEWS
    landmarks: LandmarkSet | None
    if on_back == (seen == "back"):
        landmarks = body_landmarks(shape, view)
    elif code in FROM_THE_FRONT and seen == "front":
        landmarks = back_set_from_front(shape)
    else:
        where = (
            _("this point is on the back: turn your back to the camera")
            if on_back
            else _("this point is on the front: face the camera")
        )
        return _cannot(code, view, where)
    placements = _evaluate(code, landmarks) if landmarks is not None else []
    if landmarks is None or not placements:
        return _cannot(code, view, _("the picture must show the shoulders and hips: step back"))
    tips = [_hand_tip(h, t, mirrored) for h in hands for t in TIPS] or _pose_tips(shape)
    if not tips:
        return _cannot(
            code,
            view,
            _(
                "the pressing hand was not found: keep it in the picture, fingers visible, in "
                "good light"
            ),
        )
    _distance, placement, tip = min(
        (
            (math.hypot(t.x - p.x, t.y - p.y) / cun_at(code, landmarks, p), p, t)
            for p in placements
            for t in tips
        ),
        key=lambda item: item[0],
    )
    return _verdict(code, view, landmarks, placement, tip)


def _verdict(
    code: str,
    view: View,
    landmarks: LandmarkSet,
    placement: Placement,
    tip: _Tip,
    *,
    cap: Certainty = "high",
    covered: bool = False,
    remembered: bool = False,
) -> PressResult:
    rule = atlas.get(code).rule
    cun = cun_at(code, landmarks, placement)
    distance = math.hypot(tip.x - placement.x, tip.y - placement.y) / cun
    spread = math.sqrt(max(0.0, (placement.radius / cun) ** 2 - rule.radius_cun**2))
    side = None if placement.side == "midline" else placement.side
    if distance <= rule.radius_cun:
        verdict: Verdict = "on"
    elif distance <= rule.radius_cun + CLOSE_CUN:
        verdict = "close"
    else:
        verdict = "off"
    move = (placement.x - tip.x, placement.y - tip.y)
    direction = None if verdict == "on" else move_words(landmarks, side, move, cun)
    if tip.rough or spread > MEDIUM_SPREAD_CUN:
        certainty: Certainty = "low"
    elif spread > HIGH_SPREAD_CUN:
        certainty = "medium"
    else:
        certainty = "high"
    certainty = LEVELS[min(LEVELS.index(certainty), LEVELS.index(cap))]
    advice = {
        "on": _("on the point: press and hold"),
        "close": _("close: move a little {direction}").format(direction=direction)
        if direction
        else _("close"),
        "off": _("not there yet: move {direction}").format(direction=direction)
        if direction
        else _("not there yet"),
    }[verdict]
    return PressResult(
        code=code,
        verdict=verdict,
        distance_cun=round(distance, 2),
        direction=direction,
        presser=Presser(
            hand=tip.hand,
            fingertip=tip.name,
            x=round(tip.x, 1),
            y=round(tip.y, 1),
            seen_by="pose" if tip.rough else "hands",
        ),
        target=Target(
            side=side,
            x=round(placement.x, 1),
            y=round(placement.y, 1),
            radius=round(rule.radius_cun * cun, 1),
        ),
        certainty=certainty,
        covered=covered,
        remembered=remembered,
        supported=SUPPORT[view],
        advice=advice,
    )


def _cannot(code: str, view: View | None, advice: str) -> PressResult:
    return PressResult(
        code=code,
        verdict="cannot tell",
        distance_cun=None,
        direction=None,
        presser=Presser(hand=None, fingertip=None),
        target=None,
        certainty=None,
        supported=SUPPORT.get(view) if view else None,
        advice=advice,
    )


def _hand_tip(hand: HandObservation, name: Fingertip, mirrored: bool) -> _Tip:
    x, y = hand.points[TIPS[name]]
    return _Tip(person_hand(hand.label, mirrored), name, x, y, rough=False)


def _pose_tips(shape: Body) -> list[_Tip]:
    tips: list[_Tip] = []
    for side in SIDES:
        index = shape.index(POSE_TIPS[0], POSE_TIPS[1], side)
        if shape.pose.visibility[index] >= POSE_SEEN:
            x, y = shape.pose.points[index]
            tips.append(_Tip(side, "index", x, y, rough=True))
    return tips


def _grown(points: list[tuple[float, float]], factor: float = 1.25) -> list[tuple[float, float]]:
    cx = sum(x for x, _ in points) / len(points)
    cy = sum(y for _, y in points) / len(points)
    return [(cx + (x - cx) * factor, cy + (y - cy) * factor) for x, y in points]


def inside_hull(point: tuple[float, float], cloud: list[tuple[float, float]]) -> bool:
    """Whether a point lies inside the convex hull of a set of points (any orientation)."""
    return in_hull(point, convex_hull(cloud))


def convex_hull(cloud: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The hull's corners, counter-clockwise in x-right/y-up terms (monotone chain); fewer
    than three corners when the points do not span an area."""
    pts = sorted(set(cloud))
    if len(pts) < 3:
        return []
    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    return hull if len(hull) >= 3 else []


def in_hull(point: tuple[float, float], hull: list[tuple[float, float]]) -> bool:
    """Whether a point lies inside (or on) a hull made by :func:`convex_hull`."""
    n = len(hull)
    return n >= 3 and all(_cross(hull[i], hull[(i + 1) % n], point) >= 0 for i in range(n))


def _cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def cun_at(code: str, landmarks: LandmarkSet, placement: Placement) -> float:
    """One cun in pixels where the point lies (the scale the evaluator used for its radius)."""
    rule = atlas.get(code).rule
    frame = body.spec(landmarks.view).frame
    scale = frame.across_scale if rule.is_bilateral() else frame.forward_scale
    side = None if placement.side == "midline" else placement.side
    cun = landmarks.cun_length(scale, side)
    if not cun > 0:  # the segment's two landmarks coincide: no scale to measure with
        raise RuleError(f"no cun can be measured for {code}: its landmarks coincide")
    return cun


def _evaluate(code: str, landmarks: LandmarkSet) -> list[Placement]:
    try:
        return body.evaluate(atlas.get(code), landmarks)
    except (MissingLandmarkError, RuleError):
        return []
