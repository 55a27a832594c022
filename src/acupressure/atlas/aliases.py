"""Resolve what people type (codes, old labels, pinyin names) to a standard point."""

from __future__ import annotations

import re
from dataclasses import dataclass

from acupressure.atlas.models import CODE_RE, Erratum, Point
from acupressure.i18n import gettext as _

# Legacy channel prefixes found in older books and popular articles.
PREFIXES = {
    "B": "BL", "UB": "BL", "BL": "BL",
    "DU": "GV", "GV": "GV",
    "REN": "CV", "RN": "CV", "CV": "CV",
    "K": "KI", "KID": "KI", "KI": "KI",
    "LV": "LR", "LIV": "LR", "LR": "LR",
    "TW": "TE", "TB": "TE", "TH": "TE", "SJ": "TE", "TE": "TE",
    "GB": "GB", "LI": "LI", "SI": "SI", "LU": "LU", "ST": "ST",
    "SP": "SP", "HT": "HT", "H": "HT", "PC": "PC", "P": "PC",
}  # fmt: skip

_PREFIXED = re.compile(r"^([A-Z]+)(\d+)$")


def normalise(query: str) -> str:
    """Uppercase, without spaces, hyphens, dots or underscores: 'gb-10' -> 'GB10'."""
    return re.sub(r"[\s\-._]+", "", query).upper()


def standard_code(query: str) -> str | None:
    """The standard code a label means by prefix alone ('Liv 3' -> 'LR3'), or None."""
    match = _PREFIXED.match(normalise(query))
    if not match or match.group(1) not in PREFIXES:
        return None
    code = f"{PREFIXES[match.group(1)]}{int(match.group(2))}"
    return code if CODE_RE.match(code) else None


class AliasConflictError(Exception):
    """Two points claim the same alias."""


class PointNotFoundError(LookupError):
    """No point in the atlas matches the query. The message says why, helpfully."""


@dataclass(frozen=True)
class Match:
    point: Point
    query: str
    errata: tuple[Erratum, ...]  # notes that apply because of the label used

    @property
    def used_wrong_label(self) -> bool:
        return bool(self.errata)


class AliasIndex:
    def __init__(self, points: list[Point]) -> None:
        self._points = {p.code: p for p in points}
        self._index: dict[str, str] = {}
        for point in points:
            names = [point.code, point.names.pinyin, point.article.label, *point.aliases]
            for name in names:
                key = normalise(name)
                other = self._index.get(key)
                if other and other != point.code:
                    raise AliasConflictError(f"alias {name!r} names both {other} and {point.code}")
                self._index[key] = point.code

    def keys(self) -> dict[str, str]:
        return dict(self._index)

    def resolve(self, query: str) -> Match:
        key = normalise(query)
        if not key:
            raise ValueError(
                _("empty point code: give a code such as BL23, an old label or a name")
            )
        code = self._index.get(key) or standard_code(key)
        point = self._points.get(code or "")
        if point is None:
            raise PointNotFoundError(self._not_found_message(query, code))
        errata = tuple(e for e in point.errata if key in {normalise(label) for label in e.labels})
        return Match(point=point, query=query, errata=errata)

    def _not_found_message(self, query: str, code: str | None) -> str:
        known = ", ".join(sorted(self._points))
        if code is None:
            return _("no point matches {query!r}; the atlas has {known}").format(
                query=query, known=known
            )
        hints = [
            _("older texts label {code} ({name}) as {alias}").format(
                code=p.code, name=p.names.pinyin, alias=alias
            )
            for p in self._points.values()
            for alias in (p.article.label, *p.aliases)
            if standard_code(alias) == code and p.code != code
        ]
        if hints:
            message = _(
                "{code} is a standard point but not one of the {count} in this atlas (note: "
                "{notes}; today's {code} is a different point); the atlas has {known}"
            )
        else:
            message = _(
                "{code} is a standard point but not one of the {count} in this atlas; "
                "the atlas has {known}"
            )
        notes = "; ".join(sorted(set(hints)))
        return message.format(code=code, count=len(self._points), notes=notes, known=known)
