"""LI4 and TE3 on hand fixtures: right hand, right side, and positions that follow the hand."""

from __future__ import annotations

import math

import pytest

from acupressure.vision.locate import locate_observations, request
from acupressure.vision.result import Detection

from .handshapes import hand, mirror, rotate90

CASES = [(w, f) for w in ("left", "right") for f in ("palm", "back")]
W, H = 800, 1000


def _one(observation: object) -> Detection:
    wanted = request(["LI4", "TE3"])
    result = locate_observations(W, H, [observation], None, wanted)  # type: ignore[list-item]
    assert len(result.detections) == 1
    return result.detections[0]


def _at(detection: Detection, code: str) -> tuple[float, float]:
    (point,) = [p for p in detection.points if p.code == code]
    assert point.x is not None and point.y is not None
    return point.x, point.y


@pytest.mark.parametrize(("which", "facing"), CASES)
def test_points_are_reported_for_the_hand_and_side_shown(which: str, facing: str) -> None:
    detection = _one(hand(which, facing))  # type: ignore[arg-type]
    assert (detection.hand, detection.facing) == (which, facing)
    for point in detection.points:
        assert point.side == which
        assert point.on_visible_side == (facing == "back")
        assert ("turn your hand over" in point.note) == (facing == "palm")
        assert point.radius is not None and 0 < point.radius < 60


@pytest.mark.parametrize(("which", "facing"), CASES)
def test_li4_lies_beside_the_index_metacarpal_towards_the_thumb(which: str, facing: str) -> None:
    obs = hand(which, facing)  # type: ignore[arg-type]
    x, y = _at(_one(obs), "LI4")
    wrist, thumb_mcp, index_mcp = obs.points[0], obs.points[2], obs.points[5]
    # between the wrist and the index knuckle along the hand, on the thumb's side of it
    assert wrist[1] > y > index_mcp[1]
    assert abs(x - thumb_mcp[0]) < abs(obs.points[17][0] - thumb_mcp[0])
    assert (x - index_mcp[0]) * (thumb_mcp[0] - index_mcp[0]) >= 0


@pytest.mark.parametrize(("which", "facing"), CASES)
def test_te3_lies_between_ring_and_little_knuckles_near_the_wrist(which: str, facing: str) -> None:
    obs = hand(which, facing)  # type: ignore[arg-type]
    x, y = _at(_one(obs), "TE3")
    ring, little = obs.points[13], obs.points[17]
    assert min(ring[0], little[0]) < x < max(ring[0], little[0])
    assert y > max(ring[1], little[1])  # proximal: nearer the wrist (y grows downwards)


@pytest.mark.parametrize(("which", "facing"), CASES)
@pytest.mark.parametrize("code", ["LI4", "TE3"])
def test_flipping_the_image_swaps_the_hand_and_mirrors_the_point(
    which: str, facing: str, code: str
) -> None:
    obs = hand(which, facing)  # type: ignore[arg-type]
    plain, flipped = _one(obs), _one(mirror(obs, W))
    assert flipped.hand != plain.hand and flipped.facing == plain.facing
    x, y = _at(plain, code)
    fx, fy = _at(flipped, code)
    assert math.hypot(fx - (W - x), fy - y) < 0.15  # positions are rounded to 0.1 px


@pytest.mark.parametrize(("which", "facing"), CASES)
@pytest.mark.parametrize("code", ["LI4", "TE3"])
def test_rotating_the_image_keeps_the_point_on_the_same_spot(
    which: str, facing: str, code: str
) -> None:
    obs = hand(which, facing)  # type: ignore[arg-type]
    plain, turned = _one(obs), _one(rotate90(obs, H))
    assert (turned.hand, turned.facing) == (plain.hand, plain.facing)
    x, y = _at(plain, code)
    tx, ty = _at(turned, code)
    assert math.hypot(tx - (H - y), ty - x) < 0.15  # positions are rounded to 0.1 px


def test_rotated_hand_keeps_points_relative_to_the_hand() -> None:
    upright = _one(hand("right", "back"))
    tilted = _one(hand("right", "back", angle_deg=40, centre=(400, 500)))
    x, y = _at(upright, "LI4")
    a = math.radians(40)
    dx, dy = x - 400, y - 500
    c, s = math.cos(a), math.sin(a)
    expected = (400 + dx * c - dy * s, 500 + dx * s + dy * c)
    tx, ty = _at(tilted, "LI4")
    assert math.hypot(tx - expected[0], ty - expected[1]) < 0.15  # positions are rounded to 0.1 px


def test_a_bigger_hand_gets_a_proportionally_bigger_radius() -> None:
    small = _one(hand("left", "back", size=100)).points[0].radius
    big = _one(hand("left", "back", size=300)).points[0].radius
    assert small is not None and big is not None
    assert big == pytest.approx(3 * small, rel=0.02)
