"""The point atlas: validated point records, looked up by any code, alias or name.

>>> from acupressure import atlas
>>> atlas.get("B47").code
'BL52'
"""

from __future__ import annotations

from functools import cache

from acupressure.atlas.aliases import AliasIndex, Match, PointNotFoundError, normalise
from acupressure.atlas.loader import AtlasDataError, load_points, load_sources
from acupressure.atlas.models import REGIONS, Point, Region, Source

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
    "sources",
]


@cache
def _points() -> tuple[Point, ...]:
    return tuple(load_points())


@cache
def index() -> AliasIndex:
    return AliasIndex(list(_points()))


@cache
def sources() -> dict[str, Source]:
    return load_sources()


def all_points() -> list[Point]:
    """Every point, in the article's order: lower back 1-7, then upper back 1-7."""
    return sorted(_points(), key=lambda p: (REGIONS.index(p.region), p.article.number))


def points_in(region: Region) -> list[Point]:
    return [p for p in all_points() if p.region == region]


def resolve(query: str) -> Match:
    """Find a point by code, alias or name; raises PointNotFoundError or ValueError."""
    return index().resolve(query)


def get(query: str) -> Point:
    """The point by code, alias or name (an exact code, the common case, is a dict lookup)."""
    point = index().by_code(query)
    return point if point is not None else resolve(query).point
