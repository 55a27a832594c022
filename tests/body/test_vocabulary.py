"""Every rule speaks the body model's vocabulary; bad rules fail when the data loads."""

import pytest
from pydantic import ValidationError

from acupressure import atlas, body
from acupressure.i18n import use

VIEW_OF = {
    "BL23": "back", "BL52": "back", "GV4": "back", "GV14": "back", "SI15": "back",
    "GB21": "back", "BL10": "neck", "CV6": "front", "KI27": "front", "BL40": "knee",
    "BL60": "ankle", "LR3": "foot", "LI4": "hand", "TE3": "hand",
}  # fmt: skip


@pytest.mark.parametrize("point", atlas.all_points(), ids=lambda p: p.code)
def test_every_rule_uses_landmarks_of_its_view(point: atlas.Point) -> None:
    names = {lm.name for lm in body.spec(point.rule.view).landmarks}
    assert point.rule.view == VIEW_OF[point.code]
    assert point.rule.anchor in names
    assert set(point.rule.landmarks()) <= names


@pytest.mark.parametrize("point", atlas.all_points(), ids=lambda p: p.code)
def test_rule_laterality_matches_the_point(point: atlas.Point) -> None:
    placements = body.evaluate(point, body.canonical(point.rule.view))
    expected = ["left", "right"] if point.laterality == "bilateral" else ["midline"]
    assert [p.side for p in placements] == expected


@pytest.mark.parametrize("view", body.VIEWS)
def test_canonical_sets_hold_every_landmark_of_their_view(view: body.View) -> None:
    assert sorted(body.canonical(view).points) == sorted(body.landmark_names(view))


def test_unknown_anchor_or_direction_is_a_load_error() -> None:
    with pytest.raises(ValidationError, match="not a landmark of the back view"):
        body.LocationRule.model_validate({"view": "back", "anchor": "navel", "radius_cun": 1})
    with pytest.raises(ValidationError, match="not a direction of the hand view"):
        body.LocationRule.model_validate(
            {"view": "hand", "anchor": "mcp2", "radius_cun": 1,
             "offsets": [{"direction": "lateral", "cun": 1}]}
        )  # fmt: skip


def test_landmark_sets_reject_names_from_another_view() -> None:
    with pytest.raises(ValidationError, match="umbilicus"):
        body.LandmarkSet(view="back", points={"umbilicus": (0, 0)})


def test_finger_measures_read_as_people_measure() -> None:
    assert body.finger_measure(1.5) == "two finger-widths, index and middle together"
    assert body.finger_measure(2) == "two thumb-widths"
    assert body.finger_measure(3) == "four finger-widths"
    assert body.finger_measure(1.3) == "a little more than one thumb-width"
    assert body.finger_measure(2.5) == "about 2.5 thumb-widths"
    assert body.finger_measure(2.7) == "a little more than 2.5 thumb-widths"
    with use("es"):
        assert body.finger_measure(2.5) == "unos 2,5 anchos de pulgar"  # decimal comma
