"""`acupressure locate` through Typer's CliRunner: JSON keys, annotated output, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from acupressure.cli import app

from . import badfiles
from .photos import hand_photos

runner = CliRunner()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (badfiles.TEXT, "not a photo"),
        (badfiles.truncated_jpeg(), "truncated or corrupt"),
        (badfiles.huge_png(), "too many pixels"),
        (badfiles.jpeg(640, 480), "no hand or body found"),
        (badfiles.dark_jpeg(), "too dark"),
    ],
    ids=["empty", "text", "truncated-jpeg", "30000x30000-bomb", "nobody", "dark"],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    image = tmp_path / "input.jpg"
    image.write_bytes(data)
    result = runner.invoke(app, ["locate", str(image), "--json"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and message in lines[0]
    assert result.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["locate", str(tmp_path / "nope.jpg")])
    assert result.exit_code == 2 and "not a file" in result.stderr


def test_unknown_point_exits_3(tmp_path: Path) -> None:
    image = tmp_path / "plain.jpg"
    image.write_bytes(badfiles.jpeg())
    result = runner.invoke(app, ["locate", str(image), "--points", "LU1"])
    assert result.exit_code == 3


@pytest.mark.vision
def test_json_and_annotated_image_for_a_real_photo(tmp_path: Path) -> None:
    photo = next(p for p in hand_photos() if p.name.startswith("none_00c84257"))
    out = tmp_path / "marked.png"
    args = ["locate", str(photo), "--points", "LI4,TW3", "--json", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"image", "detections", "warnings"}
    assert data["image"] == {"width": 384, "height": 512}
    hands = [d for d in data["detections"] if d["kind"] == "hand"]
    assert sorted(d["hand"] for d in hands) == ["left", "right"]
    for d in hands:
        assert set(d) >= {"kind", "hand", "facing", "confidence", "landmarks", "points"}
        assert d["small"] is False and d["size"] > 30  # about 40 px from wrist to knuckle
        assert len(d["landmarks"]) == 21
        assert {p["code"] for p in d["points"]} == {"LI4", "TE3"}  # TW3 is an alias of TE3
        for p in d["points"]:
            assert set(p) >= {"code", "x", "y", "radius", "on_visible_side", "note"}
            assert p["on_visible_side"] == (d["facing"] == "back")
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.vision
def test_a_real_run_keeps_mediapipe_logs_off_stderr() -> None:
    import subprocess
    import sys

    photo = hand_photos()[0]
    done = subprocess.run(
        [sys.executable, "-m", "acupressure", "locate", str(photo), "--points", "LI4", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["detections"]
    assert done.stderr == ""
