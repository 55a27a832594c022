"""Which hand and which side faces the camera, on hand fixtures of our own."""

from __future__ import annotations

import pytest

from acupressure.vision.orient import orient_hand, person_hand

from .handshapes import hand, mirror, rotate90

CASES = [(w, f) for w in ("left", "right") for f in ("palm", "back")]


@pytest.mark.parametrize(("which", "facing"), CASES)
def test_hand_and_facing_are_read_from_label_and_geometry(which: str, facing: str) -> None:
    assert orient_hand(hand(which, facing)) == (which, facing)  # type: ignore[arg-type]


@pytest.mark.parametrize(("which", "facing"), CASES)
@pytest.mark.parametrize("angle", [0, 37, 90, 180, 250])
def test_rotation_keeps_hand_and_facing(which: str, facing: str, angle: float) -> None:
    assert orient_hand(hand(which, facing, angle_deg=angle)) == (which, facing)  # type: ignore[arg-type]


@pytest.mark.parametrize(("which", "facing"), CASES)
def test_rotating_the_image_keeps_hand_and_facing(which: str, facing: str) -> None:
    assert orient_hand(rotate90(hand(which, facing), 1000)) == (which, facing)  # type: ignore[arg-type]


@pytest.mark.parametrize(("which", "facing"), CASES)
def test_flipped_image_shows_the_other_hand_with_the_same_side(which: str, facing: str) -> None:
    other = "right" if which == "left" else "left"
    assert orient_hand(mirror(hand(which, facing), 800)) == (other, facing)  # type: ignore[arg-type]


def test_mirrored_selfie_keeps_mediapipe_label() -> None:
    assert person_hand("Left", mirrored=True) == "left"
    assert person_hand("Left", mirrored=False) == "right"


def test_selfie_preview_of_a_left_palm_reads_as_left_palm() -> None:
    flipped = mirror(hand("left", "palm"), 800)  # what a mirrored preview shows
    assert orient_hand(flipped, mirrored=True) == ("left", "palm")


def test_hand_seen_edge_on_is_neither_palm_nor_back() -> None:
    obs = hand("left", "palm")
    wrist = obs.points[0]
    squashed = [(wrist[0] + (x - wrist[0]) * 0.02, y) for x, y in obs.points]
    assert orient_hand(obs.model_copy(update={"points": squashed}))[1] == "edge"
