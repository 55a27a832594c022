"""The press verdict on landmark fixtures: a presser's fingertip put at known offsets in cun
from the target, on rotated, mirrored and scaled hands and bodies; every verdict and
direction must come out right."""

from __future__ import annotations

import math

import pytest

from acupressure import atlas, body
from acupressure.body.direction import axes
from acupressure.vision.body_map import back_set_from_front, body_landmarks, resolve_sides
from acupressure.vision.hand_map import hand_landmarks
from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.orient import orient_hand
from acupressure.vision.press import CLOSE_CUN, cun_at, judge

from .handshapes import hand, mirror
from .poseshapes import person
from .pressing import W, hand_spot, presser_at, target_hand

# (offset along the view's forward axis, offset across, outward), in cun, and the verdict
HAND_WORDS = {
    (1, 0): "toward the wrist",  # the tip sits distal of the point: move proximal
    (-1, 0): "toward the fingers",
    (0, 1): "toward the little finger",  # the tip sits radial: move ulnar
    (0, -1): "toward the thumb",
}
TRANSFORMS = [  # (target hand size in px, rotation in degrees, mirrored image)
    (200.0, 0.0, False),
    (90.0, 37.0, False),
    (420.0, -120.0, False),
    (200.0, 180.0, True),
    (140.0, 75.0, True),
]


def _sign(value: float) -> int:
    return 0 if value == 0 else int(math.copysign(1, value))


def _expected(code: str, distance: float) -> str:
    radius = atlas.get(code).rule.radius_cun
    if distance <= radius:
        return "on"
    return "close" if distance <= radius + CLOSE_CUN else "off"


@pytest.mark.parametrize(("size", "angle", "mirrored"), TRANSFORMS)
@pytest.mark.parametrize("code", ["LI4", "TE3"])
@pytest.mark.parametrize(
    ("along", "across"),
    [(0, 0), (0.15, -0.1), (0.8, 0), (-0.8, 0), (0, 0.9), (0, -0.9), (2.5, 0), (0, -3.0)],
)
def test_hand_verdict_and_direction(
    code: str, size: float, angle: float, mirrored: bool, along: float, across: float
) -> None:
    target = target_hand(size, angle, mirrored)
    spot, placement, cun = hand_spot(target, code, along, across, mirrored)
    presser = presser_at(spot, size, (placement.x, placement.y))
    result = judge(code, [target, presser], None, mirrored=mirrored)
    distance = math.hypot(along, across)
    assert result.verdict == _expected(code, distance)
    assert result.distance_cun == pytest.approx(distance, abs=0.02)
    assert result.presser.fingertip == "index"
    assert result.target is not None
    assert (result.target.x, result.target.y) == pytest.approx((placement.x, placement.y), abs=0.1)
    assert result.target.radius == pytest.approx(atlas.get(code).rule.radius_cun * cun, abs=0.1)
    if result.verdict == "on":
        assert result.direction is None
    else:
        key = (
            int(math.copysign(1, along)) if along else 0,
            int(math.copysign(1, across)) if across else 0,
        )
        assert result.direction == HAND_WORDS[key]
        assert result.direction in result.advice
    # the presser over the target hand: its landmarks may have moved, so never "high"
    assert result.covered or distance > 0.5
    assert result.certainty in (("medium", "low") if result.covered else ("high",))
    assert not result.remembered
    # the same hand seen alone a moment earlier, where it still is: where enough of it is
    # uncovered now to tell, its clean landmarks give the point (the same answer, and sure)
    again = judge(code, [target, presser], None, mirrored=mirrored, earlier=target)
    assert again.verdict == result.verdict
    assert again.distance_cun == pytest.approx(distance, abs=0.02)
    assert again.certainty == ("high" if again.remembered else result.certainty)


