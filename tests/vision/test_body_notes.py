"""Notes on body points read the same for an uploaded photo and the live camera (fixture)."""

from __future__ import annotations

import pytest

from acupressure.vision.locate import locate_observations, request
from acupressure.vision.result import PlacedPoint

from .poseshapes import person


def _notes(facing: str | None, codes: list[str] | None = None) -> dict[str, PlacedPoint]:
    result = locate_observations(
        800,
        1000,
        [],
        person(),
        request(codes),
        facing=facing,  # type: ignore[arg-type]
    )
    return {p.code: p for d in result.detections for p in d.points}


def test_a_back_point_seen_from_the_front_asks_to_turn_the_back_to_the_camera() -> None:
    bl23 = _notes(None, ["BL23"])["BL23"]
    assert bl23.x is None and bl23.note == "on the back of the body: turn your back to the camera"


def test_a_front_point_seen_from_the_back_asks_to_face_the_camera() -> None:
    cv6 = _notes("back", ["CV6"])["CV6"]
    assert cv6.x is None and cv6.note == "on the front of the body: face the camera"


@pytest.mark.parametrize("facing", [None, "back"])
def test_no_body_note_speaks_of_a_photo(facing: str | None) -> None:
    notes = [p.note for p in _notes(facing).values() if p.note]
    assert notes  # each view leaves some points to the other side
    assert not [n for n in notes if "photo" in n]


def test_a_point_outside_the_picture_says_what_the_picture_must_show() -> None:
    pose = person()
    hidden = [0.1 if i >= 25 else v for i, v in enumerate(pose.visibility)]  # legs unseen
    result = locate_observations(
        800,
        1000,
        [],
        pose.model_copy(update={"visibility": hidden}),
        request(["BL40"]),
        facing="back",
    )
    (bl40,) = result.detections[0].points
    assert bl40.x is None
    assert bl40.note == "the picture must show both legs from the hips down to the ankles"
