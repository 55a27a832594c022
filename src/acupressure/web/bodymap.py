"""The home page's body map: the charts' back figure with four selectable areas on it.

The figure is ``body.outline.figure("back")`` drawn by the charts' own ``figure_svg``; the
areas are shapes built from the canonical back landmarks (occiput, C7, the spinous levels,
the shoulder blades, the iliac crests) and kept inside the skin outline:

- neck: from the occiput down to the gap between C7 and T1, as wide as the neck;
- shoulders: a band each side along the top of the shoulder, from the neck to the acromion;
- upper back: T1 to T12, between the shoulder blades, widening below their lower tips;
- lower back: L1 down to the sacrum, out to the iliac crests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from acupressure import i18n
from acupressure.atlas.labels import AREAS
from acupressure.atlas.models import Area
from acupressure.body import canonical
from acupressure.body.canonical import spinous_y
from acupressure.body.outline import figure
from acupressure.charts import svg
from acupressure.charts.drawing import Map, figure_svg
from acupressure.geometry import Vec

SCALE = 0.5  # px per mm: the back figure's 520 x 1020 mm box becomes 260 x 510
GAP = 6.0  # mm left between neighbouring areas
INSET = 5.0  # mm kept between an area and the skin outline


@dataclass(frozen=True)
class MapArea:
    value: Area  # the plan's area id (acupressure.atlas.models.Area)
    label: str  # in English; pages read it with gettext
    shapes: tuple[tuple[Vec, ...], ...]  # closed polygons in mm (canonical back frame)
    labels: tuple[tuple[Vec, tuple[str, ...]], ...]  # its name on the figure: where (mm), lines

    def contains(self, x: float, y: float) -> bool:
        return any(_in_polygon(x, y, shape) for shape in self.shapes)


def _map() -> Map:
    x0, y0, _, _ = figure("back").box
    return Map(x0, y0, SCALE, 0.0, 0.0)


def view_box() -> tuple[float, float]:
    """Width and height of the map in px: the figure's box, cut 60 mm under the lowest area."""
    x0, y0, x1, y1 = figure("back").box
    lowest = max(y for area in areas() for shape in area.shapes for _, y in shape)
    return (x1 - x0) * SCALE, (min(y1, lowest + 60) - y0) * SCALE


def skin_x(y: float) -> float:
    """Half the width of the trunk (or neck) at height y: the skin edge nearest the midline."""
    fig = figure("back")
    x = 0.0
    while fig.contains(x + 1, y):
        x += 1
    return x


def skin_top(x: float, below: float) -> float:
    """The first height under ``below`` (mm) where the figure covers x."""
    fig = figure("back")
    y = below
    while not fig.contains(x, y):
        y += 1
    return y


def _mirror(right: list[Vec]) -> tuple[Vec, ...]:
    """A symmetric polygon from its right half, listed from the midline at the top round to
    the midline at the bottom."""
    return tuple(right + [(-x, y) for x, y in reversed(right) if x != 0])


def _flip(shape: list[Vec]) -> tuple[Vec, ...]:
    return tuple((-x, y) for x, y in shape)


