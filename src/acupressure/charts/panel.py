"""One view's panel: the canonical figure, the points on it and their measuring guides."""

from __future__ import annotations

import math
from dataclasses import dataclass

from acupressure import body
from acupressure.atlas.models import Point
from acupressure.body.outline import Figure, figure
from acupressure.charts import svg
from acupressure.charts.guides import Step, steps

Vec = tuple[float, float]

EDGE = 1.6  # px, the skin outline


@dataclass(frozen=True)
class Panel:
    width: float
    height: float
    content: str  # SVG elements with the panel's top left at (0, 0)


@dataclass(frozen=True)
class _Map:
    x0: float
    y0: float
    scale: float
    pad: float
    top: float

    def __call__(self, p: Vec) -> Vec:
        return ((p[0] - self.x0) * self.scale + self.pad, (p[1] - self.y0) * self.scale + self.top)


def _figure_svg(fig: Figure, m: _Map) -> list[str]:
    out: list[str] = []
    for cx, cy, rx, ry in reversed(fig.ellipses):  # ears under the head
        (x, y) = m((cx, cy))
        out.append(
            f'<ellipse cx="{svg.f(x)}" cy="{svg.f(y)}" rx="{svg.f(rx * m.scale)}" '
            f'ry="{svg.f(ry * m.scale)}" fill="{svg.SKIN}" stroke="{svg.SKIN_EDGE}" '
            f'stroke-width="{EDGE}"/>'
        )
    paths = [svg.smooth_path([m(p) for p in poly], True) for poly in fig.outlines]
    limbs = [(svg.poly_path([m(p) for p in c.points]), c.width * m.scale) for c in fig.capsules]
    # edges first, fills on top: overlapping shapes read as one skin contour
    for d in paths:
        out.append(
            f'<path d="{d}" fill="none" stroke="{svg.SKIN_EDGE}" stroke-width="{EDGE * 2}"/>'
        )
    for d, w in limbs:
        out.append(
            f'<path d="{d}" fill="none" stroke="{svg.SKIN_EDGE}" '
            f'stroke-width="{svg.f(w + 2 * EDGE)}" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    out += [f'<path d="{d}" fill="{svg.SKIN}"/>' for d in paths]
    out += [
        f'<path d="{d}" fill="none" stroke="{svg.SKIN}" stroke-width="{svg.f(w)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        for d, w in limbs
    ]
    styles = {
        "bone": (svg.BONE, 1.4, ""),
        "crease": (svg.SKIN_EDGE, 1.2, ""),
        "feature": (svg.SKIN_EDGE, 1.0, ' stroke-dasharray="5 4"'),
        "guide": ("#b0a49a", 1.0, ' stroke-dasharray="3 5"'),
    }
    for stroke in fig.details:
        pts = [m(p) for p in stroke.points]
        d = (
            svg.smooth_path(pts, stroke.closed)
            if stroke.smooth
            else svg.poly_path(pts, stroke.closed)
        )
        color, width, dash = styles[stroke.kind]
        out.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{width}"{dash}/>')
    for centre, r in fig.marks:
        if r >= 6:  # a bony bump: outlined, so guides drawn over it leave it visible
            out.append(svg.circle(m(centre), r * m.scale, "#ecd2bf", svg.SKIN_EDGE, 1.3))
        else:
            out.append(svg.circle(m(centre), max(2.0, r * m.scale), svg.SKIN_EDGE, opacity=0.8))
    for at, word in fig.labels:
        x, y = m(at)
        out.append(svg.text(x, y, word, 12, "middle", "bold", "#7b8794"))
    return out


MIN_DIMENSION_CUN = 1.0  # shorter offsets are told in words only: a label would hide them


def _guide_svg(items: list[Step], m: _Map, outward: Vec, lane: int) -> list[str]:
    out: list[str] = []
    levelled = any(step.kind == "level" for step in items)
    between = any(step.kind == "between" for step in items)
    upright = any(
        abs(s.end[1] - s.start[1]) > abs(s.end[0] - s.start[0]) for s in items if s.kind == "offset"
    )  # a vertical dimension's text sits on the left: put the anchor's name on the right
    for step in items:
        a, b = m(step.start), m(step.end)
        if step.kind == "anchor":
            out.append(
                f'<rect x="{svg.f(a[0] - 4)}" y="{svg.f(a[1] - 4)}" width="8" height="8" '
                f'fill="white" stroke="{svg.GUIDE}" stroke-width="1.6"/>'
            )
            if step.text and not levelled:
                if between:
                    x, y, anchor = a[0], a[1] + 20, "middle"
                elif upright:
                    x, y, anchor = a[0] + 8, a[1] + 4, "start"
                else:
                    x, y, anchor = a[0] - 8, a[1] + 4, "end"
                out.append(svg.text(x, y, step.text, 11, anchor, "bold", svg.GUIDE, True))
        elif step.kind == "between":
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            out.append(svg.line(a, b, svg.GUIDE, 1.4, "6 4"))
            out.append(svg.circle(b, 4, "white", svg.GUIDE, 1.6))
            out.append(
                svg.text(mid[0], mid[1] - 12, step.text, 12, "middle", "bold", svg.GUIDE, True)
            )
        elif step.kind == "level":
            far = (a[0] + outward[0] * 110, a[1] + outward[1] * 110)
            near = (a[0] - outward[0] * 110, a[1] - outward[1] * 110)
            out.append(svg.line(near, far, svg.GUIDE, 1.1, "2 4"))
            out.append(svg.text(a[0], a[1] - 14, step.text, 12, "middle", "bold", svg.GUIDE, True))
        elif step.kind == "offset":
            out += _dimension(step, a, b, lane)
        elif step.kind == "onto":
            out.append(svg.line(a, b, svg.GUIDE, 2.2))
    return out


def _dimension(step: Step, a: Vec, b: Vec, lane: int) -> list[str]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    if step.cun < MIN_DIMENSION_CUN:
        return [svg.line(a, b, svg.GUIDE, 1.6) + svg.arrow_head(b, a, svg.GUIDE, 6)]
    nx, ny = -dy / length, dx / length  # perpendicular, turned towards the picture's bottom/right
    if ny < 0 or (ny == 0 and nx < 0):
        nx, ny = -nx, -ny
    shift = 16.0 + 34.0 * lane if abs(dx) >= abs(dy) else 0.0
    a2, b2 = (a[0] + nx * shift, a[1] + ny * shift), (b[0] + nx * shift, b[1] + ny * shift)
    out = [svg.line(a, a2, svg.GUIDE, 0.9, "2 3"), svg.line(b, b2, svg.GUIDE, 0.9, "2 3")]
    out.append(svg.dimension(a2, b2))
    mid = ((a2[0] + b2[0]) / 2, (a2[1] + b2[1]) / 2)
    if abs(dx) >= abs(dy):
        x, y, anchor = mid[0], mid[1] + 16, "middle"
    else:
        x, y, anchor = mid[0] - 12, mid[1] - 2, "end"  # labels sit in the right column
    out.append(svg.text(x, y, step.text, 13, anchor, "bold", svg.GUIDE, True))
    out.append(svg.text(x, y + 14, step.detail, 11, anchor, "normal", svg.GUIDE, True))
    return out


@dataclass
class _Label:
    code: str
    centre: Vec
    radius: float
    right: bool
    y: float = 0.0


def _markers(labels: list[_Label], left_x: float, right_x: float) -> list[str]:
    """Point circles, with labels stacked in a column at each side and leader lines."""
    out: list[str] = []
    for right in (False, True):
        column = sorted((lb for lb in labels if lb.right == right), key=lambda lb: lb.centre[1])
        last = -1e9
        for lb in column:
            lb.y = max(lb.centre[1] + 4, last + 17)
            last = lb.y
    for lb in labels:
        c, r = lb.centre, lb.radius
        out.append(svg.circle(c, r, svg.POINT, svg.POINT, 1.2, 0.18))
        x = right_x if lb.right else left_x
        edge = (c[0] + (r if lb.right else -r), c[1])
        out.append(svg.line(edge, (x + (-3 if lb.right else 3), lb.y - 4), svg.POINT, 0.9))
        out.append(
            svg.text(x, lb.y, lb.code, 13, "start" if lb.right else "end", "bold", svg.POINT)
        )
    out += [svg.circle(lb.centre, 4.2, svg.POINT, "white", 1.4) for lb in labels]
    return out


def draw(view: body.View, points: list[Point], max_w: float, max_h: float) -> Panel:
    fig = figure(view)
    x0, y0, x1, y1 = fig.box
    pad, top, column = 12.0, 30.0, 62.0
    scale = min((max_w - 2 * (pad + column)) / (x1 - x0), (max_h - top - pad) / (y1 - y0))
    m = _Map(x0, y0, scale, pad + column, top)
    fig_w = (x1 - x0) * scale
    width, height = fig_w + 2 * (pad + column), (y1 - y0) * scale + top + pad
    clip = f"acu-clip-{view}-" + "-".join(p.code for p in points)  # unique when inlined
    out = [
        svg.text(width / 2, 20, body.spec(view).title, 15, "middle", "bold"),
        f'<clipPath id="{clip}"><rect x="{svg.f(pad + column)}" y="{svg.f(top)}" '
        f'width="{svg.f(fig_w)}" height="{svg.f((y1 - y0) * scale)}"/></clipPath>',
        f'<g clip-path="url(#{clip})">',
        *_figure_svg(fig, m),
        "</g>",
    ]
    ls = body.canonical(view)
    guides: list[str] = []
    labels: list[_Label] = []
    starts: list[Vec] = []  # where earlier dimension lines start: stack those at one level
    centre_x = m((0.0, 0.0))[0]
    for point in points:
        placements = body.evaluate(point, ls)
        guided = max(placements, key=lambda p: p.x)  # guides on the picture's right-hand copy
        items = steps(point, guided)
        dims = [m(s.start) for s in items if s.kind == "offset" and s.cun >= MIN_DIMENSION_CUN]
        lane = sum(1 for a in starts for b in dims[:1] if math.dist(a, b) < 30)
        starts += dims[:1]
        guides += _guide_svg(items, m, _outward(placements, m), lane)
        for p in placements:
            c = m((p.x, p.y))
            suffix = {"left": " L", "right": " R", "midline": ""}[p.side]
            right = c[0] >= centre_x - 1e-6
            labels.append(_Label(point.code + suffix, c, max(6.0, p.radius * scale), right))
    out += list(dict.fromkeys(guides))  # shared anchors and level lines drawn once
    out += _markers(labels, pad + column - 6, width - pad - column + 6)
    return Panel(width, height, "\n".join(out))


def _outward(placements: list[body.Placement], m: _Map) -> Vec:
    """Unit vector towards the picture's right-hand copy (for level lines and labels)."""
    if len(placements) < 2:
        return (1.0, 0.0)
    a, b = sorted(placements, key=lambda p: p.x)[:2]
    pa, pb = m((a.x, a.y)), m((b.x, b.y))
    n = math.hypot(pb[0] - pa[0], pb[1] - pa[1]) or 1.0
    return ((pb[0] - pa[0]) / n, (pb[1] - pa[1]) / n)
