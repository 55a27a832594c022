"""Charts in Spanish and Chinese: no English left, and Chinese drawn with the bundled font
subset (resvg, no CJK font on the machine) for PNG and embedded in standalone SVG files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import resvg_py
from fontTools.ttLib import TTFont
from PIL import Image
from tests.i18n.english import english_left

from acupressure import charts, i18n
from acupressure.charts import fonts

CODES = ["LI4", "BL23", "GB21", "BL40", "LR3", "KI27"]  # hand, back, neck, knee, foot, front


def _text(svg: str) -> str:
    return " ".join(re.findall(r"<(?:text|tspan|title)[^>]*>([^<]*)<", svg))


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_chart_text_has_no_english_left(language: i18n.Language) -> None:
    with i18n.use(language):
        svg = charts.chart_svg(CODES)
    assert english_left(_text(svg), language) == []
    with i18n.use("en"):
        assert english_left(_text(charts.chart_svg(CODES)), language)  # the scan can fail


def test_the_font_covers_every_character_of_a_chinese_chart() -> None:
    with i18n.use("zh-Hans"):
        text = _text(charts.chart_svg(CODES))
    cmap = TTFont(str(fonts.subset_path())).getBestCmap()
    assert {ch for ch in text if ord(ch) > 0x2E7F}  # there is Chinese to draw
    assert [ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap] == []


def _ink(png: bytes) -> int:
    with Image.open(io.BytesIO(png)) as image:
        return sum(image.convert("L").point(lambda v: 255 if v < 128 else 0).histogram()[255:])


def test_chinese_is_drawn_only_with_the_bundled_font() -> None:
    """The same Chinese line rendered by resvg without system fonts: nothing drawn without
    our subset, glyphs drawn with it (so the PNG does not depend on the machine's fonts)."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">'
        '<rect width="400" height="60" fill="white"/>'
        '<text x="10" y="40" font-size="28" font-family="Noto Sans CJK SC">穴位：合谷，两侧</text>'
        "</svg>"
    )
    bare = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True))
    drawn = bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg, skip_system_fonts=True, font_files=[str(fonts.subset_path())]
        )
    )
    assert _ink(bare) == 0 and _ink(drawn) > 500


def test_chinese_chart_png_and_svg_files(tmp_path: Path) -> None:
    with i18n.use("zh-Hans"):
        charts.write_chart(["LI4", "BL23"], tmp_path / "zh.png")
        charts.write_chart(["LI4", "BL23"], tmp_path / "zh.svg")
        charts.write_chart(["LI4"], tmp_path / "zh-only-latin.svg")
    with Image.open(tmp_path / "zh.png") as image:
        assert image.size[0] > 1000
    assert _ink((tmp_path / "zh.png").read_bytes()) > 10000
    svg = (tmp_path / "zh.svg").read_text(encoding="utf-8")
    assert "@font-face" in svg and "data:font/ttf;base64," in svg and "穴位" in svg
    with i18n.use("en"):
        charts.write_chart(["LI4"], tmp_path / "en.svg")
    assert "@font-face" not in (tmp_path / "en.svg").read_text(encoding="utf-8")
