"""The bundled font for Chinese: a subset of Noto Sans CJK SC (SIL Open Font License 1.1)
covering exactly the characters the translations use, made by scripts/font_subset.py.

PNG rendering hands it to resvg; a standalone SVG file embeds it (@font-face, only when its
text needs it); the web pages serve it as a web font. Nothing is downloaded at run time.
"""

from __future__ import annotations

import base64
from functools import cache
from importlib import resources
from pathlib import Path

FILE = "NotoSansSC-subset.ttf"
FAMILY = "Noto Sans CJK SC"  # the family name inside the subset (kept from the source)


def subset_path() -> Path:
    return Path(str(resources.files("acupressure.charts") / "fonts" / FILE))


@cache
def data_uri() -> str:
    """The subset as a ``data:`` URI (for @font-face in standalone SVG and PDF pages)."""
    data = base64.b64encode(subset_path().read_bytes()).decode("ascii")
    return f"data:font/ttf;base64,{data}"


def needs_font(text: str) -> bool:
    """Whether the text has characters a Latin font lacks (Chinese, full-width punctuation)."""
    return any(ord(ch) >= 0x2E80 for ch in text)


def embed(document: str) -> str:
    """A standalone SVG document that draws its Chinese with no CJK font on the machine."""
    if not needs_font(document):
        return document
    style = f'<style>@font-face{{font-family:"{FAMILY}";src:url({data_uri()})}}</style>'
    head_end = document.index(">", document.index("<svg")) + 1
    return document[:head_end] + style + document[head_end:]
