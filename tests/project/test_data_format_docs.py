"""docs/data-format.md documents every field of the data files' models, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from acupressure.atlas import models as atlas_models
from acupressure.body import rule
from acupressure.safety import models as safety_models

DOC = (Path(__file__).resolve().parents[2] / "docs" / "data-format.md").read_text()
MODELS: list[type[BaseModel]] = [
    atlas_models.Point,
    atlas_models.Names,
    atlas_models.Sourced,
    atlas_models.Location,
    atlas_models.Technique,
    atlas_models.Variant,
    atlas_models.Lighter,
    atlas_models.PregnancyPosture,
    atlas_models.Pregnancy,
    atlas_models.Precaution,
    atlas_models.Article,
    atlas_models.Erratum,
    atlas_models.Source,
    rule.LocationRule,
    rule.Offset,
    rule.Onto,
    safety_models.RedFlag,
    safety_models.AskedWhen,
    safety_models.Condition,
    safety_models.Effect,
]


def documented(model: type[BaseModel]) -> set[str]:
    """Field names in the table under the model's heading (or a table headed `Model` field)."""
    name = model.__name__
    fields: set[str] = set()
    heading = re.search(rf"^### .*`{name}`.*$", DOC, re.MULTILINE)
    own_table = re.search(rf"^\| `{name}` field \|.*$", DOC, re.MULTILINE)
    start = own_table or heading
    if start is None:
        return fields
    for line in DOC[start.end() :].lstrip("\n").splitlines():
        if not line.startswith("|"):
            if fields:
                break  # the end of the model's table
            continue  # text between the heading and its table
        cell = line.split("|")[1].strip()
        match = re.fullmatch(r"`([a-z_]+)`", cell)
        if match:
            fields.add(match.group(1))
    return fields


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    assert documented(model) == set(model.model_fields)


def test_the_checker_reads_tables() -> None:
    assert "channel" in documented(atlas_models.Point)
    assert documented(rule.Offset) == {"direction", "cun"}
