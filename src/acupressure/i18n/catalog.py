"""UI strings through Python's gettext, from the .mo files Babel compiles (scripts/i18n.py).

The catalogs live in ``i18n/locale/<locale>/LC_MESSAGES/django.mo``: one catalog for the
whole product, read here by the core and the CLI and by Django (LOCALE_PATHS) for the web
pages. A test checks the committed .mo files are what the .po files compile to.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Hashable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from acupressure.i18n.languages import Language, current

K = TypeVar("K", bound=Hashable)
DOMAIN = "django"
# Django's and gettext's folder name for each language.
LOCALE_DIRS: dict[Language, str] = {"en": "en", "es": "es", "zh-Hans": "zh_Hans"}


def locale_path() -> Path:
    return Path(str(resources.files("acupressure.i18n") / "locale"))


@cache
def translations(language: Language) -> _gettext.NullTranslations:
    """The compiled catalog for a language (English is the source: no catalog)."""
    if language == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, locale_path(), [LOCALE_DIRS[language]])


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the current language."""
    return translations(current()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a marker
    """Mark a constant for the catalog; translate it with ``gettext`` where it is used."""
    return message


def number(value: float, places: int | None = None) -> str:
    """A number as the current language writes it: "1.5", in Spanish "1,5" (a decimal
    comma). ``places`` None: as short as it goes (1.5, 2)."""
    text = f"{value:g}" if places is None else f"{value:.{places}f}"
    return text.replace(".", ",") if current() == "es" else text


def review_mark(reviewer: str | None) -> str | None:
    """The mark on translated safety text: None in English or once a clinician reviewed it."""
    if current() == "en" or reviewer is not None:
        return None
    return gettext("Translated, not yet reviewed by a clinician who reads this language.")


class Labels(Mapping[K, str]):
    """A fixed table of English labels (marked with ``N_``) read in the current language."""

    def __init__(self, english: Mapping[K, str]) -> None:
        self._english = dict(english)

    def __getitem__(self, key: K) -> str:
        return gettext(self._english[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._english)

    def __len__(self) -> int:
        return len(self._english)

    def english(self, key: K) -> str:
        return self._english[key]
