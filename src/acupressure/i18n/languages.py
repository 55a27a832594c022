"""The supported languages, the current one, and reading a language from LANG or a header."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, get_args

Language = Literal["en", "es", "zh-Hans"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT: Language = "en"
# Each language's name in itself, for the switcher and --help.
NAMES: dict[Language, str] = {"en": "English", "es": "Español", "zh-Hans": "简体中文"}

_current: ContextVar[Language] = ContextVar("acupressure_language", default=DEFAULT)

# Chinese written in traditional characters is another language; it is not offered.
_TRADITIONAL = ("hant", "tw", "hk", "mo")


def parse(tag: str) -> Language | None:
    """A language tag or locale name (es, es-MX, es_ES.UTF-8, zh-CN, zh-Hans) -> a language.

    None when the tag names a language the product does not speak (including C and POSIX,
    and Chinese in traditional characters).
    """
    parts = tag.strip().split(".")[0].split("@")[0].replace("_", "-").lower().split("-")
    base = parts[0]
    if base == "en":
        return "en"
    if base == "es":
        return "es"
    if base == "zh":
        if any(p in _TRADITIONAL for p in parts[1:]):
            return None
        return "zh-Hans"
    return None


def from_environment(environ: Mapping[str, str]) -> Language:
    """The language the terminal asks for, as gettext reads it.

    LANGUAGE (a colon-separated list of preferences) first, then LC_ALL, LC_MESSAGES, LANG;
    the first that is set decides; English when none names a language spoken here.
    """
    language = environ.get("LANGUAGE", "")
    locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    if locale in ("C", "POSIX") or locale.startswith("C."):
        return DEFAULT if not language else _first(language.split(":"))
    return _first([*language.split(":"), locale])


def from_accept_language(header: str) -> Language:
    """The best language for an Accept-Language header (q-values honoured); English if none."""
    choices: list[tuple[float, int, str]] = []
    for order, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            choices.append((-quality, order, tag))
    return _first([tag for _, _, tag in sorted(choices)])


def _first(tags: list[str]) -> Language:
    for tag in tags:
        if tag and tag != "*" and (language := parse(tag)) is not None:
            return language
    return DEFAULT


def current() -> Language:
    """The language of the text being produced now."""
    return _current.get()


def activate(language: Language) -> None:
    """Make ``language`` current for this thread or task (the CLI does it once)."""
    _current.set(language)


@contextmanager
def use(language: Language) -> Iterator[None]:
    """Produce text in ``language`` inside the block, then go back."""
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def html_lang(language: Language) -> str:
    """The value of an HTML lang attribute (BCP 47)."""
    return language
