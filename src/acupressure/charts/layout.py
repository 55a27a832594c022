"""Chart labels: lines of SVG text in a box, placed by the shared placer
(:mod:`acupressure.layout`, re-exported here) clear of each other, markers and lines."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from acupressure.charts import svg
from acupressure.geometry import Vec
from acupressure.layout import Box, Candidate, Placer, around, text_width

__all__ = [
    "LINE_GAP",
    "Box",
    "Candidate",
    "Label",
    "Line",
    "Placer",
    "Vec",
    "around",
    "is_wide",
    "text_width",
    "wrap",
]

LINE_GAP = 1.22  # line height as a share of the font size


def is_wide(ch: str) -> bool:
    """A character drawn a full em wide: Chinese characters and their punctuation."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


CLOSING = set("）。，、；：！？”’)]},.;:!?")  # never starts a line


def wrap(text: str, width: int, break_on_hyphens: bool = True) -> list[str]:
    """Lines of at most ``width`` narrow characters; a Chinese character counts as two, and
    Chinese text (no spaces) breaks between any two characters."""
    if not any(is_wide(ch) for ch in text):
        return textwrap.wrap(text, width, break_on_hyphens=break_on_hyphens)
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        size = 2 if is_wide(ch) else 1
        if used + size > width and line and ch not in CLOSING:
            lines.append(line.rstrip())
            line, used = "", 0
            if ch == " ":
                continue
        line += ch
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


@dataclass(frozen=True)
class Line:
    text: str
    size: float = 12
    bold: bool = True


@dataclass(frozen=True)
class Label:
    """A block of text lines; ``color`` is its ink, the halo keeps it legible over drawings."""

    lines: tuple[Line, ...]
    color: str = svg.GUIDE

    @property
    def width(self) -> float:
        return max(text_width(ln.text, ln.size, ln.bold) for ln in self.lines)

    @property
    def height(self) -> float:
        return sum(ln.size * LINE_GAP for ln in self.lines)

    def box_at(self, x: float, y: float, align: str) -> Box:
        """The box when the label's reference point is (x, y): align is one of
        "left", "right", "above", "below", "centre" (where the text sits from the point)."""
        w, h = self.width, self.height
        if align == "left":  # text to the left of the point, vertically centred
            return Box(x - w, y - h / 2, x, y + h / 2)
        if align == "right":
            return Box(x, y - h / 2, x + w, y + h / 2)
        if align == "above":
            return Box(x - w / 2, y - h, x + w / 2, y)
        if align == "below":
            return Box(x - w / 2, y, x + w / 2, y + h)
        return Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)

    def svg_at(self, box: Box) -> str:
        out, y = [], box.y0
        for ln in self.lines:
            y += ln.size * LINE_GAP
            out.append(
                svg.text(
                    (box.x0 + box.x1) / 2,
                    y - ln.size * 0.3,
                    ln.text,
                    ln.size,
                    "middle",
                    "bold" if ln.bold else "normal",
                    self.color,
                    True,
                )
            )
        return "\n".join(out)
