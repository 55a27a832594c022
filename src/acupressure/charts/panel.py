"""One view's panel: the whole figure for orientation beside a magnified detail.

The whole figure shows every point with its label in a side column and a frame around the
area the detail magnifies; the detail shows the points again with their measuring guides,
every label placed clear of the others (``layout.Placer``).
"""

from __future__ import annotations

from dataclasses import dataclass

from acupressure import body
from acupressure.atlas.models import Point
from acupressure.body.outline import figure
from acupressure.charts import svg
from acupressure.charts.detail import Crop, DetailDrawing, Marker, choose_crop, markers_and_guides
from acupressure.charts.drawing import ORIENTATION, Map, figure_svg
from acupressure.charts.layout import Box
from acupressure.geometry import Vec
from acupressure.i18n import N_, number
from acupressure.i18n import gettext as _

WIDTH = 712.0  # the panel's width: whole figure, gap, detail
WHOLE_W = 262.0
COLUMN = 54.0  # room each side of the whole figure for point labels
GAP = 18.0
TOP = 46.0  # view title and captions
FRAME = "#3e4c59"
# "Detail: {side} {noun} ({other} is its mirror image)", per view and side.
MIRROR_CAPTION = {
    ("hand", "left"): N_("Detail, {scale}×: left hand (right is its mirror image)"),
    ("hand", "right"): N_("Detail, {scale}×: right hand (left is its mirror image)"),
    ("foot", "left"): N_("Detail, {scale}×: left foot (right is its mirror image)"),
    ("foot", "right"): N_("Detail, {scale}×: right foot (left is its mirror image)"),
    ("leg", "left"): N_("Detail, {scale}×: left leg (right is its mirror image)"),
    ("leg", "right"): N_("Detail, {scale}×: right leg (left is its mirror image)"),
    ("side", "left"): N_("Detail, {scale}×: left side (right is its mirror image)"),
    ("side", "right"): N_("Detail, {scale}×: right side (left is its mirror image)"),
}
SIDE_NOUNS = {"hand": "hand", "foot": "foot", "ankle": "leg", "knee": "leg"}


@dataclass(frozen=True)
class Panel:
    width: float
    height: float
    content: str  # SVG elements with the panel's top left at (0, 0)
    detail: Box  # the detail's frame
    markers: tuple[Box, ...]  # each point's circle drawn in the detail
    labels: tuple[Box, ...]  # every label placed in the detail
    side: body.PlacementSide | None  # the only side the detail shows, None for all
    dimensions: tuple[tuple[Box, Vec, Vec], ...] = ()  # each cun label and its own line


SPLIT = 0.25  # points further apart than this share of the figure's height get two panels


def groups(points: list[Point]) -> list[tuple[body.View, list[Point]]]:
    """The panels to draw: one per view, split where the view's points lie far apart (the
    neck and the lower back), so each detail stays large enough to read."""
    views: dict[body.View, list[Point]] = {}
    for point in points:
        views.setdefault(point.rule.view, []).append(point)
    out: list[tuple[body.View, list[Point]]] = []
    for view, items in views.items():
        ls = body.canonical(view)
        _, y0, _, y1 = figure(view).box
        ys = {p.code: min(pl.y for pl in body.evaluate(p, ls)) for p in items}
        ordered = sorted(items, key=lambda p: ys[p.code])
        run = [ordered[0]]
        for point in ordered[1:]:
            if ys[point.code] - ys[run[-1].code] > SPLIT * (y1 - y0):
                out.append((view, run))
                run = []
            run.append(point)
        out.append((view, run))
    return out


