"""The point atlas: validated point records, looked up by any code, alias or name.

>>> from acupressure import atlas
>>> atlas.get("B47").code
'BL52'
"""

from __future__ import annotations

from functools import cache

from acupressure.atlas.aliases import AliasIndex, Match, PointNotFoundError, normalise
from acupressure.atlas.loader import AtlasDataError, load_points, load_sources, load_translation
from acupressure.atlas.models import REGIONS, Point, Region, Source
from acupressure.i18n import Language, current, use

__all__ = [
    "AtlasDataError",
    "Match",
    "Point",
    "PointNotFoundError",
    "Source",
    "all_points",
    "get",
    "index",
    "normalise",
    "points_in",
    "resolve",
    "reviewer",
    "sources",
]


@cache
def _english() -> tuple[Point, ...]:
    with use("en"):  # {cun:2} in the data reads in English, whatever language is current
        return tuple(load_points())


@cache
def _translated(language: Language) -> tuple[tuple[Point, ...], str | None]:
    if language == "en":
        return _english(), "original"
    points, reviewer = load_translation(list(_english()), language)
    return tuple(points), reviewer


def _points() -> tuple[Point, ...]:
    """Every point in the current language (acupressure.i18n); codes and rules unchanged."""
    return _translated(current())[0]


def reviewer(language: Language | None = None) -> str | None:
    """Who checked the points' safety text in this language: None until a named clinician
    who reads it has (the pages then mark the cautions as not yet reviewed)."""
    return _translated(language or current())[1]


@cache
def index() -> AliasIndex:
    """Aliases are what people type: the English records' names, codes and old labels."""
    return AliasIndex(list(_english()))


@cache
def sources() -> dict[str, Source]:
    return load_sources()


def all_points() -> list[Point]:
    """Every point, in the article's order: lower back 1-7, then upper back 1-7."""
    return sorted(_points(), key=lambda p: (REGIONS.index(p.region), p.article.number))


def points_in(region: Region) -> list[Point]:
    return [p for p in all_points() if p.region == region]


def resolve(query: str) -> Match:
    """Find a point by code, alias or name; raises PointNotFoundError or ValueError.

    The point and its errata come in the current language."""
    match = index().resolve(query)
    if current() == "en":
        return match
    english = match.point
    point = next(p for p in _points() if p.code == english.code)
    errata = tuple(point.errata[english.errata.index(e)] for e in match.errata)
    return Match(point=point, query=match.query, errata=errata)


@cache
def _codes(language: Language) -> dict[str, Point]:
    return {p.code: p for p in _translated(language)[0]}


def get(query: str) -> Point:
    """The point by code, alias or name, in the current language (an exact code, the
    common case, is a dict lookup)."""
    point = _codes(current()).get(query)
    return point if point is not None else resolve(query).point
