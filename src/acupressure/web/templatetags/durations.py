"""Template filters: seconds as "12 min 05 s" (in the page's language)."""

from __future__ import annotations

from django import template

from acupressure.i18n import gettext as _

register = template.Library()


@register.filter
def duration(seconds: int) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return _("{seconds} s").format(seconds=seconds)
    return _("{minutes} min {seconds:02d} s").format(minutes=seconds // 60, seconds=seconds % 60)
