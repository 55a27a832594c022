"""Label layout shared by the charts and the camera's photos: boxes, a text width estimate,
and a deterministic placer that keeps labels clear of each other.

Each label offers candidate positions in order of preference; the placer takes the first one
that stays inside the frame and touches no placed label, marker or line. Nothing is random,
so the same drawing comes out the same every time. Pure Python: what a label looks like
(SVG text on a chart, text on a photo) is the caller's business.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from acupressure.geometry import Vec

NARROW = set("il.,:;'!|()[]/ftjrI-1")
WIDE = set("mwMW%@")


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def inside(self, other: Box) -> bool:
        return (
            self.x0 >= other.x0
            and self.x1 <= other.x1
            and self.y0 >= other.y0
            and self.y1 <= other.y1
        )

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def crosses(self, a: Vec, b: Vec) -> bool:
        """Whether the segment a-b passes through the box (Liang-Barsky clipping)."""
        t0, t1 = 0.0, 1.0
        dx, dy = b[0] - a[0], b[1] - a[1]
        for p, q in (
            (-dx, a[0] - self.x0),
            (dx, self.x1 - a[0]),
            (-dy, a[1] - self.y0),
            (dy, self.y1 - a[1]),
        ):
            if p == 0:
                if q < 0:
                    return False
            else:
                t = q / p
                if p < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
                if t0 > t1:
                    return False
        return True


def text_width(content: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the drawn width of DejaVu Sans text (the widest usual font)."""
    units = 0.0
    for ch in content:
        if ch == " ":
            units += 0.33
        elif ch in NARROW:
            units += 0.42
        elif ch in WIDE or "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef":
            units += 1.0  # Chinese characters and full-width punctuation: a full em
        elif ch.isupper() or ch.isdigit():
            units += 0.78
        else:
            units += 0.64
    return units * size * (1.1 if bold else 1.0)


class Sized(Protocol):
    """A label as the placer sees it: the box it takes when put at a reference point."""

    def box_at(self, x: float, y: float, align: str) -> Box: ...


Candidate = tuple[float, float, str]  # reference point and alignment, see Label.box_at


@dataclass
class Placer:
    """Places labels one by one inside ``frame``, clear of what is already there."""

    frame: Box
    boxes: list[Box]  # obstacles: markers, anchor squares, placed labels
    segments: list[tuple[Vec, Vec]]  # obstacles: guide lines and leaders
    placed: list[Box]  # the labels placed so far (what the tests check)

    @classmethod
    def empty(cls, frame: Box) -> Placer:
        return cls(frame, [], [], [])

    def free(self, box: Box, ignore: Sequence[tuple[Vec, Vec]] = ()) -> bool:
        if not box.inside(self.frame.grown(-3)):
            return False
        padded = box.grown(2)
        if any(padded.overlaps(b) for b in self.boxes):
            return False
        return not any(padded.crosses(a, b) for a, b in self.segments if (a, b) not in ignore)

    def leader_free(self, a: Vec, b: Vec, own: Box) -> bool:
        """A leader from a (a marker's centre, a line's middle) to b crosses no line, and no
        label or marker but its own."""
        if any(_cross(a, b, c, d) for c, d in self.segments):
            return False
        return not any(
            box.crosses(a, b)
            for box in self.boxes
            if box != own and not (box.x0 <= a[0] <= box.x1 and box.y0 <= a[1] <= box.y1)
        )

    def place(
        self, label: Sized, candidates: Iterable[Candidate], leader_from: Vec | None = None
    ) -> tuple[Box, Vec | None] | None:
        """Put the label at its first free candidate; with ``leader_from``, a candidate away
        from that point also needs a clear leader line. None when nothing is free."""
        for x, y, align in candidates:
            box = label.box_at(x, y, align)
            if not self.free(box):
                continue
            leader = None
            if leader_from is not None:
                leader = _nearest_on(box, leader_from)
                if not self.leader_free(leader_from, leader, box):
                    continue
            self.boxes.append(box)
            self.placed.append(box)
            if leader_from is not None and leader is not None:
                self.segments.append((leader_from, leader))
            return box, leader
        return None


def _cross(a: Vec, b: Vec, c: Vec, d: Vec) -> bool:
    """Whether segments a-b and c-d cross properly (touching ends do not count)."""

    def turn(p: Vec, q: Vec, r: Vec) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = turn(c, d, a), turn(c, d, b)
    d3, d4 = turn(a, b, c), turn(a, b, d)
    if min(abs(d1), abs(d2), abs(d3), abs(d4)) < 1e-6:  # an end on the other line
        return False
    return d1 * d2 < 0 and d3 * d4 < 0


def _nearest_on(box: Box, p: Vec) -> Vec:
    return (min(max(p[0], box.x0), box.x1), min(max(p[1], box.y0), box.y1))


def around(p: Vec, gaps: Sequence[float]) -> list[Candidate]:
    """Candidates beside a point at growing distances: right, left, above, below, diagonals
    (measuring lines are drawn below the points, so above comes first)."""
    out: list[Candidate] = []
    for g in gaps:
        d = g * 0.72
        out += [
            (p[0] + g, p[1], "right"),
            (p[0] - g, p[1], "left"),
            (p[0], p[1] - g, "above"),
            (p[0], p[1] + g, "below"),
            (p[0] + d, p[1] - d, "right"),
            (p[0] - d, p[1] - d, "left"),
            (p[0] + d, p[1] + d, "right"),
            (p[0] - d, p[1] + d, "left"),
        ]
    return out
