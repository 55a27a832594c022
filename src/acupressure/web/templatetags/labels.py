"""Template filters: a stored key (pressure, where a point is pressed), a prescription's
changes and dates, in the page's language."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils.formats import date_format

from acupressure import i18n
from acupressure.atlas.labels import PRESSURE
from acupressure.i18n import gettext as _
from acupressure.records.changes import PLACES as WHERE
from acupressure.records.changes import shown

register = template.Library()


@register.simple_tag
def meaningful_legend() -> str:
    """What the ★ marks (``outcomes.legend``), in the page's language."""
    from acupressure.outcomes.legend import meaningful_legend as legend

    return legend()


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


# Dates as each language writes them: English keeps the page's own format ("3 March 2025",
# "3 Mar 2025 09:00"); Spanish says "3 de marzo de 2025"; Chinese "2025年3月3日".
_DATE_FORMATS: dict[str, dict[str, str]] = {
    "es": {"j F Y": r"j \d\e F \d\e Y", "j F Y H:i": r"j \d\e F \d\e Y, H:i"},
    "zh-Hans": {
        "j F Y": "Y年n月j日",
        "j M Y": "Y年n月j日",
        "j F Y H:i": "Y年n月j日 H:i",
        "j M Y H:i": "Y年n月j日 H:i",
    },
}


@register.filter(expects_localtime=True, is_safe=False)
def when(value: date | datetime | None, english: str) -> str:
    """``value|date:english`` in English, the language's own order elsewhere."""
    if value is None or value == "":
        return ""
    fmt = _DATE_FORMATS.get(i18n.current(), {}).get(english, english)
    return date_format(value, fmt)