@pytest.mark.parametrize(("size", "angle", "mirrored"), TRANSFORMS)
@pytest.mark.parametrize("code", ["LI4", "TE3"])
@pytest.mark.parametrize(("along", "across"), [(0, 0), (0.6, 0.2), (0, 1.2)])
def test_a_finger_from_the_side_uses_the_earlier_hand(
    code: str, size: float, angle: float, mirrored: bool, along: float, across: float
) -> None:
    """The pressing hand comes in from the nearer edge of the target hand, so most of the
    target stays uncovered: the hand seen alone before (which has since moved) gives the
    point, and the verdict is "high"; without it the certainty is capped."""
    target = target_hand(size, angle, mirrored)
    spot, placement, cun = hand_spot(target, code, along, across, mirrored)
    side, _ = orient_hand(target, mirrored)
    _, outward = axes(hand_landmarks(target, side), side)
    centre = (sum(x for x, _ in target.points) / 21, sum(y for _, y in target.points) / 21)
    edge = (placement.x - centre[0]) * outward[0] + (placement.y - centre[1]) * outward[1]
    sign = 1 if edge > 0 else -1  # the hand lies beyond the nearer edge, the finger points in
    toward = (spot[0] - sign * outward[0] * cun, spot[1] - sign * outward[1] * cun)
    presser = presser_at(spot, size, toward)
    distance = math.hypot(along, across)
    # the hand seen alone before, 0.1 cun from where it is now (a steady hand)
    earlier = _moved(target, 0.0, (0.1 * cun * outward[0], 0.1 * cun * outward[1]), 1.0)
    result = judge(code, [target, presser], None, mirrored=mirrored, earlier=earlier)
    assert result.remembered and result.certainty == "high"
    assert result.verdict == _expected(code, distance)
    assert result.distance_cun == pytest.approx(distance, abs=0.12)
    alone = judge(code, [target, presser], None, mirrored=mirrored)
    assert not alone.remembered and alone.verdict == result.verdict
    # the hand has moved since (turned, shifted): the memory is not used
    gone = _moved(target, 8.0, (cun * outward[0], cun * outward[1]), 1.0)
    moved = judge(code, [target, presser], None, mirrored=mirrored, earlier=gone)
    assert not moved.remembered and moved.not_remembered == "moved"
    assert moved == alone.model_copy(update={"not_remembered": "moved"})


def _moved(
    obs: HandObservation, degrees: float, shift: tuple[float, float], scale: float
) -> HandObservation:
    """The hand turned, scaled and shifted (the same hand after it moved in the picture)."""
    a = math.radians(degrees)
    cos, sin = math.cos(a) * scale, math.sin(a) * scale
    points = [(x * cos - y * sin + shift[0], x * sin + y * cos + shift[1]) for x, y in obs.points]
    return obs.model_copy(update={"points": points})


def test_an_earlier_hand_of_another_shape_is_not_used() -> None:
    """The earlier hand stretched (or another hand) is not the hand under the presser now:
    the verdict comes from this frame, with the capped certainty."""
    target = target_hand(200, 10, False)
    spot, placement, _ = hand_spot(target, "LI4", 0.0, 0.0, False)
    presser = presser_at(spot, 200, (placement.x, placement.y))
    wrist = target.points[0]
    stretched = [(x, wrist[1] + (y - wrist[1]) * 1.3) for x, y in target.points]
    earlier = target.model_copy(update={"points": stretched})
    result = judge("LI4", [target, presser], None, earlier=earlier)
    assert not result.remembered and result.covered
    assert result.verdict == "on" and result.certainty in ("medium", "low")
    mirrored_hand = mirror(target, W)  # the other hand (or a palm): never used
    other = judge("LI4", [target, presser], None, earlier=mirrored_hand)
    assert not other.remembered


def test_the_pressing_hand_is_the_one_over_the_other() -> None:
    """Either order of the two hands gives the same answer; the presser is named."""
    target = target_hand(200, 10, False)
    spot, _, _ = hand_spot(target, "LI4", 0.8, 0.0, False)
    presser = presser_at(spot, 200, (spot[0], spot[1] + 10))
    one = judge("LI4", [target, presser], None)
    other = judge("LI4", [presser, target], None)
    assert one == other
    assert one.verdict == "close" and one.presser.hand == "left"


@pytest.mark.parametrize(
    ("hands", "advice"),
    [
        (0, "no hand was found"),
        (1, "only one hand was found"),
    ],
)
def test_too_few_hands_cannot_tell_and_say_what_to_change(hands: int, advice: str) -> None:
    seen = [target_hand(200, 0, False)][:hands]
    result = judge("LI4", seen, None)
    assert result.verdict == "cannot tell"
    assert result.certainty is None and result.target is None and result.distance_cun is None
    assert advice in result.advice and "both hands" in result.advice


def test_a_palm_towards_the_camera_cannot_tell() -> None:
    palm = hand("right", "palm", size=200, centre=(1000, 1000))
    other = presser_at((1000, 900), 200, (1000, 1000))  # a left palm: both palms
    result = judge("LI4", [palm, other], None)
    assert result.verdict == "cannot tell"
    assert "back of the hand" in result.advice


# Body: KI27 and CV6 from the front, GB21 from the front and the back points from behind.
BODY_WORDS = {
    "front": {(1, 0): "up", (-1, 0): "down"},
    "back": {(1, 0): "up", (-1, 0): "down"},
}


def _pose(trunk: float, angle: float, mirrored: bool, back: bool) -> PoseObservation:
    pose = person(trunk=trunk, centre_x=1000, top=200)
    points = pose.points
    if back:  # seen from behind: the person's left appears on the image's left
        points = [(2 * 1000 - x, y) for x, y in points]
    a = math.radians(angle)
    points = [
        (
            1000 + (x - 1000) * math.cos(a) - (y - 600) * math.sin(a),
            600 + (x - 1000) * math.sin(a) + (y - 600) * math.cos(a),
        )
        for x, y in points
    ]
    if mirrored:
        points = [(W - x, y) for x, y in points]
    visibility = list(pose.visibility)
    if back:
        visibility[:11] = [0.05] * 11  # no face from behind
    return pose.model_copy(update={"points": points, "visibility": visibility})


