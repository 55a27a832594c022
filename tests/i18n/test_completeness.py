"""Catalogs and data translations are complete: every key in every language, the same
numbers and codes, the .mo files compiled from the .po files, the font covering them."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from acupressure import atlas, i18n, safety
from acupressure.atlas.loader import data_dir, load_points, load_translation
from acupressure.i18n import TranslationError

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED: tuple[i18n.Language, ...] = ("es", "zh-Hans")


def test_catalogs_are_complete_compiled_and_placeholders_match() -> None:
    run = subprocess.run(
        [sys.executable, "scripts/i18n.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_the_font_subset_covers_every_translated_character() -> None:
    run = subprocess.run(
        [sys.executable, "scripts/font_subset.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_record_is_translated_and_keeps_its_facts(language: i18n.Language) -> None:
    with i18n.use("en"):
        english = {p.code: p for p in atlas.all_points()}
        flags, conds = safety.red_flags(), safety.conditions()
    with i18n.use(language):
        translated = {p.code: p for p in atlas.all_points()}
        assert safety.red_flags().keys() == flags.keys()
        assert safety.conditions().keys() == conds.keys()
        for fid, flag in safety.red_flags().items():
            assert (flag.urgency, flag.sources) == (flags[fid].urgency, flags[fid].sources)
            assert flag.question != flags[fid].question
    assert translated.keys() == english.keys()
    for code, point in translated.items():
        same = english[code]
        assert (point.rule, point.technique.hold_seconds, point.pregnancy.policy) == (
            same.rule,
            same.technique.hold_seconds,
            same.pregnancy.policy,
        )
        assert point.location.standard != same.location.standard


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(Path(str(data_dir())), folder)
    return folder


def _edit(folder: Path, change: object) -> None:
    file = folder / "i18n" / "es" / "points.yaml"
    raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    change(raw["entries"])  # type: ignore[operator]
    file.write_text(yaml.dump(raw, allow_unicode=True), encoding="utf-8")


def _load(folder: Path) -> None:
    with i18n.use("en"):
        points = load_points(folder)  # type: ignore[arg-type]
    load_translation(points, "es", folder)  # type: ignore[arg-type]


def test_a_missing_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder, lambda e: e["LI4"].pop("precautions.1.text"))
    with pytest.raises(
        TranslationError, match=r"i18n/es/points.yaml: LI4: missing key precautions\.1\.text"
    ):
        _load(folder)


def test_an_extra_key_or_record_names_the_file_and_the_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder, lambda e: e["LI4"].update({"technique.steps.9": "Nueve."}))
    with pytest.raises(
        TranslationError, match=r"es/points.yaml: LI4: unknown key technique\.steps\.9"
    ):
        _load(folder)
    folder = _copy(tmp_path / "again")
    _edit(folder, lambda e: e.update({"ST36": {"channel": "Estómago"}}))
    with pytest.raises(TranslationError, match=r"es/points.yaml: unknown record ST36"):
        _load(folder)


def test_a_changed_number_or_code_is_a_load_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder, lambda e: e["LI4"].update({"technique.steps.1": "Apriete 5 a 12 segundos."}))
    with pytest.raises(TranslationError, match=r"LI4: technique\.steps\.1: numbers or codes"):
        _load(folder)
    folder = _copy(tmp_path / "again")
    _edit(
        folder,
        lambda e: e["BL52"].update(
            {"errata.0.note": e["BL52"]["errata.0.note"].replace("B47", "B48")}
        ),
    )
    with pytest.raises(TranslationError, match=r"BL52: errata\.0\.note"):
        _load(folder)


def test_no_reviewer_is_recorded_yet() -> None:
    """Until a named clinician who reads the language has checked the safety text, the
    data says so (and the pages mark it): a reviewer is added to the file, not assumed."""
    for language in TRANSLATED:
        assert atlas.reviewer(language) is None
        assert safety.reviewer("red_flags", language) is None
        assert safety.reviewer("conditions", language) is None
    assert atlas.reviewer("en") == "original"


def test_the_check_finds_a_marked_string_hidden_in_an_f_string(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from acupressure.i18n import gettext as _\n"
        'fine = _("Extracted") + f"{count} left"\n'
        "hidden = f\"<p>{_('Never extracted')}</p>\"\n"
        "also = rf'{gettext(\"Nor this\")}'\n"
        'plain = "_(not a call in a plain string)"\n',
        encoding="utf-8",
    )
    assert script.hidden_calls(sample) == [3, 4]
