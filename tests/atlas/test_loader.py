"""A broken data file fails loudly, naming the file, the field and the problem."""

import json
import shutil
from pathlib import Path

import pytest
import yaml

from acupressure.atlas import AtlasDataError
from acupressure.atlas.aliases import AliasConflictError, AliasIndex
from acupressure.atlas.loader import data_dir, load_points


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(Path(str(data_dir())), tmp_path / "data")
    return tmp_path / "data"


def _edit(path: Path, change: dict[str, object]) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(change)
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")


def test_shipped_data_loads(data: Path) -> None:
    assert len(load_points(data)) == 14


def test_bad_value_names_file_and_field(data: Path) -> None:
    _edit(data / "points" / "BL23.yaml", {"laterality": "sideways"})
    with pytest.raises(AtlasDataError, match=r"BL23\.yaml: laterality: "):
        load_points(data)


def test_unknown_key_is_rejected(data: Path) -> None:
    _edit(data / "points" / "GV4.yaml", {"colour": "red"})
    with pytest.raises(AtlasDataError, match=r"GV4\.yaml: colour: Extra inputs"):
        load_points(data)


def test_unknown_source_is_rejected(data: Path) -> None:
    _edit(data / "points" / "LI4.yaml", {"sources": ["no-such-book"]})
    with pytest.raises(
        AtlasDataError, match=r"LI4\.yaml: sources: unknown source id.*no-such-book"
    ):
        load_points(data)


def test_file_must_be_named_after_its_code(data: Path) -> None:
    (data / "points" / "TE3.yaml").rename(data / "points" / "TE4.yaml")
    with pytest.raises(AtlasDataError, match=r"TE4\.yaml: code is TE3"):
        load_points(data)


def test_broken_yaml_is_reported(data: Path) -> None:
    (data / "points" / "KI27.yaml").write_text("code: [unclosed", encoding="utf-8")
    with pytest.raises(AtlasDataError, match=r"KI27\.yaml: not valid YAML"):
        load_points(data)


def test_missing_pregnancy_source_is_rejected(data: Path) -> None:
    path = data / "points" / "CV6.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["pregnancy"]["sources"] = []
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AtlasDataError, match=r"CV6\.yaml: pregnancy\.sources: "):
        load_points(data)


def test_two_points_claiming_one_alias_is_an_error(data: Path) -> None:
    _edit(data / "points" / "LR3.yaml", {"aliases": ["Hegu"]})
    with pytest.raises(AliasConflictError, match="Hegu"):
        AliasIndex(load_points(data))


def test_parsed_files_are_kept_and_reread_only_while_unchanged(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupressure.atlas import loader

    cache = tmp_path / "cache"
    monkeypatch.setattr(loader, "_cache_dir", lambda: cache)
    parsed = load_points(data)  # parses the YAML, keeps it
    [kept] = cache.glob("atlas-parsed-*.json")

    def no_yaml(name: str, _data: bytes) -> None:
        raise AssertionError(f"{name} parsed again")

    with monkeypatch.context() as m:
        m.setattr(loader, "_parse_yaml", no_yaml)
        assert load_points(data) == parsed  # validated again, from the kept parse
    _edit(data / "points" / "BL23.yaml", {"channel": "Urinary Bladder"})
    edited = {p.code: p for p in load_points(data)}  # a changed file: parsed afresh
    assert edited["BL23"].channel == "Urinary Bladder"
    assert [p.name for p in cache.glob("atlas-parsed-*.json")] != [kept.name]  # replaced
    [kept] = cache.glob("atlas-parsed-*.json")
    files = json.loads(kept.read_text(encoding="utf-8"))
    files[-1]["colour"] = "red"  # the last point file, as if the kept parse said so
    kept.write_text(json.dumps(files), encoding="utf-8")
    with pytest.raises(AtlasDataError, match=r"\.yaml: colour: Extra inputs"):
        load_points(data)  # a kept parse is validated like a fresh one


def test_a_damaged_or_missing_cache_only_means_parsing(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acupressure.atlas import loader

    cache = tmp_path / "cache"
    monkeypatch.setattr(loader, "_cache_dir", lambda: cache)
    expected = load_points(data)
    [kept] = cache.glob("atlas-parsed-*.json")
    kept.write_text('[{"code": ', encoding="utf-8")
    assert load_points(data) == expected
    unwritable = tmp_path / "file"
    unwritable.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(loader, "_cache_dir", lambda: unwritable / "cache")
    assert load_points(data) == expected
