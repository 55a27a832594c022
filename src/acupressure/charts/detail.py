"""The magnified detail of a view: the points, their measuring guides and clear labels.

The crop is worked out from the landmark geometry (the points, their uncertainty and every
landmark their guides use), never from coordinates written per point. Paired views (hands,
feet, ankles, knees) show one side when both sides would leave the detail too small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from acupressure import body
from acupressure.atlas.models import Point
from acupressure.charts import svg
from acupressure.charts.drawing import Map
from acupressure.charts.guides import Step, steps
from acupressure.charts.layout import Box, Candidate, Label, Line, Placer, around, wrap
from acupressure.geometry import Vec
from acupressure.i18n import gettext

MM = tuple[float, float, float, float]  # x0, y0, x1, y1 in landmark units

MIN_MAGNIFICATION = 2.5  # below this, the detail shows one side only
MAX_MAGNIFICATION = 8.0  # beyond this, too little of the body is left to recognise
SHORT_CUN = 1.0  # shorter offsets are drawn as a plain arrow along the way


@dataclass(frozen=True)
class Marker:
    code: str  # "BL23 L"
    side: body.PlacementSide
    centre: Vec  # landmark units
    radius: float


@dataclass(frozen=True)
class Guided:
    """One point's guide steps, measured on one placement."""

    point: Point
    steps: list[Step]
    outward: Vec


def markers_and_guides(view: body.View, points: list[Point]) -> tuple[list[Marker], list[Guided]]:
    ls = body.canonical(view)
    markers: list[Marker] = []
    guided: list[Guided] = []
    for point in points:
        placements = body.evaluate(point, ls)
        for p in placements:
            suffix = {"left": " " + gettext("L"), "right": " " + gettext("R"), "midline": ""}[
                p.side
            ]
            markers.append(Marker(point.code + suffix, p.side, (p.x, p.y), p.radius))
        on = max(placements, key=lambda p: p.x)  # guides on the picture's right-hand copy
        guided.append(Guided(point, steps(point, on), _outward(placements)))
    return markers, guided


def _outward(placements: list[body.Placement]) -> Vec:
    if len(placements) < 2:
        return (1.0, 0.0)
    a, b = sorted(placements, key=lambda p: p.x)[:2]
    n = math.hypot(b.x - a.x, b.y - a.y) or 1.0
    return ((b.x - a.x) / n, (b.y - a.y) / n)


def guided_side(markers: list[Marker]) -> body.PlacementSide:
    return max(markers, key=lambda mk: mk.centre[0]).side


def _extent(markers: list[Marker], guided: list[Guided]) -> MM:
    xs: list[float] = []
    ys: list[float] = []
    for mk in markers:
        xs += [mk.centre[0] - mk.radius, mk.centre[0] + mk.radius]
        ys += [mk.centre[1] - mk.radius, mk.centre[1] + mk.radius]
    for g in guided:
        for s in g.steps:
            xs += [s.start[0], s.end[0]]
            ys += [s.start[1], s.end[1]]
    return min(xs), min(ys), max(xs), max(ys)


def _fit(
    extent: MM, fig_box: MM, frame_w: float, frame_h: float, below: float, most: float
) -> tuple[MM, float]:
    """The crop (landmark units) showing ``extent`` with room around it, at the frame's
    aspect, and the scale (px per unit) it is drawn at; ``below`` px more room under it
    for measuring lines, where the frame allows; never more than ``most`` px per unit."""
    x0, y0, x1, y1 = extent
    size = max(x1 - x0, y1 - y0)
    floor = 0.28 * max(fig_box[2] - fig_box[0], fig_box[3] - fig_box[1])
    margin = max(0.22 * size, 0.08 * floor)
    w = max(x1 - x0 + 2 * margin, floor)
    h = max(y1 - y0 + 2 * margin, floor * frame_h / frame_w)
    scale = min(frame_w / w, frame_h / h, most)
    w, h = frame_w / scale, frame_h / scale
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    cy += min(below, max(0.0, frame_h - (y1 - y0) * scale - 60)) / 2 / scale
    cx = _clamp(cx, fig_box[0] + w / 2, fig_box[2] - w / 2)
    cy = _clamp(cy, fig_box[1] + h / 2, fig_box[3] - h / 2)
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), scale


def _clamp(v: float, lo: float, hi: float) -> float:
    return (lo + hi) / 2 if lo > hi else min(max(v, lo), hi)