def draw(view: body.View, points: list[Point]) -> Panel:
    fig = figure(view)
    x0, y0, x1, y1 = fig.box
    room = WHOLE_W - 2 * COLUMN
    scale = min(room / (x1 - x0), 400 / (y1 - y0))
    fig_w, fig_h = (x1 - x0) * scale, (y1 - y0) * scale
    whole = Map(x0, y0, scale, COLUMN + (room - fig_w) / 2, TOP)
    left = WHOLE_W + GAP
    detail_h = min(max(fig_h, 330.0), 400.0)
    frame = Box(left, TOP, WIDTH, TOP + detail_h)
    markers, guided = markers_and_guides(view, points)
    paired = view in SIDE_NOUNS
    crop = choose_crop(markers, guided, fig.box, (WIDTH - left, detail_h), scale, paired)
    zoom = Map(crop.box[0], crop.box[1], crop.scale, left, TOP)
    ids = f"acu-{view}-" + "-".join(p.code for p in points)  # unique when inlined in a page
    drawing = DetailDrawing(zoom, frame, crop, guided)
    out = [
        svg.text(0, 18, _(body.spec(view).title), 16, "start", "bold"),
        svg.text(WHOLE_W / 2, 38, _("Whole figure"), 12, "middle", "normal", "#52606d"),
        svg.text(left, 38, _caption(view, crop, scale), 12, "start", "normal", "#52606d"),
        _clip(f"{ids}-whole", Box(whole.pad, TOP, whole.pad + fig_w, TOP + fig_h)),
        _clip(f"{ids}-detail", frame),
        f'<g clip-path="url(#{ids}-whole)">',
        *figure_svg(fig, whole, words=False),
        "</g>",
        *_words(fig.labels, whole, TOP + fig_h + 15),
        _rect(Box(*whole(crop.box[:2]), *whole(crop.box[2:])), 1.6),
        *_whole_markers(markers, whole, whole.pad - 6, whole.pad + fig_w + 6),
        f'<g clip-path="url(#{ids}-detail)">',
        *figure_svg(fig, zoom, words=False),
        *drawing.draw(),
        "</g>",
        _rect(frame, 1.4),
    ]
    return Panel(
        WIDTH,
        TOP + max(fig_h + 20, detail_h) + 6,
        "\n".join(out),
        frame,
        tuple(drawing.rings),
        tuple(drawing.placer.placed),
        crop.side,
        tuple(drawing.dimensions),
    )


def _caption(view: body.View, crop: Crop, whole_scale: float) -> str:
    scale = number(crop.scale / whole_scale, 1)
    if crop.side in ("left", "right"):
        noun = SIDE_NOUNS.get(view, "side")
        return _(MIRROR_CAPTION[(noun, crop.side)]).format(scale=scale)
    return _("Detail, {scale}× larger, with how to measure").format(scale=scale)


def _clip(name: str, box: Box) -> str:
    return (
        f'<clipPath id="{name}"><rect x="{svg.f(box.x0)}" y="{svg.f(box.y0)}" '
        f'width="{svg.f(box.x1 - box.x0)}" height="{svg.f(box.y1 - box.y0)}"/></clipPath>'
    )


def _rect(box: Box, width: float) -> str:
    return (
        f'<rect x="{svg.f(box.x0)}" y="{svg.f(box.y0)}" width="{svg.f(box.x1 - box.x0)}" '
        f'height="{svg.f(box.y1 - box.y0)}" fill="none" stroke="{FRAME}" '
        f'stroke-width="{svg.f(width)}"/>'
    )


def _whole_markers(markers: list[Marker], m: Map, left_x: float, right_x: float) -> list[str]:
    """Point circles on the whole figure, labels stacked in a column each side, with leaders."""
    centre_x = m((0.0, 0.0))[0]
    rows: list[tuple[Marker, Vec, bool, float]] = []
    for right in (False, True):
        column = sorted(
            (mk for mk in markers if (m(mk.centre)[0] >= centre_x - 1e-6) == right),
            key=lambda mk: mk.centre[1],
        )
        last = -1e9
        for mk in column:
            c = m(mk.centre)
            y = max(c[1] + 4, last + 17)
            last = y
            rows.append((mk, c, right, y))
    out: list[str] = []
    for mk, c, right, y in rows:
        r = max(5.0, mk.radius * m.scale)
        out.append(svg.circle(c, r, svg.POINT, svg.POINT, 1.2, 0.18))
        x = right_x if right else left_x
        edge = (c[0] + (r if right else -r), c[1])
        out.append(svg.line(edge, (x + (-3 if right else 3), y - 4), svg.POINT, 0.9))
        out.append(svg.text(x, y, mk.code, 13, "start" if right else "end", "bold", svg.POINT))
    out += [svg.circle(c, 3.4, svg.POINT, "white", 1.2) for _, c, _, _ in rows]
    return out


def _words(words: list[tuple[Vec, str]], m: Map, y: float) -> list[str]:
    """The figure's orientation words (LEFT, RIGHT) under the whole figure, first word only."""
    return [
        svg.text(m(at)[0], y, ORIENTATION.get(w, w), 11, "middle", "bold", "#7b8794")
        for at, word in words
        for w in [word.split()[0]]
    ]
