"""Each term is defined once (atlas.models) and everything else is derived from it."""

from __future__ import annotations

from typing import get_args

from django.test import Client
from typer.testing import CliRunner

from acupressure.atlas import labels
from acupressure.atlas.models import AREAS, REGIONS, Area, Region
from acupressure.cli import app
from acupressure.records.models import AREA_CHOICES
from acupressure.web import planning


def test_labels_cover_exactly_the_defined_terms() -> None:
    assert tuple(labels.AREAS) == AREAS == get_args(Area)
    assert tuple(labels.REGIONS) == REGIONS == get_args(Region)


def test_django_choices_and_the_plan_form_use_the_atlas_areas() -> None:
    assert list(labels.AREAS.items()) == [(key, str(label)) for key, label in AREA_CHOICES]
    assert list(labels.AREAS.items()) == list(planning.AREAS.items())


def test_the_api_schema_lists_the_atlas_areas(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    enums = [
        s.get("enum") for s in schema["components"]["schemas"].values() if s.get("title") == "Area"
    ]
    area_fields = [
        prop
        for s in schema["components"]["schemas"].values()
        for name, prop in s.get("properties", {}).items()
        if name == "area"
    ]
    assert area_fields, "no schema has an area field"
    for prop in area_fields:
        found = prop.get("enum") or next(e for e in enums if e)
        assert found == list(AREAS)


def test_cli_help_names_every_area() -> None:
    out = CliRunner().invoke(app, ["plan", "--help"], terminal_width=200).output
    assert all(area in out for area in AREAS)
