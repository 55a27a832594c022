"""Inline SVG charts for the pages, drawn by acupressure.charts from the canonical figures."""

from __future__ import annotations

from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from acupressure.charts import chart_svg


@lru_cache(maxsize=256)
def _svg(codes: tuple[str, ...]) -> str:
    svg = chart_svg(list(codes))
    # Inline in a page: an image with its <title> as the name, sized by the stylesheet.
    return svg.replace("<svg ", '<svg role="img" focusable="false" class="point-chart" ', 1)


def chart_for(codes: list[str]) -> SafeString:
    """The chart of these points as inline SVG (generated from our own data, never input)."""
    return mark_safe(_svg(tuple(codes)))  # noqa: S308 - our own SVG from our own data
