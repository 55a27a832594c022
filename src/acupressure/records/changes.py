"""What a new prescription version changes, in plain sentences.

Stored in English (the version's record is the same whoever reads it) and shown in the
reader's language: each stored sentence is matched back to its pattern and translated with
its values (codes and numbers stay; pressures and places are translated too).
"""

from __future__ import annotations

import re
from functools import cache

from acupressure.atlas.labels import PRESSURE
from acupressure.i18n import N_
from acupressure.i18n import gettext as _
from acupressure.plan.prescribe import PrescribedPoint

FIRST = N_("First prescription.")
SCHEDULE = N_("The schedule changed.")
NONE = N_("No change to the points or the schedule.")
ADDED = N_("Added {code}.")
REMOVED = N_("Removed {code}.")
DOSE = N_("{code}: {hold} s x {times} is now {new_hold} s x {new_times}.")
PRESSURE_NOW = N_("{code}: pressure {old} is now {new}.")
WHERE_NOW = N_("{code}: now {where}.")
NOTE = N_("{code}: new note.")
PATTERNS = (FIRST, SCHEDULE, NONE, ADDED, REMOVED, DOSE, PRESSURE_NOW, WHERE_NOW, NOTE)
PLACES = {"home": N_("at home"), "clinic": N_("in clinic / with a helper")}


def changes(old: list[PrescribedPoint], new: list[PrescribedPoint]) -> list[str]:
    """The English sentences stored with a version."""
    before = {p.code: p for p in old}
    after = {p.code: p for p in new}
    out = [ADDED.format(code=c) for c in after if c not in before]
    out += [REMOVED.format(code=c) for c in before if c not in after]
    for code, p in after.items():
        q = before.get(code)
        if q is None:
            continue
        if (q.hold_seconds, q.repetitions) != (p.hold_seconds, p.repetitions):
            out.append(
                DOSE.format(
                    code=code,
                    hold=q.hold_seconds,
                    times=q.repetitions,
                    new_hold=p.hold_seconds,
                    new_times=p.repetitions,
                )
            )
        if q.pressure != p.pressure:
            out.append(PRESSURE_NOW.format(code=code, old=q.pressure, new=p.pressure))
        if q.where != p.where:
            out.append(WHERE_NOW.format(code=code, where=PLACES[p.where]))
        if q.note != p.note:
            out.append(NOTE.format(code=code))
    return out


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", pattern)
    body = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(f"^{body}$")


def _value(name: str, value: str) -> str:
    if name in ("old", "new") and value in PRESSURE:
        return PRESSURE[value]  # type: ignore[index]
    if name == "where" and value in PLACES.values():
        return _(value)
    return value


def translated(sentence: str) -> str:
    """A stored sentence in the current language (unchanged if it matches no pattern)."""
    for pattern in PATTERNS:
        found = _regex(pattern).match(sentence)
        if found:
            values = {k: _value(k, v) for k, v in found.groupdict().items()}
            return _(pattern).format(**values)
    return sentence


def shown(sentences: list[str]) -> list[str]:
    return [translated(s) for s in sentences]
