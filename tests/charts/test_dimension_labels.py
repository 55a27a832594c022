"""Every cun label sits on its own dimension line, never on another one.

The lower-back chart once put the "3 cun / four finger-widths" label under the 1.5 cun
arrow, at the foot of BL23's guide, while the 3 cun arrow had no label.
"""

from __future__ import annotations

import math

import pytest

from acupressure import atlas, charts
from acupressure.charts.layout import Box
from acupressure.charts.panel import draw, groups

Vec = tuple[float, float]
CASES = [[p.code] for p in atlas.all_points()] + [
    ["BL23", "BL52", "GV4"],
    [p.code for p in atlas.points_in("lower-back")],
    [p.code for p in atlas.points_in("upper-back")],
    [p.code for p in atlas.all_points()],
]


def _distance(box: Box, a: Vec, b: Vec) -> float:
    """Shortest distance between a box and a segment (0 when they touch)."""
    samples = [(a[0] + (b[0] - a[0]) * t / 40, a[1] + (b[1] - a[1]) * t / 40) for t in range(41)]
    return min(
        math.hypot(max(box.x0 - x, 0, x - box.x1), max(box.y0 - y, 0, y - box.y1))
        for x, y in samples
    )


@pytest.mark.parametrize("codes", CASES, ids=" ".join)
def test_each_cun_label_is_on_its_own_line(codes: list[str]) -> None:
    for view, items in groups(charts.points_for(codes)):
        panel = draw(view, items)
        offsets = sum(1 for p in items for _ in p.rule.offsets)
        assert len(panel.dimensions) == offsets or not offsets, view
        for box, a, b in panel.dimensions:
            own = _distance(box, a, b)
            level = abs(b[1] - a[1]) < 1 and abs(b[0] - a[0]) > 60  # a measuring line
            # a measuring line's label touches it; a short arrow's label sits close beside
            assert own <= (12 if level else 50), (view, box, a, b)
            for other_box, c, d in panel.dimensions:
                if (c, d) != (a, b) and other_box != box:
                    assert own < _distance(box, c, d), (view, box, "nearer another line")


def test_the_lower_back_labels_3_and_1_5_cun_each_on_their_line() -> None:
    (view, items), *_ = groups(charts.points_for(["BL23", "BL52", "GV4"]))
    panel = draw(view, items)
    spans = sorted((abs(b[0] - a[0]), box) for box, a, b in panel.dimensions)
    assert len(spans) >= 2
    (short, short_box), (long_, long_box) = spans[0], spans[-1]
    assert long_ > short * 1.5  # 3 cun against 1.5 cun
    assert short_box != long_box
