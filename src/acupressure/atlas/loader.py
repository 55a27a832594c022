"""Load and validate the atlas data files shipped inside the package."""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml
from pydantic import ValidationError

from acupressure.atlas.models import Point, Source
from acupressure.body.measure import cun_words
from acupressure.i18n import Language, data, use

CUN_RE = re.compile(r"\{cun:([0-9]+(?:\.[0-9]+)?)\}")

# libyaml's safe loader when PyYAML was built with it (several times faster), else Python's.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What a translation of a point replaces: its text, never its codes, numbers or rule.
POINT_FIELDS = (
    "names.english",
    "channel",
    "indications.*.text",
    "location.standard",
    "location.how_to_find.*",
    "location.landmarks.*",
    "technique.posture_note",
    "technique.method",
    "technique.frequency",
    "technique.breathing",
    "technique.steps.*",
    "technique.variants.*.when",
    "technique.variants.*.instruction",
    "pregnancy.note",
    "precautions.*.text",
    "errata.*.note",
)


class AtlasDataError(Exception):
    """A data file is missing, unreadable or invalid. The message names the file and field."""


def expand_cun(text: str) -> str:
    """``{cun:2}`` in a data file becomes "2 cun (two thumb-widths)": one conversion from
    cun to finger measures (``body.measure``), never written by hand."""
    return CUN_RE.sub(lambda m: cun_words(float(m.group(1))), text)


def _read_yaml(file: Traversable) -> Any:
    try:
        text = expand_cun(file.read_text(encoding="utf-8"))
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise AtlasDataError(f"{file.name}: not valid YAML: {exc}") from exc


def _explain(name: str, exc: ValidationError) -> AtlasDataError:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "(top level)"
        problems.append(f"{field}: {error['msg']}")
    return AtlasDataError(f"{name}: " + "; ".join(problems))


def data_dir() -> Traversable:
    return resources.files("acupressure.atlas") / "data"


def load_sources(folder: Traversable | None = None) -> dict[str, Source]:
    folder = folder or data_dir()
    file = folder / "sources.yaml"
    raw = _read_yaml(file)
    if not isinstance(raw, list):
        raise AtlasDataError(f"{file.name}: expected a list of sources")
    sources: dict[str, Source] = {}
    for index, item in enumerate(raw):
        try:
            source = Source.model_validate(item)
        except ValidationError as exc:
            raise _explain(f"{file.name}[{index}]", exc) from exc
        if source.id in sources:
            raise AtlasDataError(f"{file.name}: source id {source.id!r} appears twice")
        sources[source.id] = source
    return sources


def load_points(folder: Traversable | None = None) -> list[Point]:
    """Read every point file, validate it and check it against the bibliography."""
    folder = folder or data_dir()
    sources = load_sources(folder)
    points: list[Point] = []
    files = sorted(
        (f for f in (folder / "points").iterdir() if f.name.endswith(".yaml")),
        key=lambda f: f.name,
    )
    for file in files:
        raw = _read_yaml(file)
        if not isinstance(raw, dict):
            raise AtlasDataError(f"{file.name}: expected a mapping of fields")
        try:
            point = Point.model_validate(raw)
        except ValidationError as exc:
            raise _explain(file.name, exc) from exc
        if file.name != f"{point.code}.yaml":
            raise AtlasDataError(f"{file.name}: code is {point.code}; name the file after it")
        unknown = sorted(point.cited_sources() - sources.keys())
        if unknown:
            raise AtlasDataError(f"{file.name}: sources: unknown source id(s) {', '.join(unknown)}")
        points.append(point)
    if not points:
        raise AtlasDataError("no point files found in the atlas data folder")
    return points


def load_translation(
    points: list[Point], language: Language, folder: Traversable | None = None
) -> tuple[list[Point], str | None]:
    """The points in another language and the clinician who reviewed that translation.

    ``data/i18n/<language>/points.yaml``; a missing or extra point or key fails with
    :class:`acupressure.i18n.TranslationError` naming the file and the key.
    """
    folder = folder or data_dir()
    name = f"i18n/{language}/points.yaml"
    with use(language):  # {cun:2} in a translation reads in its own language
        file = data.read(folder / "i18n" / language / "points.yaml", name, language, expand_cun)
    localized = data.localize({p.code: p for p in points}, file, POINT_FIELDS, name)
    return [localized[p.code] for p in points], file.reviewed_by
