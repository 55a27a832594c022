"""Chart layout: the detail holds every point it shows, and no label covers another."""

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from acupressure import atlas, charts
from acupressure.atlas.models import Point
from acupressure.charts.layout import Box, Label, Line, text_width
from acupressure.charts.panel import Panel, draw, groups

SVG = "{http://www.w3.org/2000/svg}"
GROUPS = [
    ["BL23", "BL52", "GV4"],
    ["LI4", "TE3"],
    ["SI15", "GV14", "GB21"],
    ["CV6", "KI27"],
    ["BL60", "LR3", "BL40"],
    *([p.code for p in atlas.points_in(region)] for region in ("lower-back", "upper-back")),
    [p.code for p in atlas.all_points()],
]
CASES = [[p.code] for p in atlas.all_points()] + GROUPS


def _panels(codes: list[str]) -> list[tuple[str, Panel, list[Point]]]:
    return [(view, draw(view, items), items) for view, items in groups(charts.points_for(codes))]


@pytest.mark.parametrize("codes", CASES, ids=" ".join)
def test_detail_labels_are_clear_of_each_other_and_of_the_points(codes: list[str]) -> None:
    for view, panel, _ in _panels(codes):
        labels = panel.labels
        assert labels, view
        for i, a in enumerate(labels):
            assert a.inside(panel.detail), (view, a)
            assert not any(a.overlaps(b) for b in labels[i + 1 :]), (view, a)
            assert not any(a.overlaps(m) for m in panel.markers), (view, a)


@pytest.mark.parametrize("codes", CASES, ids=" ".join)
def test_detail_shows_every_point_of_the_side_it_shows(codes: list[str]) -> None:
    for view, panel, points in _panels(codes):
        side = panel.side
        expected = sum(
            1 if p.laterality != "bilateral" else (2 if side is None else 1) for p in points
        )
        assert len(panel.markers) == expected, view
        for ring in panel.markers:
            assert ring.inside(panel.detail), (view, ring)


def test_hands_detail_one_hand_and_says_so_back_detail_both_sides() -> None:
    ((_, hands, _),) = _panels(["LI4", "TE3"])
    assert hands.side == "right"
    assert "right hand (left is its mirror image)" in hands.content
    assert all(ring.inside(hands.detail) for ring in hands.markers)
    ((_, back, _),) = _panels(["SI15", "GV14", "GB21"])
    assert back.side is None


def test_a_landmark_is_named_once() -> None:
    root = ET.fromstring(charts.chart_svg(["SI15", "GV14", "GB21"]))
    texts = Counter("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert texts["level with C7"] == 1
    assert texts["C7"] == 0  # the level line names it
    assert texts["acromion"] == 1


@pytest.mark.parametrize("codes", [["BL23"], ["B23", "B47"], ["BL60", "LR3", "BL40"]])
def test_svg_ids_are_unique_within_and_across_charts(codes: list[str]) -> None:
    ids = [
        e.get("id")
        for e in ET.fromstring(charts.chart_svg(codes)).iter()
        if e.get("id") is not None
    ]
    assert ids and len(ids) == len(set(ids))
    other = ET.fromstring(charts.chart_svg(["GV4"]))
    assert not set(ids) & {e.get("id") for e in other.iter()}


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu fonts not installed")
@pytest.mark.parametrize("bold", [False, True])
def test_text_width_is_never_smaller_than_the_drawn_text(bold: bool) -> None:
    from PIL import ImageFont

    font = ImageFont.truetype(
        str(DEJAVU / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), 100
    )
    words = ["level with notch", "40% of the way", "MCP4", "GB21 R", "acromion", "Achilles"]
    words += ["two finger-widths", "(index and middle)", "about 1.25", "thumb-widths", "WWMM"]
    for word in words:
        assert text_width(word, 100, bold) >= font.getlength(word), word


def test_box_crossing_and_label_boxes() -> None:
    box = Box(0, 0, 10, 10)
    assert box.crosses((-5, 5), (15, 5)) and not box.crosses((-5, 15), (15, 15))
    label = Label((Line("a", 10), Line("b", 10)))
    assert label.box_at(0, 0, "above").y1 == 0 and label.box_at(0, 0, "right").x0 == 0


def test_far_apart_points_of_one_view_get_a_panel_each() -> None:
    panels = _panels(["GV14", "BL23", "SI15", "GV4"])
    assert [(view, [p.code for p in items]) for view, _, items in panels] == [
        ("back", ["GV14", "SI15"]),
        ("back", ["BL23", "GV4"]),
    ]
