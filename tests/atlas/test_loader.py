"""A broken data file fails loudly, naming the file, the field and the problem."""

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
