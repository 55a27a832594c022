"""Load and validate the atlas data files shipped inside the package.

Every load validates every record. Only the YAML parsing is kept between runs: the parsed
files (plain lists, maps, strings and numbers, before ``{cun:N}`` is expanded) are written
as one JSON file to the user cache folder, named by a hash of the files' names and bytes,
and read back instead of parsing the YAML again while no file has changed (an edited file
makes a new hash). Reading that JSON takes a millisecond; importing PyYAML and parsing the
files took about a tenth of `acupressure point LI4`. Anything unusual (no cache folder, a
damaged file, data that JSON cannot hold exactly) simply parses the YAML.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from acupressure.atlas.models import Point, Source
from acupressure.body.measure import cun_words
from acupressure.i18n import Language, data, use

if TYPE_CHECKING:
    from yaml import SafeLoader

CUN_RE = re.compile(r"\{cun:([0-9]+(?:\.[0-9]+)?)\}")
CACHE_PREFIX = "atlas-parsed-v1-"


def safe_loader() -> type[SafeLoader]:
    """libyaml's safe loader when PyYAML was built with it (several times faster), else
    Python's. PyYAML is imported here, when a file is parsed."""
    import yaml

    loader: type[SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


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
    "technique.lighter.method",
    "technique.lighter.steps.*",
    "technique.lighter.breathing",
    "technique.pregnancy_posture.posture_note",
    "technique.pregnancy_posture.steps.*",
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


def _parse_yaml(name: str, data: bytes) -> Any:
    import yaml

    try:
        return yaml.load(data.decode("utf-8"), Loader=safe_loader())  # noqa: S506 - safe
    except yaml.YAMLError as exc:
        raise AtlasDataError(f"{name}: not valid YAML: {exc}") from exc


def _expanded(value: Any) -> Any:
    """``expand_cun`` applied to every text in a parsed file (after the cache, so that the
    cache holds only what the files say)."""
    if isinstance(value, str):
        return expand_cun(value) if "{cun:" in value else value
    if isinstance(value, list):
        return [_expanded(v) for v in value]
    if isinstance(value, dict):
        return {k: _expanded(v) for k, v in value.items()}
    return value


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("acupressure"))


def _parsed(files: list[Traversable]) -> list[Any]:
    """Each file's parsed YAML, from the cache when these exact bytes were parsed before."""
    contents = [file.read_bytes() for file in files]
    digest = hashlib.sha256()
    for file, content in zip(files, contents, strict=True):
        digest.update(f"{file.name}\0{len(content)}\0".encode() + content)
    cached = _cache_dir() / f"{CACHE_PREFIX}{digest.hexdigest()[:40]}.json"
    try:
        found = json.loads(cached.read_bytes())
        if isinstance(found, list) and len(found) == len(files):
            return found
    except (OSError, ValueError):
        pass
    parsed = [_parse_yaml(f.name, data) for f, data in zip(files, contents, strict=True)]
    _keep(cached, parsed)
    return parsed


def _keep(path: Path, parsed: list[Any]) -> None:
    """Write the parsed files as JSON (atomically; older versions removed), if JSON gives
    back exactly the same data. Nothing is said when the cache folder cannot be written."""
    try:
        text = json.dumps(parsed, ensure_ascii=False)
    except (TypeError, ValueError):  # a date or the like: keep parsing the YAML
        return
    if json.loads(text) != parsed:  # keys that are not strings, say
        return
    import tempfile  # only when the cache is written

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as out:
            out.write(text)
        Path(out.name).replace(path)
        for old in path.parent.glob(f"{CACHE_PREFIX}*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _explain(name: str, exc: ValidationError) -> AtlasDataError:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "(top level)"
        problems.append(f"{field}: {error['msg']}")
    return AtlasDataError(f"{name}: " + "; ".join(problems))


def data_dir() -> Traversable:
    return resources.files("acupressure.atlas") / "data"


def _folder_data(folder: Traversable) -> tuple[Any, list[tuple[str, Any]]]:
    """The parsed sources.yaml, and each points/*.yaml file's name and parsed content."""
    points = sorted(
        (f for f in (folder / "points").iterdir() if f.name.endswith(".yaml")),
        key=lambda f: f.name,
    )
    sources, *parsed = _expanded(_parsed([folder / "sources.yaml", *points]))
    return sources, [(f.name, raw) for f, raw in zip(points, parsed, strict=True)]


def load_sources(folder: Traversable | None = None) -> dict[str, Source]:
    return _sources(_folder_data(folder or data_dir())[0])


def _sources(raw: Any) -> dict[str, Source]:
    name = "sources.yaml"
    if not isinstance(raw, list):
        raise AtlasDataError(f"{name}: expected a list of sources")
    sources: dict[str, Source] = {}
    for index, item in enumerate(raw):
        try:
            source = Source.model_validate(item)
        except ValidationError as exc:
            raise _explain(f"{name}[{index}]", exc) from exc
        if source.id in sources:
            raise AtlasDataError(f"{name}: source id {source.id!r} appears twice")
        sources[source.id] = source
    return sources


def load_points(folder: Traversable | None = None) -> list[Point]:
    """Read every point file, validate it and check it against the bibliography."""
    raw_sources, files = _folder_data(folder or data_dir())  # the folder read once
    sources = _sources(raw_sources)
    points: list[Point] = []
    for name, raw in files:
        if not isinstance(raw, dict):
            raise AtlasDataError(f"{name}: expected a mapping of fields")
        try:
            point = Point.model_validate(raw)
        except ValidationError as exc:
            raise _explain(name, exc) from exc
        if name != f"{point.code}.yaml":
            raise AtlasDataError(f"{name}: code is {point.code}; name the file after it")
        unknown = sorted(point.cited_sources() - sources.keys())
        if unknown:
            raise AtlasDataError(f"{name}: sources: unknown source id(s) {', '.join(unknown)}")
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
