"""The project's license and the list of third-party files stay complete."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDOR_DIRS = [
    ROOT / "src/acupressure/web/static/web/vendor",
    ROOT / "src/acupressure/web/static/vendor",
    ROOT / "tests/web/vendor",
]


def test_the_project_is_apache_2() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0"
    assert "Apache License" in (ROOT / "LICENSE").read_text()[:200]
    for pattern in project["license-files"]:
        assert list(ROOT.glob(pattern)), f"license-files pattern {pattern} matches nothing"


def test_every_vendored_file_is_listed_with_its_license() -> None:
    listed = (ROOT / "THIRD_PARTY.md").read_text()
    vendored = [entry for folder in VENDOR_DIRS for entry in folder.iterdir()]
    assert vendored
    names = [e.relative_to(ROOT).as_posix() for e in vendored]
    missing = [name for name in names if name not in listed]
    assert not missing, f"not in THIRD_PARTY.md: {missing}"