@dataclass(frozen=True)
class Crop:
    box: MM
    scale: float
    side: body.PlacementSide | None  # the only side shown, or None for all
    markers: list[Marker]


def choose_crop(
    markers: list[Marker], guided: list[Guided], fig_box: MM, frame: tuple[float, float],
    overview_scale: float, paired: bool,
) -> Crop:  # fmt: skip
    """Both sides, or for a pair of limbs (or a detail that would be too small) the side the
    guides are drawn on, when that shows it at least 1.25 times larger."""
    below = 60.0 * sum(
        1
        for g in guided
        for s in g.steps
        if s.kind == "offset" and abs(s.end[0] - s.start[0]) >= abs(s.end[1] - s.start[1])
    )  # room for the measuring lines drawn under the points, and their labels
    most = MAX_MAGNIFICATION * overview_scale
    box, scale = _fit(_extent(markers, guided), fig_box, *frame, below, most)
    side = guided_side(markers)
    if side != "midline" and (paired or scale / overview_scale < MIN_MAGNIFICATION):
        mine = [mk for mk in markers if mk.side in (side, "midline")]
        box1, scale1 = _fit(_extent(mine, guided), fig_box, *frame, below, most)
        if scale1 > 1.25 * scale:
            return Crop(box1, scale1, side, mine)
    return Crop(box, scale, None, markers)