def _fingertip_at(
    spot: tuple[float, float], size: float, toward: tuple[float, float] | None = None
) -> HandObservation:
    """A hand whose index tip lands on ``spot``, pointing at ``toward`` (default: up)."""
    return presser_at(spot, size, toward or (spot[0], spot[1] - 10))


@pytest.mark.parametrize(("trunk", "angle", "mirrored"), [(300, 0, False), (700, 12, True)])
@pytest.mark.parametrize(
    ("code", "back"),
    [("KI27", False), ("CV6", False), ("GB21", True), ("BL23", True), ("GV4", True)],
)
@pytest.mark.parametrize(("along", "across"), [(0, 0), (-0.8, 0), (0.9, 0), (0, 0.7), (3, 0)])
def test_body_verdict_and_direction(
    code: str, back: bool, trunk: float, angle: float, mirrored: bool, along: float, across: float
) -> None:
    pose = _pose(trunk, angle, mirrored, back)
    facing = "back" if back else "front"
    shape = resolve_sides(pose, facing, mirrored)
    view = atlas.get(code).rule.view
    landmarks = body_landmarks(shape, view)
    assert landmarks is not None
    placements = body.evaluate(atlas.get(code), landmarks)
    placement = placements[0]
    side = None if placement.side == "midline" else placement.side
    cun = cun_at(code, landmarks, placement)
    forward, outward = axes(landmarks, side or "left")
    # "along" is measured superior-wards (up) here: positive = the tip is above the point
    spot = (
        placement.x + (-along * forward[0] + across * outward[0]) * cun,
        placement.y + (-along * forward[1] + across * outward[1]) * cun,
    )
    hand_in = _fingertip_at(spot, trunk / 3, (placement.x, placement.y))
    result = judge(code, [hand_in], pose, mirrored=mirrored)
    distance = math.hypot(along, across)
    assert result.verdict == _expected(code, distance)
    assert result.distance_cun == pytest.approx(distance, abs=0.02)
    assert result.target is not None and result.target.side == side
    if along:
        assert result.direction == ("down" if along > 0 else "up")
    elif across:
        want = {
            "front": "toward the middle of the body",
            "back": "toward the spine",
        }["back" if view in ("back", "neck") else "front"]
        if side is None:
            want = "to your right"
        assert result.direction == want
    else:
        assert result.direction is None
    assert result.certainty in ("medium", "low")  # bony landmarks carried from the figure


def test_back_point_on_a_front_view_says_turn_around() -> None:
    result = judge("BL23", [_fingertip_at((1000, 700), 100)], _pose(300, 0, False, False))
    assert result.verdict == "cannot tell"
    assert "turn your back to the camera" in result.advice
    assert result.supported is not None and "helper" in result.supported


def test_gb21_is_checked_from_the_front_too() -> None:
    pose = _pose(300, 0, False, False)
    result = judge("GB21", [_fingertip_at((900, 300), 100)], pose)
    assert result.verdict in ("on", "close", "off")


def test_body_without_a_hand_uses_pose_and_is_marked_low() -> None:
    result = judge("CV6", [], _pose(300, 0, False, False))
    assert result.verdict != "cannot tell"
    assert result.certainty == "low" and result.presser.fingertip == "index"
    assert result.presser.seen_by == "pose"


@pytest.mark.parametrize("mirrored", [False, True])
def test_gb21_live_with_pose_alone_the_other_hand_on_the_shoulder(mirrored: bool) -> None:
    """The live body view runs Pose only: the right hand's tip (Pose's index landmark) on
    the left GB21 from the front is "on", marked low and seen by Pose."""
    pose = _pose(300, 0, mirrored, False)
    shape = resolve_sides(pose, "front", mirrored)
    landmarks = back_set_from_front(shape)  # GB21's rule, read from a front view
    assert landmarks is not None
    left = next(p for p in body.evaluate(atlas.get("GB21"), landmarks) if p.side == "left")
    points = list(pose.points)
    visibility = list(pose.visibility)
    index = shape.index(19, 20, "right")
    points[index] = (left.x, left.y)
    visibility[index] = 0.9
    pressed = pose.model_copy(update={"points": points, "visibility": visibility})
    result = judge("GB21", [], pressed, mirrored=mirrored)
    assert result.verdict == "on" and result.certainty == "low"
    assert result.presser.seen_by == "pose" and result.presser.hand == "right"
    assert result.target is not None and result.target.side == "left"


def test_points_without_a_press_check_say_so() -> None:
    result = judge("BL60", [], _pose(300, 0, False, True))
    assert result.verdict == "cannot tell" and result.supported is None
    assert "use the chart" in result.advice
