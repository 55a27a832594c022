"""Inline SVG charts for the pages, drawn by acupressure.charts from the canonical figures.

A page gets one chart per view (``charts_for``), each a single column about 760 px wide, so
its text stays at print size on a desktop; on a phone the stylesheet keeps a chart at least
640 px wide inside a horizontally scrolling box rather than shrinking the text to nothing.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

from acupressure.charts import chart_svg, points_for
from acupressure.charts.panel import groups
from acupressure.web.pagecache import CHARTS


def chart_svg_text(codes: list[str]) -> str:
    """The chart as a standalone SVG document (for an <img>), made once per data version."""
    text: str = CHARTS.get_or_make(tuple(codes), lambda: chart_svg(list(codes)))
    return text


def _svg(codes: tuple[str, ...]) -> str:
    # Inline in a page: an image with its <title> as the name, sized by the stylesheet.
    svg = chart_svg_text(list(codes))
    return svg.replace("<svg ", '<svg role="img" focusable="false" class="point-chart" ', 1)


def chart_for(codes: list[str]) -> SafeString:
    """The chart of these points as inline SVG (generated from our own data, never input)."""
    return mark_safe(_svg(tuple(codes)))  # noqa: S308 - our own SVG from our own data


def charts_for(codes: list[str]) -> list[SafeString]:
    """One chart per view (and per far-apart group within a view), in the routine's order."""
    return [chart_for([p.code for p in items]) for _, items in groups(points_for(codes))]
