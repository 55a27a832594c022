"""`plan` and `session` take the same intake options from one definition."""

from __future__ import annotations

import typer.main

from acupressure.cli import app
from acupressure.cli.options import INTAKE_OPTIONS


def options_of(command: str) -> list[str]:
    group = typer.main.get_command(app)  # commands are built on demand (cli.LazyGroup)
    found = group.get_command(typer.Context(group), command)  # type: ignore[attr-defined]
    return [p.name for p in found.params if p.name is not None]


def test_plan_and_session_list_the_intake_options_first_in_one_order() -> None:
    names = [p.name for p in INTAKE_OPTIONS]
    assert options_of("plan")[: len(names)] == names
    assert options_of("session")[: len(names)] == names


def test_each_command_keeps_its_own_options_after_them() -> None:
    assert options_of("plan")[len(INTAKE_OPTIONS) :] == ["as_json"]
    assert options_of("session")[len(INTAKE_OPTIONS) :] == ["voice", "speed", "save"]
