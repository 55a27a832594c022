"""Printable charts: each point on its canonical figure, with the guide to find it.

    >>> from acupressure import charts
    >>> charts.chart_svg(["BL23", "B47"]).startswith("<svg")
    True

Points of different views go in one file: one panel per view (two where its points lie far
apart), one under the other, or in two columns from three panels on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import resvg_py

from acupressure import atlas
from acupressure.atlas.models import Point
from acupressure.charts import fonts, svg
from acupressure.charts.guides import find_it
from acupressure.charts.layout import wrap
from acupressure.charts.panel import draw, groups
from acupressure.i18n import gettext as _

__all__ = ["FORMATS", "chart_png", "chart_svg", "points_for", "write_chart"]

FORMATS = (".svg", ".png")


def points_for(codes: Sequence[str | Point]) -> list[Point]:
    """Resolve codes (any alias) to points, dropping repeats; PointNotFoundError if unknown."""
    found: list[Point] = []
    for code in codes:
        point = code if isinstance(code, Point) else atlas.get(code)
        if point.code not in {p.code for p in found}:
            found.append(point)
    if not found:
        raise ValueError("no point to draw")
    return found


def chart_svg(codes: Sequence[str | Point]) -> str:
    """A standalone SVG document charting the points (codes, aliases or Point records)."""
    points = points_for(codes)
    panels = [draw(view, items) for view, items in groups(points)]
    gap, margin = 26.0, 24.0
    cols = 1 if len(panels) <= 2 else 2  # many views: two columns, so a page can show them
    rows = [panels[i : i + cols] for i in range(0, len(panels), cols)]
    cell_w = max(p.width for p in panels)
    width = cell_w * cols + gap * (cols - 1) + 2 * margin
    title_lines = wrap(_title(points), max(30, int((width - 2 * margin) / 14)))
    # the key and the footer wrap to the width: translations run longer than English
    key_lines = wrap(
        _(
            "Red circle: the point and how far it may lie; blue: how to measure. "
            "1 cun = the width of the person's own thumb."
        ),
        max(40, int((width - 2 * margin) / 6.2)),
    )
    foot_lines = wrap(
        _(
            "Self-care aid, not a diagnosis. Press gently to firmly, never past comfort; "
            "see a clinician for new, severe or unexplained pain."
        ),
        max(40, int((width - 2 * margin) / 5.6)),
    )
    title_h = 64.0 + 26 * (len(title_lines) - 1) + 16 * (len(key_lines) - 1)
    body_h = sum(max(p.height for p in row) for row in rows) + gap * (len(rows) - 1)
    legend, legend_h = _legend(points, width - 2 * margin, margin, title_h + body_h + 16)
    height = title_h + body_h + 16 + legend_h + 40 + 14 * (len(foot_lines) - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{svg.f(width)}" height="{svg.f(height)}" '
        f'viewBox="0 0 {svg.f(width)} {svg.f(height)}">',
        f"<title>{escape(_title(points))}</title>",
        f'<rect width="{svg.f(width)}" height="{svg.f(height)}" fill="white"/>',
        *(
            svg.text(margin, 34 + 26 * i, line, 22, "start", "bold")
            for i, line in enumerate(title_lines)
        ),
        *(
            svg.text(
                margin, 54 + 26 * (len(title_lines) - 1) + 16 * i,
                line, 12, "start", "normal", "#52606d",
            )
            for i, line in enumerate(key_lines)
        ),
    ]  # fmt: skip
    y = title_h
    for row in rows:
        for i, panel in enumerate(row):
            x = margin + i * (cell_w + gap)
            parts.append(f'<g transform="translate({svg.f(x)},{svg.f(y)})">{panel.content}</g>')
        y += max(p.height for p in row) + gap
    parts.append(legend)
    foot_y = height - 16 - 14 * (len(foot_lines) - 1)
    parts += [
        svg.text(margin, foot_y + 14 * i, line, 11, "start", "normal", "#7b8794")
        for i, line in enumerate(foot_lines)
    ]
    parts.append("</svg>")
    return "\n".join(parts)


def _title(points: list[Point]) -> str:
    if len(points) == 1:
        p = points[0]
        return _("{code} {pinyin} ({name})").format(
            code=p.code, pinyin=p.names.pinyin, name=p.names.english
        )
    return _("Acupressure points: {codes}").format(codes=", ".join(p.code for p in points))


def _legend(points: list[Point], width: float, x: float, y: float) -> tuple[str, float]:
    chars = max(60, int(width / 6.6))
    out: list[str] = []
    dy = 0.0
    for p in points:
        side = _("both sides") if p.laterality == "bilateral" else _("on the midline")
        heading = _("{code} {pinyin}, {name} ({side})").format(
            code=p.code, pinyin=p.names.pinyin, name=p.names.english, side=side
        )
        out.append(svg.text(x, y + dy + 14, heading, 14, "start", "bold", svg.POINT))
        dy += 20
        for line in wrap(_("Find it: {steps}").format(steps=find_it(p.rule)), chars):
            out.append(svg.text(x, y + dy + 13, line, 12, "start", "normal", svg.GUIDE))
            dy += 16
        for line in wrap(p.location.standard, chars):
            out.append(svg.text(x, y + dy + 13, line, 12))
            dy += 16
        dy += 8
    return "\n".join(out), dy


def chart_png(codes: Sequence[str | Point], zoom: float = 2.0) -> bytes:
    """The chart as PNG bytes, rendered with resvg (no system libraries); the bundled font
    subset draws the Chinese (and every other character the translations use)."""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=chart_svg(codes), zoom=zoom, font_files=[str(fonts.subset_path())]
        )
    )


def write_chart(codes: Sequence[str | Point], path: Path) -> None:
    """Write an SVG or PNG chart; ValueError for another extension."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path.name}: the chart must be .svg or .png")
    data = chart_png(codes) if suffix == ".png" else fonts.embed(chart_svg(codes)).encode("utf-8")
    path.write_bytes(data)
