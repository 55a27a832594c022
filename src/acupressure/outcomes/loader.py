"""Loading questionnaires: the built-in ones (written by us) and a clinic's folder.

A clinic that holds the licence for a published instrument puts its YAML file in a folder
named by ``ACUPRESSURE_QUESTIONNAIRES_DIR``; it is offered like the built-in ones. A file
that does not validate fails loudly with its name, the field and the problem.

The built-in ones are ours, so they speak every language: their text in Spanish and Chinese
lives beside them (``data/i18n/<language>/questionnaires.yaml``, by questionnaire id and
dotted key: ``items.0.text``, ``items.0.anchors.10``), validated on load like the atlas's
(a missing or extra key, or a changed number, names the file and the key). A clinic's
licensed instrument is shown as the clinic supplied it.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from acupressure.i18n import Language, current, data
from acupressure.outcomes.models import Questionnaire

ENV = "ACUPRESSURE_QUESTIONNAIRES_DIR"
# The text a person reads; ids, values, scoring rules and numbers stay the English file's.
FIELDS = (
    "title",
    "short",
    "instructions",
    "copyright",
    "terms",
    "items.*.text",
    "items.*.anchors.*",
    "items.*.options.*.label",
    "scoring.scores.*.label",
)


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


@cache
def _english() -> dict[str, Questionnaire]:
    folder = resources.files("acupressure.outcomes") / "data" / "questionnaires"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            q = parse(entry.read_text(encoding="utf-8"), entry.name)
            found[q.id] = q
    return found


@cache
def _translated(language: Language) -> tuple[dict[str, Questionnaire], str | None]:
    """The built-in questionnaires in ``language``, and who reviewed the translation."""
    if language == "en":
        return _english(), None
    name = f"i18n/{language}/questionnaires.yaml"
    file = resources.files("acupressure.outcomes") / "data" / "i18n" / language
    parsed = data.read(file / "questionnaires.yaml", name, language)
    return data.localize(_english(), parsed, FIELDS, name), parsed.reviewed_by


def builtin(language: Language | None = None) -> dict[str, Questionnaire]:
    """The built-in questionnaires in ``language`` (default: the current one)."""
    return dict(_translated(language or current())[0])


def from_folder(folder: Path) -> dict[str, Questionnaire]:
    if not folder.is_dir():
        raise QuestionnaireDataError(f"{ENV}: {folder} is not a folder")
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        q = parse(path.read_text(encoding="utf-8"), str(path))
        found[q.id] = q
    return found


@cache
def load_all(folder: str, language: Language = "en") -> dict[str, Questionnaire]:
    """Built-in plus the given folder's questionnaires (cached per folder and language; ""
    for no folder)."""
    found = builtin(language)
    if folder:
        for qid, q in from_folder(Path(folder)).items():
            if qid in found:
                raise QuestionnaireDataError(f"{folder}: {qid} clashes with a built-in id")
            found[qid] = q
    return found


def questionnaires() -> dict[str, Questionnaire]:
    """Built-in plus the clinic folder's, by id (cached per folder)."""
    return load_all(os.environ.get(ENV, ""), current())


def weekly() -> list[Questionnaire]:
    return [q for q in questionnaires().values() if "weekly" in q.when]


def baseline() -> list[Questionnaire]:
    return [q for q in questionnaires().values() if "baseline" in q.when]
