"""Outside judges for our PDFs: engines other than the library that wrote them.

- poppler (pdftotext, pdftoppm): the line boxes, and the reference render;
- MuPDF (``mutool draw``: text and render), Ghostscript (``gs``: txtwrite text and a
  render), pdf.js (pdfjs-dist in Node, ``tests/exports/pdfjs/judge.mjs``: getTextContent
  and a render through @napi-rs/canvas).

Each engine's text is compared with the text we put in; each engine's render is compared,
text line by text line, with poppler's render of the same line (normalised correlation,
best over shifts of up to 2 pixels): a font an engine cannot read draws blanks (MuPDF) or
boxes (Ghostscript), which correlate poorly with the real glyphs (measured: 1 - r of 0.81 to
2 for the old CFF subset, at most 0.41 for glyphs drawn right). Installed by
scripts/test.sh: apt mupdf-tools, ghostscript, poppler-utils, nodejs; npm ci in
tests/exports/pdfjs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

DPI = 100
PDFJS = Path(__file__).parent / "pdfjs"
ENGINES = ("mupdf", "ghostscript", "pdfjs")
MIN_CORRELATION = 0.5


@dataclass(frozen=True)
class Line:
    page: int
    box: tuple[float, float, float, float]  # points, from the top left
    text: str


def need_judges() -> None:
    """Skip where the judges are not installed (a contributor's machine); fail on CI."""
    missing = [tool for tool in ("mutool", "gs", "node", "pdftoppm") if not shutil.which(tool)]
    if not (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
        missing.append("tests/exports/pdfjs/node_modules (npm ci)")
    if missing:
        message = f"PDF judges not installed ({', '.join(missing)}): run scripts/test.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def lines(pdf: Path) -> list[Line]:
    """Every text line with its box, as poppler lays them out."""
    found = []
    xml = run("pdftotext", "-bbox-layout", str(pdf), "-")
    for number, page in enumerate(xml.split("<page ")[1:], 1):
        for m in re.finditer(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
            page,
            re.S,
        ):
            words = re.findall(r">([^<]*)</word>", m[5])
            box = (float(m[1]), float(m[2]), float(m[3]), float(m[4]))
            found.append(Line(number, box, "".join(words)))
    return found


def _pages(folder: Path) -> dict[int, Image.Image]:
    return {
        int(p.stem.rsplit("-", 1)[1]): Image.open(p).convert("L") for p in folder.glob("p-*.png")
    }


def render(engine: str, pdf: Path, folder: Path) -> dict[int, Image.Image]:
    """Page number -> greyscale render at DPI."""
    folder.mkdir(parents=True, exist_ok=True)
    if engine == "poppler":
        run("pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / "p"))
    elif engine == "mupdf":
        run(
            "mutool",
            "draw",
            "-q",
            "-r",
            str(DPI),
            "-c",
            "gray",
            "-o",
            f"{folder}/p-%d.png",
            str(pdf),
        )
    elif engine == "ghostscript":
        run(
            "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", f"-r{DPI}",
            "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", f"-sOutputFile={folder}/p-%d.png",
            str(pdf),
        )  # fmt: skip
    else:
        pdfjs(pdf, folder)
    return _pages(folder)


def pdfjs(pdf: Path, folder: Path) -> dict[str, object]:
    """pdf.js's text per page, its warnings, title and language; pages as p-N.png."""
    folder.mkdir(parents=True, exist_ok=True)
    out = run("node", str(PDFJS / "judge.mjs"), str(pdf), str(folder), str(DPI))
    result: dict[str, object] = json.loads(out)
    return result


def text(engine: str, pdf: Path, folder: Path) -> str:
    """The text an engine extracts from the whole document."""
    if engine == "mupdf":
        return run("mutool", "draw", "-q", "-F", "txt", "-o", "-", str(pdf))
    if engine == "ghostscript":
        return run(
            "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite",
            "-sOutputFile=-", str(pdf),
        )  # fmt: skip
    result = pdfjs(pdf, folder)
    pages = result["pages"]
    assert isinstance(pages, list)
    return "\n".join(str(page["text"]) for page in pages)


def squeeze(text: str) -> str:
    """Text without any white space: engines break and space lines differently."""
    return re.sub(r"\s+", "", text)


def correlation(reference: Image.Image, other: Image.Image, line: Line) -> float:
    """How alike two renders are inside a line's box: the best normalised correlation of
    their ink over shifts of up to 2 pixels (engines place glyphs a pixel apart)."""
    scale = DPI / 72
    x0, y0, x1, y1 = line.box
    box = (int((x0 - 1) * scale), int((y0 - 1) * scale), int((x1 + 1) * scale) + 1,
           int((y1 + 1) * scale) + 1)  # fmt: skip
    a = 255.0 - np.asarray(reference.crop(box), dtype=float)
    b = 255.0 - np.asarray(other.crop(box), dtype=float)
    height, width = a.shape
    best = -1.0
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            aa = a[max(0, dy) : height + min(0, dy), max(0, dx) : width + min(0, dx)]
            bb = b[max(0, -dy) : height + min(0, -dy), max(0, -dx) : width + min(0, -dx)]
            aa, bb = aa - aa.mean(), bb - bb.mean()
            norm = float(np.sqrt((aa * aa).sum() * (bb * bb).sum()))
            if norm > 0:
                best = max(best, float((aa * bb).sum()) / norm)
    return best


_REFERENCES: dict[Path, tuple[dict[int, Image.Image], list[Line]]] = {}


def _reference(pdf: Path, folder: Path) -> tuple[dict[int, Image.Image], list[Line]]:
    """poppler's render and line boxes of a document, made once per file."""
    if pdf not in _REFERENCES:
        _REFERENCES[pdf] = render("poppler", pdf, folder / "poppler"), lines(pdf)
    return _REFERENCES[pdf]


def badly_drawn(pdf: Path, engine: str, folder: Path) -> list[tuple[str, float]]:
    """The text lines an engine draws unlike poppler (blank, boxes, other glyphs)."""
    reference, boxes = _reference(pdf, folder)
    drawn = render(engine, pdf, folder / engine)
    assert sorted(drawn) == sorted(reference), f"{engine} drew another number of pages"
    bad = []
    for line in boxes:
        if not line.text.strip():
            continue
        r = correlation(reference[line.page], drawn[line.page], line)
        if r < MIN_CORRELATION:
            bad.append((line.text, round(r, 2)))
    return bad
