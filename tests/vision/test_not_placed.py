"""A requested point that cannot be placed is named, with the reason."""

from __future__ import annotations

from acupressure.vision.locate import locate_observations, request

from .poseshapes import person


def test_hand_points_on_a_photo_with_a_body_but_no_hand_are_named() -> None:
    result = locate_observations(800, 1000, [], person(), request(None), facing="back")
    missing = {m.code: m.reason for m in result.not_placed}
    assert missing["LI4"] == "no hand was found in the photo"
    assert missing["TE3"] == "no hand was found in the photo"
    placed = {p.code for p in result.placed()}
    assert "BL23" in placed and not placed & set(missing)


def test_a_point_the_view_cannot_show_is_named_with_the_note() -> None:
    result = locate_observations(800, 1000, [], person(), request(["BL23", "CV6"]), facing="back")
    missing = {m.code: m.reason for m in result.not_placed}
    assert set(missing) == {"CV6"}
    assert "face the camera" in missing["CV6"] or "front" in missing["CV6"]
