"""Template filters: seconds as "12 min 05 s"."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def duration(seconds: int) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"
