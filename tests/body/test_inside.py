"""Every point lands on the body in its canonical figure, and the outline test is real."""

import pytest

from acupressure import atlas, body
from acupressure.body.outline import figure


@pytest.mark.parametrize("point", atlas.all_points(), ids=lambda p: p.code)
def test_every_point_lies_inside_its_figure(point: atlas.Point) -> None:
    fig = figure(point.rule.view)
    x0, y0, x1, y1 = fig.box
    for p in body.evaluate(point, body.canonical(point.rule.view)):
        assert fig.contains(p.x, p.y), (point.code, p.side)
        assert x0 < p.x < x1 and y0 < p.y < y1  # inside the drawn part of the figure


GAPS = {
    "back": (0, -40), "front": (0, 1000), "neck": (-180, 100), "knee": (0, 1300),
    "ankle": (0, 0), "hand": (0, -100), "foot": (0, -100),
}  # fmt: skip


@pytest.mark.parametrize(("view", "gap"), GAPS.items())
def test_gaps_in_the_figure_are_not_body(view: body.View, gap: tuple[float, float]) -> None:
    fig = figure(view)
    assert not fig.contains(*gap)
    assert not fig.contains(fig.box[0] - 400, fig.box[1] - 400)


def test_point_json_chart_gives_canonical_millimetres() -> None:
    data = body.chart_data(atlas.get("B47"))
    assert data.view == "back"
    assert {p.side for p in data.positions} == {"left", "right"}
    assert [abs(p.x) for p in data.positions] == [pytest.approx(3 * data.cun_mm, abs=0.1)] * 2
    assert data.cun_mm == pytest.approx(1700 / 75, abs=0.01)
