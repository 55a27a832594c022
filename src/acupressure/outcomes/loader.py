"""Loading questionnaires: the built-in ones (written by us) and a clinic's folder.

A clinic that holds the licence for a published instrument puts its YAML file in a folder
named by ``ACUPRESSURE_QUESTIONNAIRES_DIR``; it is offered like the built-in ones. A file
that does not validate fails loudly with its name, the field and the problem.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from acupressure.outcomes.models import Questionnaire

ENV = "ACUPRESSURE_QUESTIONNAIRES_DIR"


class QuestionnaireDataError(ValueError):
    """A questionnaire file is malformed; the message names the file and the field."""


def parse(text: str, name: str) -> Questionnaire:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QuestionnaireDataError(f"{name}: not valid YAML ({exc})") from None
    try:
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "(file)"
        message = str(error["msg"]).removeprefix("Value error, ")
        raise QuestionnaireDataError(f"{name}: {where}: {message}") from None


def builtin() -> dict[str, Questionnaire]:
    folder = resources.files("acupressure.outcomes") / "data" / "questionnaires"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            q = parse(entry.read_text(encoding="utf-8"), entry.name)
            found[q.id] = q
    return found


def from_folder(folder: Path) -> dict[str, Questionnaire]:
    if not folder.is_dir():
        raise QuestionnaireDataError(f"{ENV}: {folder} is not a folder")
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        q = parse(path.read_text(encoding="utf-8"), str(path))
        found[q.id] = q
    return found


@cache
def load_all(folder: str) -> dict[str, Questionnaire]:
    """Built-in plus the given folder's questionnaires (cached per folder; "" for none)."""
    found = builtin()
    if folder:
        for qid, q in from_folder(Path(folder)).items():
            if qid in found:
                raise QuestionnaireDataError(f"{folder}: {qid} clashes with a built-in id")
            found[qid] = q
    return found


def questionnaires() -> dict[str, Questionnaire]:
    """Built-in plus the clinic folder's, by id (cached per folder)."""
    return load_all(os.environ.get(ENV, ""))


def weekly() -> list[Questionnaire]:
    return [q for q in questionnaires().values() if "weekly" in q.when]


def baseline() -> list[Questionnaire]:
    return [q for q in questionnaires().values() if "baseline" in q.when]
