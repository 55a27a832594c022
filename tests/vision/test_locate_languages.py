"""`acupressure locate` in Spanish and Chinese: refusals, notes and the table translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.i18n.english import english_left
from typer.testing import CliRunner

from acupressure.cli import app

from . import badfiles
from .photos import hand_photos

pytestmark = pytest.mark.vision
runner = CliRunner()


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_locate_speaks_the_language(language: str, tmp_path: Path) -> None:
    outputs = []
    for name, data in (
        ("empty.jpg", b""),
        ("text.jpg", badfiles.TEXT),
        ("nobody.jpg", badfiles.jpeg(640, 480)),
        ("dark.jpg", badfiles.dark_jpeg()),
    ):
        (tmp_path / name).write_bytes(data)
        result = runner.invoke(app, ["--lang", language, "locate", str(tmp_path / name)])
        assert result.exit_code == 2
        outputs.append(result.output)
    photo = next(p for p in hand_photos() if p.name.startswith("none_00c84257"))
    args = ["--lang", language, "locate", str(photo), "--points", "LI4,TE3,BL23"]
    result = runner.invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    outputs.append(result.output)
    text = "\n".join(outputs)
    assert english_left(text, language) == []  # type: ignore[arg-type]
    assert ("mano" if language == "es" else "手") in result.output
