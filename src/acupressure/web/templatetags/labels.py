"""Template filters: a stored key (pressure, where a point is pressed) in the page's language."""

from __future__ import annotations

from django import template

from acupressure.atlas.labels import PRESSURE
from acupressure.i18n import gettext as _
from acupressure.web.changes import PLACES as WHERE
from acupressure.web.changes import shown

register = template.Library()


@register.filter
def pressure(key: str) -> str:
    return PRESSURE[key] if key in PRESSURE else key  # type: ignore[index]  # noqa: SIM401


@register.filter
def where(key: str) -> str:
    return _(WHERE[key]) if key in WHERE else key


@register.filter
def changes(sentences: list[str]) -> list[str]:
    """A prescription version's stored sentences, in the page's language."""
    return shown(sentences)
