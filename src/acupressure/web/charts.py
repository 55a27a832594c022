"""Inline SVG charts for the pages, drawn by acupressure.charts from the canonical figures.

A page gets one chart per view (``charts_for``), each a single column about 760 px wide, so
its text stays at print size on a desktop; on a phone the stylesheet keeps a chart at least
640 px wide inside a horizontally scrolling box rather than shrinking the text to nothing.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from acupressure import i18n
from acupressure.charts import chart_svg, points_for
from acupressure.charts.panel import groups


@lru_cache(maxsize=256)
def _svg(codes: tuple[str, ...], language: i18n.Language) -> str:
    """One chart per set of codes and language (its words are in the language)."""
    with i18n.use(language):
        svg = chart_svg(list(codes))
    # Inline in a page: an image with its <title> as the name, sized by the stylesheet.
    return svg.replace("<svg ", '<svg role="img" focusable="false" class="point-chart" ', 1)


def chart_for(codes: list[str]) -> SafeString:
    """The chart of these points as inline SVG (generated from our own data, never input)."""
    return mark_safe(_svg(tuple(codes), i18n.current()))  # noqa: S308 - our own SVG from our own data


def charts_for(codes: list[str]) -> list[SafeString]:
    """One chart per view (and per far-apart group within a view), in the routine's order."""
    return [chart_for([p.code for p in items]) for _, items in groups(points_for(codes))]
