"""Make the font subset that draws Chinese in charts and pages with no CJK font installed.

Source: Noto Sans CJK SC Regular (Google and Adobe, SIL Open Font License 1.1), from
Debian's fonts-noto-cjk (NotoSansCJK-Regular.ttc; any copy of that file will do). The
subset keeps exactly the characters the Chinese translations use (the zh_Hans catalog and
the zh-Hans data files, the languages' own names) plus printable ASCII (codes, pinyin,
numbers) and a few marks the pages use (· – × →), and is committed as
src/acupressure/charts/fonts/NotoSansSC-subset.ttf (fontTools, at build time only).

The source is a CID-keyed CFF font; a subset of it keeps the original, sparse CIDs, and a
PDF that addresses glyphs by index (WeasyPrint's Identity-H codes) then draws blanks in
pdf.js and MuPDF and boxes in Ghostscript. So the subset's outlines are converted to
TrueType (quadratic curves, within 1 font unit of the cubic ones): a TrueType font in a
PDF is addressed by glyph index in every engine.

A second, tiny subset (NotoSansSC-names.woff2) holds only the hanzi that pages in every
language show: the points' Chinese names and the language switcher's own names. Its
@font-face in site.css lists exactly those characters as its unicode-range (written here,
between the markers), and the big subset's covers the CJK blocks only, so a browser fetches
the big one only for a page with other Chinese text (a Chinese page).

    python scripts/font_subset.py [--source PATH/NotoSansCJK-Regular.ttc]
    python scripts/font_subset.py --names-only   # only the names face (and its CSS)
    python scripts/font_subset.py --check   # the committed subsets cover every character
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "acupressure"
OUTPUT = PACKAGE / "charts" / "fonts" / "NotoSansSC-subset.ttf"
NAMES_OUTPUT = PACKAGE / "charts" / "fonts" / "NotoSansSC-names.woff2"
CSS = PACKAGE / "web" / "static" / "web" / "site.css"
CSS_START, CSS_END = "/* names-face: start */", "/* names-face: end */"
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FAMILY = "Noto Sans CJK SC"
ASCII = {chr(c) for c in range(0x20, 0x7F)}
# Written into pages and charts outside the translations: separators, signs, arrows.
MARKS = set("·–—×±…“”‘’→")
MAXP_TRUETYPE = [
    "maxPoints",
    "maxContours",
    "maxCompositePoints",
    "maxCompositeContours",
    "maxTwilightPoints",
    "maxStorage",
    "maxFunctionDefs",
    "maxInstructionDefs",
    "maxStackElements",
    "maxSizeOfInstructions",
    "maxComponentElements",
    "maxComponentDepth",
]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def texts() -> list[str]:
    """Every Chinese text the product shows: the catalog's and the data's translations."""
    found: list[str] = []
    po = PACKAGE / "i18n" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with po.open("rb") as f:
        for message in read_po(f, locale="zh_Hans"):
            found += [message.string] if isinstance(message.string, str) else list(message.string)
    for file in sorted(PACKAGE.rglob("data/i18n/zh-Hans/*.yaml")):
        found += _strings(yaml.safe_load(file.read_text(encoding="utf-8")))
    return found


def characters() -> set[str]:
    from acupressure.i18n import NAMES

    chars = ASCII | MARKS | set("".join(NAMES.values()))  # the switcher names each language
    for text in texts():
        chars.update(ch for ch in text if ch not in "\n\t")
    return chars


def name_characters() -> set[str]:
    """The hanzi every language's pages may show: point names and the languages' names."""
    from acupressure import atlas
    from acupressure.i18n import NAMES

    text = "".join(str(p.names.hanzi) for p in atlas.all_points()) + "".join(NAMES.values())
    return {ch for ch in text if ord(ch) >= 0x2E80}


def names_css() -> str:
    """The names face's @font-face, its unicode-range exactly the characters it holds."""
    ranges = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(name_characters()))
    return (
        f'{CSS_START}\n@font-face {{ font-family: "Acupressure Hanzi Names"; '
        f'src: url("../fonts/{NAMES_OUTPUT.name}") format("woff2");\n'
        f"  font-display: swap; unicode-range: {ranges}; }}\n{CSS_END}"
    )


def _write_css() -> None:
    css = CSS.read_text(encoding="utf-8")
    start, end = css.index(CSS_START), css.index(CSS_END) + len(CSS_END)
    CSS.write_text(css[:start] + names_css() + css[end:], encoding="utf-8")


def build_names(source: Path) -> None:
    font = _source_font(source)
    options = subset.Options()
    options.name_IDs = ["*"]  # the copyright and license records stay
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(name_characters())))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(str(NAMES_OUTPUT))
    _write_css()
    size = NAMES_OUTPUT.stat().st_size
    print(f"{NAMES_OUTPUT.relative_to(ROOT)}: {len(name_characters())} characters, {size} bytes")


def _source_font(path: Path) -> TTFont:
    if path.suffix.lower() == ".ttc":
        for font in TTCollection(str(path)).fonts:
            if font["name"].getDebugName(1) == FAMILY:
                return font
        raise SystemExit(f"{path}: no {FAMILY!r} face in this collection")
    return TTFont(str(path))


def build(source: Path) -> None:
    font = _source_font(source)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright, license and name records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters())))
    subsetter.subset(font)
    to_truetype(font)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUTPUT))
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(characters())} characters, {OUTPUT.stat().st_size} bytes"
    )


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by TrueType ones (glyf, loca), glyph for glyph, in place."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        del font[tag]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in MAXP_TRUETYPE:
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    post.glyphOrder = None
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def missing() -> list[str]:
    cmap = TTFont(str(OUTPUT)).getBestCmap()
    names = TTFont(str(NAMES_OUTPUT)).getBestCmap()
    lacking = {ch for ch in characters() if ord(ch) not in cmap}
    return sorted(lacking | {ch for ch in name_characters() if ord(ch) not in names})


def css_current() -> bool:
    return names_css() in CSS.read_text(encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--check", action="store_true")
    parser.add_argument(
        "--names-only", action="store_true", help="make only the names face (and its CSS)"
    )
    args = parser.parse_args(argv)
    if args.check:
        lacking = missing()
        if lacking:
            print(f"the font subsets lack {''.join(lacking)!r}; run scripts/font_subset.py")
            return 1
        if not css_current():
            print("site.css's names face is not the current one; run scripts/font_subset.py")
            return 1
        return 0
    if not args.names_only:
        build(args.source)
    build_names(args.source)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
