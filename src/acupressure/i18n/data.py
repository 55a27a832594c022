"""Translations of data records, kept beside the data files.

A translation file (``data/i18n/<language>/<records>.yaml``) holds, for each record id,
the record's translatable strings by dotted key (``location.how_to_find.0``)::

    language: es
    reviewed_by: null        # the named clinician who reads this language and checked it
    entries:
      LI4:
        names.english: Valle de la Unión
        ...

It is validated on load like the data: a missing or extra record or key, or a number or
code (LI4, C7, 1.5) that differs from the English text, is a :class:`TranslationError`
naming the file and the key. Only text changes; codes, numbers and rules come from the
English record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from acupressure.i18n.languages import Language

M = TypeVar("M", bound=BaseModel)

# Numbers and codes (LI4, B47, C7, T12, 1.5) must come through a translation unchanged.
_PLACEHOLDER = re.compile(r"[A-Z]{0,3}\d+(?:[.,]\d+)?")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class TranslationError(Exception):
    """A translation file is missing, invalid or incomplete. Names the file and the key."""


class TranslationFile(BaseModel):
    # built when a translation is first read, not when the CLI starts
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    language: Language
    reviewed_by: Text | None  # a named clinician who reads the language, or null
    entries: dict[str, dict[str, Text]]


def placeholders(text: str) -> list[str]:
    """The numbers and codes in a text, in order of size (commas as decimal points)."""
    return sorted(p.replace(",", ".") for p in _PLACEHOLDER.findall(text))


def text_keys(record: BaseModel, fields: Sequence[str]) -> dict[str, str]:
    """The record's translatable strings by dotted key; ``*`` in a field walks a list or
    a mapping (``anchors.*``: each key)."""
    found: dict[str, str] = {}
    data = record.model_dump()
    for field in fields:
        for key, value in _expand(data, field.split("."), []):
            if isinstance(value, str):
                found[key] = value
    return found


def _expand(data: Any, parts: list[str], path: list[str]) -> list[tuple[str, Any]]:
    if not parts:
        return [(".".join(path), data)]
    head, rest = parts[0], parts[1:]
    if head == "*":
        pairs = list(data.items()) if isinstance(data, dict) else []
        pairs += list(enumerate(data)) if isinstance(data, list) else []
        return [hit for k, item in pairs for hit in _expand(item, rest, [*path, str(k)])]
    if isinstance(data, dict) and data.get(head) is not None:
        return _expand(data[head], rest, [*path, head])
    return []


def _step(data: Any, part: str) -> Any:
    """The list index, the mapping key, or the mapping's number key (``anchors.0``)."""
    if isinstance(data, list) or (part not in data and part.lstrip("-").isdigit()):
        return int(part)
    return part


def _put(data: Any, key: str, value: str) -> None:
    *parents, last = key.split(".")
    for part in parents:
        data = data[_step(data, part)]
    data[_step(data, last)] = value


def read(
    file: Any, name: str, language: Language, expand: Callable[[str], str] = str
) -> TranslationFile:
    """Read and validate one translation file (``file`` is a path or a Traversable);
    ``expand`` rewrites the text before it is parsed (the atlas's ``{cun:2}``). PyYAML is
    imported here, so that English, which reads no translation, never loads it."""
    import yaml

    try:
        raw = yaml.safe_load(expand(file.read_text(encoding="utf-8")))
        parsed = TranslationFile.model_validate(raw)
    except FileNotFoundError as exc:
        raise TranslationError(f"{name}: missing translation file") from exc
    except yaml.YAMLError as exc:
        raise TranslationError(f"{name}: not valid YAML: {exc}") from exc
    except ValidationError as exc:
        problems = [
            f"{'.'.join(map(str, e['loc'])) or '(top level)'}: {e['msg']}" for e in exc.errors()
        ]
        raise TranslationError(f"{name}: " + "; ".join(problems)) from exc
    if parsed.language != language:
        raise TranslationError(f"{name}: language is {parsed.language}, expected {language}")
    return parsed


def localize(
    records: Mapping[str, M], file: TranslationFile, fields: Sequence[str], name: str
) -> dict[str, M]:
    """Every record with its text replaced by the file's translation, checked key by key."""
    missing = sorted(records.keys() - file.entries.keys())
    extra = sorted(file.entries.keys() - records.keys())
    if missing or extra:
        problem = f"missing record {missing[0]}" if missing else f"unknown record {extra[0]}"
        raise TranslationError(f"{name}: {problem}")
    return {
        rid: _one(record, file.entries[rid], fields, f"{name}: {rid}")
        for rid, record in records.items()
    }


def _one(record: M, translated: Mapping[str, str], fields: Sequence[str], where: str) -> M:
    english = text_keys(record, fields)
    for key in english:
        if key not in translated:
            raise TranslationError(f"{where}: missing key {key}")
    for key in translated:
        if key not in english:
            raise TranslationError(f"{where}: unknown key {key}")
    data = record.model_dump()
    for key, text in translated.items():
        if placeholders(text) != placeholders(english[key]):
            raise TranslationError(
                f"{where}: {key}: numbers or codes differ from the English "
                f"({', '.join(placeholders(english[key])) or 'none'})"
            )
        _put(data, key, text)
    return type(record).model_validate(data)
