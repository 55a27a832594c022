"""The practitioner's list rows (acupressure.records.client_summary) as the table shows them."""

from __future__ import annotations

from functools import lru_cache

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from acupressure import i18n
from acupressure.records.follow_up import ClientRow


def row_html(row: ClientRow) -> SafeString:
    """The row as the list's table shows it, in the current language and time zone: rendered
    once per process for each row, language and zone (a pure function of them; a row that
    changes is another key)."""
    key = (row, translation.get_language(), i18n.current(), timezone.get_current_timezone_name())
    return _html(*key)


@lru_cache(maxsize=4096)
def _html(row: ClientRow, *_language_and_zone: str) -> SafeString:
    html = render_to_string("web/client_row.html", {"r": row})
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escapes
