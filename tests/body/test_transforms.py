"""Rules follow the landmarks: a rotated, mirrored or scaled set moves the points with it."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acupressure import atlas, body

CODES = [p.code for p in atlas.all_points()]


def mapped(matrix: tuple[float, float, float, float], shift: tuple[float, float],
           x: float, y: float) -> tuple[float, float]:  # fmt: skip
    a, b, c, d = matrix
    return a * x + b * y + shift[0], c * x + d * y + shift[1]


def similarity(angle: float, scale: float, mirror: bool) -> tuple[float, float, float, float]:
    cos, sin = math.cos(angle) * scale, math.sin(angle) * scale
    m = 1.0 if not mirror else -1.0
    return cos * m, -sin, sin * m, cos  # mirror x first, then rotate and scale


@settings(max_examples=40, deadline=None)
@given(
    code=st.sampled_from(CODES),
    angle=st.floats(-math.pi, math.pi),
    scale=st.floats(0.05, 20),
    mirror=st.booleans(),
    shift=st.tuples(st.floats(-5000, 5000), st.floats(-5000, 5000)),
)
def test_points_move_with_the_landmarks(
    code: str, angle: float, scale: float, mirror: bool, shift: tuple[float, float]
) -> None:
    point = atlas.get(code)
    canonical = body.canonical(point.rule.view)
    matrix = similarity(angle, scale, mirror)
    photo = canonical.transformed(matrix, shift)
    before = {p.side: p for p in body.evaluate(point, canonical)}
    after = {p.side: p for p in body.evaluate(point, photo)}
    assert before.keys() == after.keys()  # sides keep their names: the person's own left
    for side, p in before.items():
        expected = mapped(matrix, shift, p.x, p.y)
        tolerance = 1e-6 * scale * 2000
        assert after[side].x == pytest.approx(expected[0], abs=tolerance)
        assert after[side].y == pytest.approx(expected[1], abs=tolerance)
        assert after[side].radius == pytest.approx(p.radius * scale)


def test_a_mirrored_photo_keeps_the_persons_left_on_the_left_landmarks() -> None:
    back = body.canonical("back")
    mirrored = back.transformed((-1, 0, 0, 1))
    left = next(p for p in body.evaluate(atlas.get("BL23"), mirrored) if p.side == "left")
    acromion = mirrored.get("acromion_end.left")
    assert left.x * acromion[0] > 0


def test_one_hand_in_a_photo_gives_one_placement() -> None:
    hand = body.canonical("hand")
    right_only = body.LandmarkSet(
        view="hand", points={n: xy for n, xy in hand.points.items() if n.endswith(".right")}
    )
    placements = body.evaluate(atlas.get("LI4"), right_only)
    assert [p.side for p in placements] == ["right"]


def test_landmark_uncertainty_widens_the_radius() -> None:
    back = body.canonical("back")
    shaky = back.model_copy(update={"uncertainty": {"l2_spinous_lower": 30.0}})
    (gv4,) = body.evaluate(atlas.get("GV4"), shaky)
    (sure,) = body.evaluate(atlas.get("GV4"), back)
    assert gv4.radius == pytest.approx(math.hypot(sure.radius, 30.0))


def test_missing_landmarks_and_wrong_views_are_reported() -> None:
    with pytest.raises(body.MissingLandmarkError, match="l2_spinous_lower"):
        body.evaluate(
            atlas.get("GV4"), body.LandmarkSet(view="back", points={"c7_spinous": (0, 0)})
        )
    with pytest.raises(body.RuleError, match="front"):
        body.evaluate(atlas.get("CV6"), body.canonical("back"))


def test_a_view_without_cun_segments_needs_an_explicit_cun() -> None:
    foot = body.canonical("foot")
    bare = foot.model_copy(update={"cun": None})
    with pytest.raises(body.MissingLandmarkError, match="cun"):
        body.evaluate(atlas.get("LR3"), bare)
