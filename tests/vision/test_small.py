"""Hands and bodies too small in the picture are flagged, with a warning (fixtures, no model)."""

from __future__ import annotations

import math

import pytest

from acupressure.vision.locate import locate_observations, request
from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.result import LocateResult
from acupressure.vision.smallness import HAND_MIN_PX, SMALL_BODY, SMALL_HAND, body_size

from .handshapes import hand
from .poseshapes import person

UNIT = math.hypot(0.05, 0.95)  # the hand fixture's wrist to middle knuckle, in its own units


def _hands(*hands: HandObservation, scale: float = 1.0) -> LocateResult:
    return locate_observations(800, 1000, list(hands), None, request(["LI4"]), scale=scale)


def _body(pose: PoseObservation) -> LocateResult:
    return locate_observations(800, 1000, [], pose, request(["GB21"]))


def test_a_tiny_hand_is_flagged_and_the_person_is_told_to_come_closer() -> None:
    result = _hands(hand("right", "back", size=11))
    (detection,) = result.detections
    assert detection.small and detection.size == pytest.approx(11 * UNIT, abs=0.05)
    assert result.warnings == [SMALL_HAND]
    assert "come closer" in SMALL_HAND and "left/right" in SMALL_HAND


def test_an_ordinary_hand_is_not_flagged() -> None:
    result = _hands(hand("right", "back", size=100))
    assert not result.detections[0].small and result.warnings == []


@pytest.mark.parametrize(("size", "small"), [(HAND_MIN_PX - 0.5, True), (HAND_MIN_PX + 0.5, False)])
def test_the_hand_threshold_is_on_wrist_to_middle_knuckle(size: float, small: bool) -> None:
    assert _hands(hand("left", "palm", size=size / UNIT)).detections[0].small == small


def test_a_photo_scaled_down_for_detection_is_judged_at_that_scale() -> None:
    obs = hand("left", "back", size=30 / UNIT)  # 30 px in the photo, 12 px where MediaPipe ran
    assert not _hands(obs).detections[0].small
    assert _hands(obs, scale=0.4).detections[0].small


def test_two_tiny_hands_give_one_warning() -> None:
    result = _hands(hand("left", "back", size=10), hand("right", "back", size=10))
    assert [d.small for d in result.detections] == [True, True]
    assert result.warnings.count(SMALL_HAND) == 1


def test_a_tiny_body_is_flagged_and_an_ordinary_one_is_not() -> None:
    tiny, ordinary = _body(person(trunk=30)), _body(person(trunk=300))
    assert tiny.detections[0].small and SMALL_BODY in tiny.warnings
    assert not ordinary.detections[0].small and ordinary.warnings == []
    assert ordinary.placed() and {p.code for p in ordinary.placed()} == {"GB21"}


def test_body_size_takes_the_shoulders_when_the_trunk_looks_short() -> None:
    pose = person(trunk=300)
    points = list(pose.points)
    points[23], points[24] = points[11], points[12]  # hips hidden behind the shoulders
    assert body_size(points) == pytest.approx(2 * 170 * 300 / 490, abs=0.01)
    assert body_size(pose.points) == pytest.approx(300)
