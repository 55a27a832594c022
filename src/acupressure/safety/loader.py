"""Load and validate the safety data files shipped inside the package.

A bad file fails loudly (:class:`SafetyDataError`) with the file name and the field; every
cited source id must exist in the atlas bibliography and every point code in the atlas.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from acupressure import atlas
from acupressure.atlas.loader import safe_loader
from acupressure.i18n import Language, current, data
from acupressure.safety.models import Condition, RedFlag

M = TypeVar("M", bound=BaseModel)


class SafetyDataError(Exception):
    """A safety data file is missing or invalid. The message names the file and field."""


def _load(name: str, model: type[M]) -> list[M]:
    file = resources.files("acupressure.safety") / "data" / name
    try:
        raw: Any = yaml.load(file.read_text(encoding="utf-8"), Loader=safe_loader())  # noqa: S506
    except yaml.YAMLError as exc:
        raise SafetyDataError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, list) or not raw:
        raise SafetyDataError(f"{name}: expected a non-empty list")
    items: list[M] = []
    for i, item in enumerate(raw):
        try:
            items.append(model.model_validate(item))
        except ValidationError as exc:
            problems = [
                f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
                for e in exc.errors()
            ]
            raise SafetyDataError(f"{name}[{i}]: " + "; ".join(problems)) from exc
    return items


def _check_ids(name: str, ids: Sequence[str], cited: list[tuple[str, list[str]]]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise SafetyDataError(f"{name}: id {item_id!r} appears twice")
        seen.add(item_id)
    known = atlas.sources()
    for item_id, source_ids in cited:
        unknown = sorted(set(source_ids) - known.keys())
        if unknown:
            raise SafetyDataError(f"{name}: {item_id}: unknown source id(s) {', '.join(unknown)}")


# What a translation replaces: the words a person reads, never ids, urgency or effects.
RED_FLAG_FIELDS = ("question", "advice")
CONDITION_FIELDS = ("label", "warning", "effects.*.text")


def _translate(
    name: str, records: dict[str, M], fields: tuple[str, ...], language: Language
) -> tuple[dict[str, M], str | None]:
    if language == "en":
        return records, "original"
    where = f"i18n/{language}/{name}"
    folder = resources.files("acupressure.safety") / "data" / "i18n" / language
    file = data.read(folder / name, where, language)
    return data.localize(records, file, fields, where), file.reviewed_by


def red_flags() -> dict[str, RedFlag]:
    """Every red flag by id, emergencies first, in the file's order; in the current language."""
    return _red_flags(current())[0]


def conditions() -> dict[str, Condition]:
    """Every condition by id, in the file's order; in the current language."""
    return _conditions(current())[0]


def reviewer(kind: str, language: Language | None = None) -> str | None:
    """Who checked the translated red flags (``red_flags``) or conditions (``conditions``):
    None until a named clinician who reads the language has."""
    language = language or current()
    return (_red_flags if kind == "red_flags" else _conditions)(language)[1]


@cache
def _red_flags(language: Language) -> tuple[dict[str, RedFlag], str | None]:
    return _translate("red_flags.yaml", _english_red_flags(), RED_FLAG_FIELDS, language)


@cache
def _conditions(language: Language) -> tuple[dict[str, Condition], str | None]:
    return _translate("conditions.yaml", _english_conditions(), CONDITION_FIELDS, language)


@cache
def _english_red_flags() -> dict[str, RedFlag]:
    """Every red flag by id, emergencies first, in the file's order."""
    flags = _load("red_flags.yaml", RedFlag)
    _check_ids("red_flags.yaml", [f.id for f in flags], [(f.id, f.sources) for f in flags])
    codes = {p.code for p in atlas.all_points()}
    for f in flags:
        missing = sorted(set(f.asked_when.points) - codes) if f.asked_when else []
        if missing:
            raise SafetyDataError(
                f"red_flags.yaml: {f.id}: asked_when point(s) not in the atlas: "
                + ", ".join(missing)
            )
    flags.sort(key=lambda f: f.urgency != "emergency")
    return {f.id: f for f in flags}


@cache
def _english_conditions() -> dict[str, Condition]:
    """Every condition by id, in the file's order."""
    items = _load("conditions.yaml", Condition)
    _check_ids("conditions.yaml", [c.id for c in items], [(c.id, c.sources) for c in items])
    codes = {p.code for p in atlas.all_points()}
    for c in items:
        for effect in c.effects:
            missing = [] if effect.points == "all" else sorted(set(effect.points) - codes)
            if missing:
                raise SafetyDataError(
                    f"conditions.yaml: {c.id}: point(s) not in the atlas: {', '.join(missing)}"
                )
    return {c.id: c for c in items}
