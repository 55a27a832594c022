"""Charts: valid SVG for every point, real PNGs, and the CLI's exit codes."""

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from acupressure import atlas, charts
from acupressure.cli import app

SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


@pytest.mark.parametrize("point", atlas.all_points(), ids=lambda p: p.code)
def test_every_point_renders_as_valid_svg_with_its_guide(point: atlas.Point) -> None:
    root = ET.fromstring(charts.chart_svg([point.code]))
    assert root.tag == f"{SVG}svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    labels = (
        [f"{point.code} L", f"{point.code} R"] if point.laterality == "bilateral" else [point.code]
    )
    for label in labels:
        assert label in texts
    assert "Find it:" in texts
    for offset in point.rule.offsets:
        assert f"{offset.cun:g} cun" in texts


def test_bl23_chart_shows_the_measure_in_finger_widths_and_the_level() -> None:
    texts = " ".join(ET.fromstring(charts.chart_svg(["B23"])).itertext())
    assert "1.5 cun" in texts
    assert "two finger-widths" in texts
    assert "level with L2" in texts


def test_points_on_different_views_share_one_file_one_panel_each() -> None:
    root = ET.fromstring(charts.chart_svg(["BL23", "LI4", "LR3", "B47"]))
    panels = [g for g in root.findall(f"{SVG}g") if g.get("transform", "").startswith("translate")]
    assert len(panels) == 3  # back (BL23 and BL52), hand, foot


def test_png_is_a_real_non_blank_image() -> None:
    image = Image.open(io.BytesIO(charts.chart_png(["GB21"], zoom=1)))
    assert image.format == "PNG"
    assert image.width > 600 and image.height > 400  # one view: whole figure beside the detail
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50
    assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)  # white paper behind the figure


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_cli_writes_the_file(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    result = runner.invoke(app, ["chart", "LV3", "Hegu", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"<svg" if suffix == ".svg" else b"\x89PNG")


def test_cli_unknown_code_is_not_found(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chart", "BL23", "BL47", "-o", str(tmp_path / "c.svg")])
    assert result.exit_code == 3
    assert not (tmp_path / "c.svg").exists()


@pytest.mark.parametrize("name", ["chart.pdf", "chart", "missing-dir/chart.svg"])
def test_cli_bad_output_path_is_bad_input(tmp_path: Path, name: str) -> None:
    result = runner.invoke(app, ["chart", "BL23", "-o", str(tmp_path / name)])
    assert result.exit_code == 2
    assert "error:" in result.output


def test_point_json_has_the_chart_object() -> None:
    result = runner.invoke(app, ["point", "GV14", "--json"])
    chart = json.loads(result.stdout)["chart"]
    assert chart["view"] == "back"
    assert chart["positions"] == [{"side": "midline", "x": 0.0, "y": pytest.approx(269.0)}]
    assert chart["radius"] > 0 and chart["cun_mm"] == pytest.approx(22.67)
