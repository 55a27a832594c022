"""Degenerate pictures (every landmark at one point, landmarks on one line, a few points
repeated): the press verdict is "cannot tell" with advice, never an exception (issue 22:
ZeroDivisionError and MissingLandmarkError reached the live camera's endpoint)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.press import judge

BODY_CODES = ["GB21", "BL23", "BL52", "GV4"]
coordinate = st.floats(0, 640)
point = st.tuples(coordinate, coordinate)


@st.composite
def degenerate_points(draw: st.DrawFn, count: int) -> list[tuple[float, float]]:
    kind = draw(st.sampled_from(["one point", "one line", "few points"]))
    if kind == "one point":
        return [draw(point)] * count
    if kind == "one line":
        x = draw(coordinate)
        return [(x, draw(coordinate)) for _ in range(count)]
    few = draw(st.lists(point, min_size=1, max_size=4))
    return [draw(st.sampled_from(few)) for _ in range(count)]


@pytest.mark.parametrize("facing", [None, "front", "back"])
@pytest.mark.parametrize("code", BODY_CODES)
def test_every_landmark_at_one_point_cannot_tell(code: str, facing: str | None) -> None:
    pose = PoseObservation(points=[(320.0, 240.0)] * 33, visibility=[1.0] * 33, score=1.0)
    result = judge(code, [], pose, facing=facing)  # type: ignore[arg-type]
    assert result.verdict == "cannot tell" and result.advice


@settings(max_examples=300, deadline=None)
@given(
    code=st.sampled_from([*BODY_CODES, "LI4", "TE3"]),
    pose=degenerate_points(33),
    hands=st.lists(degenerate_points(21), max_size=2),
    facing=st.sampled_from([None, "front", "back"]),
    mirrored=st.booleans(),
)
def test_degenerate_pictures_give_a_verdict_or_cannot_tell(
    code: str,
    pose: list[tuple[float, float]],
    hands: list[list[tuple[float, float]]],
    facing: str | None,
    mirrored: bool,
) -> None:
    observed = PoseObservation(points=pose, visibility=[1.0] * 33, score=1.0)
    seen = [
        HandObservation(label=label, score=0.9, points=points)
        for label, points in zip(["Left", "Right"], hands, strict=False)
    ]
    result = judge(code, seen, observed, mirrored=mirrored, facing=facing)  # type: ignore[arg-type]
    assert result.verdict in ("on", "close", "off", "cannot tell")
    if result.verdict == "cannot tell":
        assert result.advice