class DetailDrawing:
    """Draws guides and markers in the detail frame, placing every label clear of the rest."""

    def __init__(self, m: Map, frame: Box, crop: Crop, guided: list[Guided]) -> None:
        self.m, self.frame, self.crop, self.guided = m, frame, crop, guided
        self.placer = Placer.empty(frame)
        self.lines: list[str] = []
        self.texts: list[str] = []
        self.named: set[str] = set()  # landmark tags already written
        self.levelled: set[str] = set()  # "level with ..." lines already labelled
        self.missed: list[str] = []  # labels that found no clear place
        self.leaders: list[str] = []
        self.dimension_lines: dict[int, tuple[Vec, Vec]] = {}  # id(label) -> its own line
        self.dimensions: list[tuple[Box, Vec, Vec]] = []  # placed cun labels, with lines

    def draw(self) -> list[str]:
        pending: list[tuple[Label, list[Candidate], Vec | None]] = []
        rings = [
            (self.m(mk.centre), max(6.0, mk.radius * self.m.scale)) for mk in self.crop.markers
        ]
        self.rings = [Box(c[0] - r, c[1] - r, c[0] + r, c[1] + r) for c, r in rings]
        self.placer.boxes += self.rings
        reach = max(r for _, r in rings)
        guides = self._guides(reach)  # lines and squares first: every label avoids them
        # cun labels first: each must sit on its own dimension line, the rest can move
        dims = [g for g in guides if id(g[0]) in self.dimension_lines]
        guides = [g for g in guides if id(g[0]) not in self.dimension_lines]
        for label, candidates, _ in dims:
            self._put(label, candidates, None)
        crowd = [sum(math.dist(c, o) < 4 * r for o, _ in rings) for c, r in rings]
        for i in sorted(range(len(rings)), key=lambda i: -crowd[i]):  # crowded ones first
            (c, r), mk = rings[i], self.crop.markers[i]
            label = Label((Line(mk.code, 14, True),), svg.POINT)
            near = [(c[0], c[1] - r - 5, "above")]  # measuring lines go below the points
            cands = near + around(c, [r + 5, r + 18, r + 34, r + 56, r + 84])
            pending.append((label, cands, c))
        pending += guides
        for label, candidates, leader_from in pending:
            self._put(label, candidates, leader_from)
        self.lines += self.leaders
        rings_svg = [svg.circle(c, r, svg.POINT, svg.POINT, 1.4, 0.18) for c, r in rings]
        dots = [svg.circle(c, 4.6, svg.POINT, "white", 1.5) for c, _ in rings]
        return [*dict.fromkeys(self.lines), *rings_svg, *dots, *self.texts]

    def _put(self, label: Label, candidates: list[Candidate], leader_from: Vec | None) -> None:
        got = self.placer.place(label, candidates, leader_from)
        if got is None:  # nowhere clear: the nearest spot, still drawn (tests catch this)
            self.missed.append(label.lines[0].text)
            x, y, align = candidates[0]
            box = label.box_at(x, y, align)
            self.placer.placed.append(box)
            got = (box, None)
        box, leader = got
        if id(label) in self.dimension_lines:
            self.dimensions.append((box, *self.dimension_lines[id(label)]))
        if leader is not None and leader_from is not None and math.dist(leader, leader_from) > 24:
            self.leaders.append(svg.line(leader_from, leader, label.color, 1.1))
        self.texts.append(label.svg_at(box))

    def _obstacle(self, a: Vec, b: Vec) -> None:
        self.placer.segments.append((a, b))

    def _name(self, tag: str, at: Vec) -> list[tuple[Label, list[Candidate], Vec | None]]:
        if not tag or tag in self.named:
            return []
        self.named.add(tag)
        return [(Label((Line(tag, 13, True),)), around(at, [9, 18, 30, 46, 70]), at)]

    def _guides(self, reach: float) -> list[tuple[Label, list[Candidate], Vec | None]]:
        m = self.m
        out: list[tuple[Label, list[Candidate], Vec | None]] = []  # between
        names: list[tuple[Label, list[Candidate], Vec | None]] = []
        level: list[tuple[Label, list[Candidate], Vec | None]] = []
        lanes: dict[tuple[int, int], float] = {}
        self.named |= {s.detail for g in self.guided for s in g.steps if s.kind == "level"}
        dims = sorted(
            ((s, g) for g in self.guided for s in g.steps if s.kind == "offset"),
            key=lambda sg: -sg[0].cun,  # the longest nearest: shorter ones' labels stay free
        )
        for g in self.guided:
            for s in g.steps:
                a, b = m(s.start), m(s.end)
                if s.kind == "anchor":
                    self.lines.append(
                        f'<rect x="{svg.f(a[0] - 5)}" y="{svg.f(a[1] - 5)}" width="10" '
                        f'height="10" fill="white" stroke="{svg.GUIDE}" stroke-width="1.8"/>'
                    )
                    self.placer.boxes.append(Box(a[0] - 5, a[1] - 5, a[0] + 5, a[1] + 5))
                    names += self._name(s.text, a)
                elif s.kind == "between":
                    self.lines.append(svg.line(a, b, svg.GUIDE, 1.6, "7 4"))
                    self.lines.append(svg.circle(b, 5, "white", svg.GUIDE, 1.8))
                    self.placer.boxes.append(Box(b[0] - 5, b[1] - 5, b[0] + 5, b[1] + 5))
                    self._obstacle(a, b)
                    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                    cands = _beside(a, b) + around(mid, [40, 60, 85, 110, 140])
                    out.append((Label((Line(s.text, 13, True),)), cands, mid))
                    names += self._name(s.detail, b)
                elif s.kind == "level":
                    level += self._level(s, g, a)
                elif s.kind == "onto":
                    self.lines.append(svg.line(a, b, svg.GUIDE, 2.6))
                    self._obstacle(a, b)
        dimensions = [self._dimension(s, reach, lanes) for s, _ in dims]
        return dimensions + out + names + level  # the order labels are placed in

    def _level(self, s: Step, g: Guided, a: Vec) -> list[tuple[Label, list[Candidate], Vec | None]]:
        ux, uy = g.outward
        xs = [m.centre for m in self.crop.markers]
        span = max(abs((self.m(c)[0] - a[0]) * ux + (self.m(c)[1] - a[1]) * uy) for c in xs)
        half = span + 40
        near, far = (a[0] - ux * half, a[1] - uy * half), (a[0] + ux * half, a[1] + uy * half)
        self.lines.append(svg.line(near, far, svg.GUIDE, 1.3, "2 4"))
        if s.text in self.levelled:
            return []
        self.levelled.add(s.text)
        self._obstacle(near, far)
        label = Label((Line(s.text, 13, True),))
        cands: list[Candidate] = [(near[0] - 6, near[1], "left"), (far[0] + 6, far[1], "right")]
        for d in (10, 24, 40, 60):
            for t in (0.0, -0.5, 0.5, -0.25, 0.25, -0.75, 0.75, -0.9, 0.9):
                x = a[0] + ux * half * t
                y = a[1] + uy * half * t
                cands += [(x, y - d, "above"), (x, y + d, "below")]
        return [(label, cands, None)]

    def _dimension(
        self, s: Step, reach: float, lanes: dict[tuple[int, int], float]
    ) -> tuple[Label, list[Candidate], Vec | None]:
        a, b = self.m(s.start), self.m(s.end)
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        lines = [Line(s.text, 14, True)]
        lines += [Line(t, 12, False) for t in wrap(s.detail, 18, break_on_hyphens=False)]
        label = Label(tuple(lines))
        if s.cun < SHORT_CUN or abs(dy) > abs(dx):  # along the way itself
            self.lines.append(svg.line(a, b, svg.GUIDE, 2.0) + svg.arrow_head(b, a, svg.GUIDE, 8))
            if s.cun >= SHORT_CUN:
                self.lines.append(svg.arrow_head(a, b, svg.GUIDE, 8))
            self._obstacle(a, b)
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            self.dimension_lines[id(label)] = (a, b)
            along = _beside(a, b, [8, 14, 22], (0.5, 0.3, 0.7, 0.1, 0.9, 0.0, 1.0))
            return label, along + _past_ends(a, b) + around(mid, [50, 75, 100]), mid
        key = (round(a[0] / 6), round(a[1] / 6))  # lines from one start: stacked, each
        shift = lanes.get(key, reach + 8 + label.height / 2)  # with room for its label
        lanes[key] = shift + label.height + 16
        nx, ny = -dy / length, dx / length  # across the line, towards the picture's bottom
        if ny < 0 or (ny == 0 and nx < 0):
            nx, ny = -nx, -ny
        a2, b2 = (a[0] + nx * shift, a[1] + ny * shift), (b[0] + nx * shift, b[1] + ny * shift)
        self.lines += [
            svg.line(a, a2, svg.GUIDE, 1.0, "2 3"),
            svg.line(b, b2, svg.GUIDE, 1.0, "2 3"),
        ]
        self.lines.append(svg.dimension(a2, b2))
        for seg in ((a2, b2), (a, a2), (b, b2)):
            self._obstacle(*seg)
        mid = ((a2[0] + b2[0]) / 2, (a2[1] + b2[1]) / 2)
        self.dimension_lines[id(label)] = (a2, b2)
        return label, _on_line(label, a2, b2), mid