@cache
def areas() -> tuple[MapArea, ...]:
    lm = canonical("back").points
    occiput, c7 = lm["occiput"][1], lm["c7_spinous"][1]
    t1, t12, l1 = spinous_y("T1"), spinous_y("T12"), spinous_y("L1")
    acromion, superior = lm["acromion_end.right"], lm["scapula_superior_angle.right"]
    medial, inferior = lm["scapula_medial_border.right"], lm["scapula_inferior_angle.right"]
    crest = lm["iliac_crest.right"]

    neck_w = skin_x(c7 - 30) - 2  # the neck just under the skull
    neck_bottom = (c7 + t1) / 2
    neck = _mirror([
        (0, occiput), (neck_w * 0.78, occiput), (neck_w * 0.92, (occiput + c7) / 2),
        (neck_w, c7 - 24), (neck_w + 4, neck_bottom), (0, neck_bottom),
    ])  # fmt: skip

    inner = neck_w + 4 + 2 * GAP  # shoulders start clear of the neck
    top = [(x, skin_top(x, c7 - 40) + INSET) for x in _steps(inner, acromion[0] - 2, 6)]
    shoulder = [
        *top,
        (acromion[0] + 2, acromion[1] + 8),
        (acromion[0] - 16, acromion[1] + 28),
        ((acromion[0] + superior[0]) / 2, superior[1] + 8),
        (superior[0] + 6, superior[1] - 2),
        (inner, neck_bottom + 12),
    ]

    ub_top = neck_bottom + GAP
    ub_bottom = (t12 + l1) / 2 - GAP / 2
    upper = _mirror([
        (0, ub_top), (neck_w + 2, ub_top), (superior[0] - 6, superior[1] + 6),
        (medial[0] - 6, medial[1] + 10), (inferior[0] - 2, inferior[1] + 4),
        (skin_x(ub_bottom) - 3 * INSET, ub_bottom - 20), (skin_x(ub_bottom) - 3 * INSET, ub_bottom),
        (0, ub_bottom),
    ])  # fmt: skip

    lb_top = ub_bottom + GAP
    sacrum_apex = spinous_y("L5") + 3 * (spinous_y("L5") - spinous_y("L4"))
    lower = _mirror([
        (0, lb_top), (skin_x(lb_top) - 3 * INSET, lb_top),
        (skin_x(crest[1]) - 2 * INSET, crest[1]),
        (crest[0] - 30, crest[1] + 55), (45, sacrum_apex - 35), (0, sacrum_apex),
    ])  # fmt: skip

    mid_upper, mid_lower = (ub_top + ub_bottom) / 2, (lb_top + crest[1]) / 2
    return (
        MapArea(
            "neck", AREAS.english("neck"), (neck,), (((0, (occiput + 2 * c7) / 3), ("Neck",)),)
        ),
        MapArea(
            "shoulders",
            AREAS.english("shoulders"),
            (tuple(shoulder), _flip(shoulder)),
            (((-150, 212), ("Shoulders",)),),  # once: the visible words must be its name
        ),
        MapArea(
            "upper-back",
            AREAS.english("upper-back"),
            (upper,),
            (((0, mid_upper - 8), ("Upper", "back")),),
        ),
        MapArea(
            "lower-back",
            AREAS.english("lower-back"),
            (lower,),
            (((0, mid_lower + 12), ("Lower", "back")),),
        ),
    )


def _steps(a: float, b: float, n: int) -> list[float]:
    return [a + (b - a) * i / (n - 1) for i in range(n)]


def figure_markup() -> str:
    """The back figure's SVG elements (skin, spine, shoulder blades, LEFT/RIGHT)."""
    return _figure_markup(i18n.current())


@cache
def _figure_markup(language: i18n.Language) -> str:
    return "\n".join(figure_svg(figure("back"), _map()))


# The area's name on the figure, one line per row (the English split as the layout wants).
MAP_WORDS: i18n.Labels[Area] = i18n.Labels(
    {
        "neck": i18n.N_("Neck"),
        "shoulders": i18n.N_("Shoulders"),
        "upper-back": i18n.N_("Upper\nback"),
        "lower-back": i18n.N_("Lower\nback"),
    }
)


def area_path(area: MapArea) -> str:
    m = _map()
    return " ".join(svg.smooth_path([m(p) for p in shape], True) for shape in area.shapes)


def labels_svg(area: MapArea) -> str:
    """The area's name as SVG text, 14 px between lines."""
    m = _map()
    out = []
    for at, _english in area.labels:
        lines = MAP_WORDS[area.value].split("\n")
        x, y = m(at)
        spans = " ".join(
            f'<tspan x="{svg.f(x)}" y="{svg.f(y + 14 * j)}">{escape(line)}</tspan>'
            for j, line in enumerate(lines)
        )
        out.append(f'<text text-anchor="middle">{spans}</text>')
    return "".join(out)


def tick_path(area: MapArea) -> str:
    """A check mark above each label (shown when the area is chosen)."""
    m = _map()
    marks = []
    for at, _ in area.labels:
        x, y = m(at)
        marks.append(svg.poly_path([(x - 6, y - 19), (x - 2, y - 15), (x + 6, y - 24)]))
    return " ".join(marks)


def _in_polygon(x: float, y: float, poly: tuple[Vec, ...]) -> bool:
    inside = False
    for i in range(len(poly)):
        (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % len(poly)]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
