"""Small SVG writing helpers: smooth paths, text, arrows. Everything in output pixels."""

from __future__ import annotations

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from acupressure.geometry import Vec

# Latin first; Chinese falls back to the bundled subset of Noto Sans SC (charts/fonts), which
# PNG rendering loads and standalone SVG files embed, then to a system CJK font.
FONT = (
    "DejaVu Sans, Liberation Sans, Arial, Helvetica, Noto Sans CJK SC, Noto Sans SC, "
    "Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
)
INK = "#1f2933"
SKIN = "#f6e3d3"
SKIN_EDGE = "#8a6a55"
BONE = "#9c8b7e"
POINT = "#c62828"
GUIDE = "#1565c0"


def f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def smooth_path(points: Sequence[Vec], closed: bool) -> str:
    """A Catmull-Rom curve through the points, as cubic Bezier segments."""
    pts = list(points)
    if len(pts) < 3:
        return "M" + " L".join(f"{f(x)},{f(y)}" for x, y in pts)
    n = len(pts)
    out = [f"M{f(pts[0][0])},{f(pts[0][1])}"]
    last = n if closed else n - 1
    for i in range(last):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1, p2 = pts[i], pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[n - 1]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{f(c1[0])},{f(c1[1])} {f(c2[0])},{f(c2[1])} {f(p2[0])},{f(p2[1])}")
    if closed:
        out.append("Z")
    return " ".join(out)


def poly_path(points: Sequence[Vec], closed: bool = False) -> str:
    d = "M" + " L".join(f"{f(x)},{f(y)}" for x, y in points)
    return d + (" Z" if closed else "")


def text(
    x: float,
    y: float,
    content: str,
    size: float = 13,
    anchor: str = "start",
    weight: str = "normal",
    fill: str = INK,
    halo: bool = False,
) -> str:
    halo_attr = ' stroke="#ffffff" stroke-width="3.5" paint-order="stroke" stroke-linejoin="round"'
    return (
        f'<text x="{f(x)}" y="{f(y)}" font-family="{FONT}" font-size="{f(size)}" '
        f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}"'
        f"{halo_attr if halo else ''}>{escape(content)}</text>"
    )


def line(a: Vec, b: Vec, color: str = GUIDE, width: float = 1.5, dash: str | None = None) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{f(a[0])}" y1="{f(a[1])}" x2="{f(b[0])}" y2="{f(b[1])}" '
        f'stroke="{color}" stroke-width="{f(width)}"{dash_attr} stroke-linecap="round"/>'
    )


def arrow_head(tip: Vec, tail: Vec, color: str = GUIDE, size: float = 7) -> str:
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    left = (tip[0] - size * ux + size * 0.45 * uy, tip[1] - size * uy - size * 0.45 * ux)
    right = (tip[0] - size * ux - size * 0.45 * uy, tip[1] - size * uy + size * 0.45 * ux)
    return f'<path d="{poly_path([tip, left, right], True)}" fill="{color}"/>'


def dimension(a: Vec, b: Vec, color: str = GUIDE) -> str:
    """A measuring line with arrowheads at both ends."""
    return line(a, b, color, 1.8) + arrow_head(b, a, color) + arrow_head(a, b, color)


def circle(
    c: Vec, r: float, fill: str, stroke: str = "none", width: float = 1.0, opacity: float = 1
) -> str:
    return (
        f'<circle cx="{f(c[0])}" cy="{f(c[1])}" r="{f(r)}" fill="{fill}" fill-opacity="{opacity}" '
        f'stroke="{stroke}" stroke-width="{f(width)}"/>'
    )