def _on_line(label: Label, a: Vec, b: Vec) -> list[Candidate]:
    """Places for a cun label on its own (level) dimension line only: under it, over it,
    sliding along it from the middle out, then just past either end."""
    y = (a[1] + b[1]) / 2
    lo, hi = min(a[0], b[0]), max(a[0], b[0])
    half = label.width / 2
    xs = [(lo + hi) / 2]
    if hi - lo > label.width + 12:
        steps = 8
        for k in range(1, steps + 1):
            for sign in (1, -1):
                x = (lo + hi) / 2 + sign * k * (hi - lo - label.width - 12) / (2 * steps)
                xs.append(x)
    else:
        xs += [lo + 6 + half, hi - 6 - half]
    out: list[Candidate] = [(x, y + 5, "below") for x in xs]
    out += [(x, y - 5, "above") for x in xs]
    start_side = "left" if a[0] <= b[0] else "right"
    out += [
        (a[0] + (-8 if start_side == "left" else 8), y, start_side),
        (b[0] + (8 if start_side == "left" else -8), y, _other(start_side)),
    ]
    return out


def _other(side: str) -> str:
    return "right" if side == "left" else "left"


def _past_ends(a: Vec, b: Vec) -> list[Candidate]:
    """Just past either end of the segment a-b, in line with it."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    out: list[Candidate] = []
    for gap in (6, 14, 22):
        for end, sign in ((b, 1), (a, -1)):
            x, y = end[0] + sign * ux * gap, end[1] + sign * uy * gap
            if abs(uy) >= abs(ux):
                out.append((x, y, "below" if sign * uy > 0 else "above"))
            else:
                out.append((x, y, "right" if sign * ux > 0 else "left"))
    return out


def _beside(
    a: Vec, b: Vec, gaps: list[float] | None = None, ts: tuple[float, ...] = (0.5, 0.3, 0.7)
) -> list[Candidate]:
    """Candidates on either side of the segment a-b, near its middle first."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n, dx / n
    out: list[Candidate] = []
    for g in gaps or [8, 18, 32, 50]:
        for t in ts:
            px, py = a[0] + dx * t, a[1] + dy * t
            for sign in (1, -1):
                x, y = px + sign * nx * g, py + sign * ny * g
                if abs(nx) > abs(ny):
                    out.append((x, y, "right" if sign * nx > 0 else "left"))
                else:
                    out.append((x, y, "below" if sign * ny > 0 else "above"))
    return out
