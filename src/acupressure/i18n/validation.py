"""Pydantic's validation messages in the person's words and language.

Pydantic writes its messages in English; the CLI shows the first problem of a bad option
(Typer checks types with pydantic too). ``message`` words the common error types through
the catalog, with the limits pydantic reports (``{le}``, ``{expected}``), and keeps our own
validators' messages (``value_error``), which are translated where they are raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acupressure.i18n.catalog import N_, gettext

WORDS: dict[str, str] = {
    "int_parsing": N_("give a whole number"),
    "int_type": N_("give a whole number"),
    "int_from_float": N_("give a whole number"),
    "float_parsing": N_("give a number"),
    "float_type": N_("give a number"),
    "bool_parsing": N_("answer true or false"),
    "less_than_equal": N_("must be at most {le}"),
    "less_than": N_("must be below {lt}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "greater_than": N_("must be above {gt}"),
    "literal_error": N_("must be one of: {expected}"),
    "enum": N_("must be one of: {expected}"),
    "missing": N_("this is needed"),
    "string_too_short": N_("must not be empty"),
    "too_short": N_("give at least {min_length}"),
    "date_parsing": N_("give a date like 2026-03-02"),
    "date_from_datetime_parsing": N_("give a date like 2026-03-02"),
    "time_parsing": N_("give a time like 08:00"),
    "json_invalid": N_("not valid JSON"),
    "json_type": N_("not valid JSON"),
    "extra_forbidden": N_("not a known field"),
    "bool_type": N_("not true or false"),
    "string_type": N_("not text"),
    "list_type": N_("not a list"),
    "too_long": N_("too long"),
    "string_too_long": N_("too long"),
}


def message(error: Mapping[str, Any]) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) in the current language."""
    kind = str(error.get("type", ""))
    if kind == "value_error" or kind not in WORDS:
        return str(error.get("msg", "")).removeprefix("Value error, ")
    ctx = {k: _plain(v) for k, v in dict(error.get("ctx") or {}).items()}
    try:
        return gettext(WORDS[kind]).format(**ctx)
    except (KeyError, IndexError):
        return str(error.get("msg", ""))


def _plain(value: Any) -> str:
    """Pydantic's "'a', 'b' or 'c'" as a list without the English "or"."""
    return str(value).replace(" or ", ", ")
