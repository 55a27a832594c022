"""The canonical figures' shapes: skin outlines and anatomical details, in landmark units (mm).

Shapes are drawn from the canonical landmark sets and a few proportions of a 1700 mm body;
nothing is traced. ``figure(view).contains(x, y)`` says whether a position lies on the body.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from acupressure.body.canonical import (
    ANKLE_GAP,
    FOOT_GAP,
    HAND_GAP,
    ankle_local,
    canonical,
    foot_local,
    hand_local,
    spinous_y,
)
from acupressure.body.vocabulary import View
from acupressure.geometry import Vec

Kind = Literal["bone", "crease", "feature", "guide"]


@dataclass(frozen=True)
class Stroke:
    points: tuple[Vec, ...]
    kind: Kind = "bone"
    closed: bool = False
    smooth: bool = True


@dataclass(frozen=True)
class Capsule:
    """A rounded limb segment (finger, toe) along a polyline, of a given width."""

    points: tuple[Vec, ...]
    width: float


@dataclass
class Figure:
    view: View
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the drawing
    outlines: list[tuple[Vec, ...]] = field(default_factory=list)  # closed skin contours
    ellipses: list[tuple[float, float, float, float]] = field(default_factory=list)  # cx cy rx ry
    capsules: list[Capsule] = field(default_factory=list)
    details: list[Stroke] = field(default_factory=list)
    marks: list[tuple[Vec, float]] = field(default_factory=list)  # small filled dots (navel...)
    labels: list[tuple[Vec, str]] = field(default_factory=list)  # orientation words

    def contains(self, x: float, y: float) -> bool:
        if any(_in_polygon(x, y, poly) for poly in self.outlines):
            return True
        if any(
            ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 for cx, cy, rx, ry in self.ellipses
        ):
            return True
        return any(_near_polyline(x, y, c.points, c.width / 2) for c in self.capsules)


def _mirror(points: list[Vec]) -> tuple[Vec, ...]:
    """A symmetric contour from its right half (x >= 0, listed top to bottom)."""
    return tuple(points + [(-x, y) for x, y in reversed(points)])


_BODY_HALF: list[Vec] = [
    (50, 200), (54, 240), (75, 256), (120, 271), (165, 284), (192, 297), (208, 318),
    (216, 350), (217, 400), (214, 460), (212, 540), (214, 620), (218, 700), (224, 790),
    (230, 860), (236, 900), (238, 960), (228, 1020), (212, 1046), (197, 1040), (190, 1000),
    (188, 940), (190, 880), (186, 800), (180, 700), (176, 630), (172, 560), (168, 470),
    (160, 425), (150, 432), (142, 500), (132, 580), (130, 630), (138, 690), (150, 740),
    (163, 800), (168, 860), (166, 940), (156, 1040), (142, 1140), (133, 1230), (133, 1290),
    (141, 1360), (136, 1440), (124, 1520), (117, 1590), (121, 1640), (132, 1680), (128, 1700),
    (70, 1700), (60, 1662), (64, 1600), (61, 1520), (55, 1420), (51, 1330), (49, 1262),
    (47, 1200), (36, 1080), (22, 960), (8, 895), (0, 888),
]  # fmt: skip


def _body(view: View, box: tuple[float, float, float, float]) -> Figure:
    fig = Figure(view, box, outlines=[_mirror(_BODY_HALF)], ellipses=[(0, 112, 74, 112)])
    back = view != "front"
    fig.ellipses += [(-76, 118, 9, 22), (76, 118, 9, 22)]  # ears
    left_x = -1 if back else 1
    fig.labels += [((left_x * 205, 250), "LEFT"), ((-left_x * 205, 250), "RIGHT")]
    return fig


def _back_details(fig: Figure) -> None:
    lm = canonical("back").points
    for level in ["C7", *(f"T{i}" for i in range(1, 13)), *(f"L{i}" for i in range(1, 6))]:
        y = spinous_y(level)
        fig.details.append(Stroke(((0, y - 6), (4, y), (0, y + 6), (-4, y)), "bone", closed=True))
    fig.details.append(Stroke(((0, 130), (0, 880)), "guide", smooth=False))
    for s in ("left", "right"):
        k = -1 if s == "left" else 1
        sup, root = lm[f"scapula_superior_angle.{s}"], lm[f"scapula_medial_border.{s}"]
        inf, acr = lm[f"scapula_inferior_angle.{s}"], lm[f"acromion_end.{s}"]
        fig.details.append(
            Stroke((sup, (k * 120, 312), (k * 160, 322), (k * 150, 380), inf, root), closed=True)
        )
        fig.details.append(Stroke((root, (k * 120, 318), acr)))
        crest = lm[f"iliac_crest.{s}"]
        fig.details.append(Stroke(((k * 55, 740), (k * 100, 708), crest, (k * 158, 716))))
        fig.details.append(Stroke(((k * 25, 925), (k * 90, 930), (k * 150, 915)), "crease"))
        fig.marks.append(((k * 38, 760), 3.0))  # dimples over the posterior iliac spines
    fig.details.append(Stroke(((0, 795), (0, 890)), "crease", smooth=False))
    fig.details.append(Stroke(((-50, 150), (-25, 128), (0, 125), (25, 128), (50, 150)), "bone"))


def _front_details(fig: Figure) -> None:
    lm = canonical("front").points
    notch, xiph = lm["suprasternal_notch"], lm["xiphisternal_junction"]
    fig.details.append(
        Stroke(
            (
                (-16, notch[1] + 4),
                (-18, 420),
                (-8, xiph[1]),
                (8, xiph[1]),
                (18, 420),
                (16, notch[1] + 4),
            ),
            "bone",
            closed=True,
        )
    )
    for s in ("left", "right"):
        k = 1 if s == "left" else -1
        med, lat = lm[f"clavicle_medial_end.{s}"], lm[f"clavicle_lateral_end.{s}"]
        lo_m, lo_l = lm[f"clavicle_lower_medial.{s}"], lm[f"clavicle_lower_lateral.{s}"]
        fig.details.append(
            Stroke((med, (k * 70, 312), (k * 125, 304), lat, lo_l, lo_m), closed=True)
        )
        fig.details.append(Stroke(((k * 10, xiph[1] + 8), (k * 70, 570), (k * 125, 612)), "bone"))
        fig.marks.append((lm[f"nipple.{s}"], 4.0))
        fig.details.append(Stroke(((k * 118, 780), (k * 75, 805), (k * 30, 822)), "crease"))
    navel, pubis = lm["umbilicus"], lm["pubic_symphysis"]
    fig.details.append(Stroke(((navel[0] - 6, navel[1]), (navel[0], navel[1] + 5),
                               (navel[0] + 6, navel[1])), "crease"))  # fmt: skip
    fig.marks.append((navel, 3.5))
    fig.details.append(Stroke(((-20, pubis[1] + 4), (20, pubis[1] + 4)), "bone", smooth=False))
    fig.details.append(Stroke(((0, notch[1]), (0, pubis[1])), "guide", smooth=False))


def _neck_details(fig: Figure) -> None:
    _back_details(fig)
    lm = canonical("neck").points
    for s in ("left", "right"):
        k = -1 if s == "left" else 1
        edge = lm[f"trapezius_border.{s}"]
        fig.details.append(Stroke(((k * 22, 135), edge, (k * 34, 215), (k * 70, 256)), "feature"))
        fig.marks.append((lm[f"mastoid.{s}"], 3.0))
    y = lm["c2_spinous"][1]
    fig.details.append(Stroke(((0, y - 6), (4, y), (0, y + 6), (-4, y)), "bone", closed=True))


def _knee_details(fig: Figure) -> None:
    lm = canonical("knee").points
    for s in ("left", "right"):
        k = -1 if s == "left" else 1
        med, lat = lm[f"popliteal_crease_medial.{s}"], lm[f"popliteal_crease_lateral.{s}"]
        mid = ((med[0] + lat[0]) / 2, med[1] + 4)
        fig.details.append(Stroke((med, mid, lat), "crease"))
        fig.details.append(Stroke(((k * 62, 1280), (k * 70, 1380), (k * 88, 1480)), "feature"))
        fig.details.append(Stroke(((k * 122, 1280), (k * 125, 1380), (k * 100, 1480)), "feature"))
        fig.marks += [(lm[f"lateral_malleolus.{s}"], 4.0), (lm[f"medial_malleolus.{s}"], 4.0)]
        fig.details.append(Stroke(((k * 80, 1500), (k * 88, 1600), (k * 92, 1680)), "feature"))


_ANKLE_OUTLINE: list[Vec] = [
    (-62, -420), (-76, -300), (-70, -200), (-54, -110), (-46, -40), (-50, 10), (-62, 40),
    (-66, 62), (-56, 84), (-20, 90), (60, 92), (140, 94), (190, 92), (202, 84), (196, 72),
    (160, 62), (110, 46), (62, 26), (38, 2), (34, -60), (38, -150), (46, -280), (52, -420),
]  # fmt: skip


def _ankle() -> Figure:
    fig = Figure("ankle", (-320, -230, 320, 125))
    local = ankle_local()
    for s, k in (("right", 1), ("left", -1)):

        def at(p: Vec, k: int = k) -> Vec:
            return (k * (ANKLE_GAP + p[0]), p[1])

        fig.outlines.append(tuple(at(p) for p in _ANKLE_OUTLINE))
        fig.marks.append((at(local["lateral_malleolus"]), 9.0))
        fig.details.append(
            Stroke(tuple(at(p) for p in ((-36, -4), (-40, -60), (-48, -140))), "feature")
        )
        fig.details.append(Stroke(tuple(at(p) for p in ((0, 0), (-6, -150), (-18, -340))), "bone"))
        fig.details.append(Stroke(tuple(at(p) for p in (local["mt5_base"], (150, 84))), "bone"))
        fig.details.append(Stroke(tuple(at(p) for p in ((-40, -362), (-62, -362))), "crease"))
        fig.labels.append((at((70, 118)), f"{s.upper()} leg, outer side"))
    return fig


def _pair_figure(view: View, gap: float, shape: _LocalShape, box: tuple[float, ...]) -> Figure:
    fig = Figure(view, (box[0], box[1], box[2], box[3]))
    for s, k in (("right", 1), ("left", -1)):

        def at(p: Vec, k: int = k) -> Vec:
            return (k * (gap + p[0]), p[1])

        fig.outlines.append(tuple(at(p) for p in shape.outline))
        fig.capsules += [Capsule(tuple(at(p) for p in c.points), c.width) for c in shape.capsules]
        fig.details += [Stroke(tuple(at(p) for p in d.points), d.kind) for d in shape.details]
        fig.labels.append((at(shape.label_at), s.upper()))
    return fig


@dataclass(frozen=True)
class _LocalShape:
    outline: tuple[Vec, ...]
    capsules: tuple[Capsule, ...]
    details: tuple[Stroke, ...]
    label_at: Vec


def _hand_shape() -> _LocalShape:
    h = hand_local()
    tips = {"2": (-27, -172), "3": (-9, -186), "4": (10, -176), "5": (29, -148)}
    pips = {"2": (-26, -130), "3": (-9, -138), "4": (10, -132), "5": (29, -112)}
    widths = {"2": 17.0, "3": 18.0, "4": 17.0, "5": 15.0}
    fingers = (
        *(Capsule((h[f"mcp{d}"], pips[d], tips[d]), widths[d]) for d in "2345"),
        Capsule((h["mc1_base"], h["mcp1"], (-67, -80), (-76, -101)), 21.0),
    )
    outline = (
        (-30, 45), (-30, 0), (-33, -30), (-38, -62), (-37, -86), (-20, -97), (0, -100),
        (20, -96), (37, -84), (38, -40), (34, 0), (31, 45),
    )  # fmt: skip
    bones = tuple(Stroke((h[f"mc{d}_base"], h[f"mcp{d}"]), "bone", smooth=False) for d in "12345")
    knuckles = (
        *(Stroke(_circle(h[f"mcp{d}"], 5.5), "bone", closed=True) for d in "2345"),
        Stroke(_circle(h["mcp1"], 5.0), "bone", closed=True),
    )
    wrist = (Stroke(((-29, 0), (0, 3), (30, 0)), "crease"),)
    return _LocalShape(outline, fingers, bones + knuckles + wrist, (0, 70))


def _foot_shape() -> _LocalShape:
    f = foot_local()
    heads = {"1": f["mtp1"], "2": f["mtp2"], "3": (8, -131), "4": (25, -121), "5": f["mtp5"]}
    tips = {"1": (-37, -182), "2": (-13, -174), "3": (9, -164), "4": (27, -152), "5": (44, -132)}
    widths = {"1": 29.0, "2": 17.0, "3": 16.0, "4": 15.0, "5": 14.0}
    toes = tuple(Capsule((heads[d], tips[d]), widths[d]) for d in "12345")
    outline = (
        (-36, 70), (-37, 30), (-45, 8), (-42, -20), (-47, -60), (-50, -100), (-50, -128),
        (-30, -150), (0, -150), (25, -138), (46, -118), (54, -92), (52, -50), (47, -5),
        (50, 16), (42, 34), (40, 70),
    )  # fmt: skip
    bases = {"1": f["mt1_base"], "2": f["mt2_base"], "3": (8, -50), "4": (20, -45), "5": (34, -38)}
    bones = tuple(Stroke((bases[d], heads[d]), "bone", smooth=False) for d in "12345")
    nails = tuple(
        Stroke(
            _circle((tips[d][0], tips[d][1] + widths[d] * 0.22), widths[d] * 0.3), "crease", True
        )
        for d in "12345"
    )
    ankle = (Stroke(((-36, 22), (0, 10), (40, 24)), "crease"),)
    return _LocalShape(outline, toes, bones + nails + ankle, (0, 95))


def _circle(c: Vec, r: float, n: int = 12) -> tuple[Vec, ...]:
    return tuple(
        (c[0] + r * math.cos(2 * math.pi * i / n), c[1] + r * math.sin(2 * math.pi * i / n))
        for i in range(n)
    )


@cache
def figure(view: View) -> Figure:
    """The canonical figure of a view: outlines, details and the drawing's box."""
    if view == "back":
        fig = _body(view, (-260, -20, 260, 1000))
        _back_details(fig)
    elif view == "front":
        fig = _body(view, (-260, -20, 260, 1000))
        _front_details(fig)
    elif view == "neck":
        fig = _body(view, (-185, 55, 185, 345))
        _neck_details(fig)
        fig.labels = [((-150, 335), "LEFT"), ((150, 335), "RIGHT")]
    elif view == "knee":
        fig = _body(view, (-170, 850, 170, 1720))
        _knee_details(fig)
        fig.labels = [((-120, 1700), "LEFT"), ((120, 1700), "RIGHT")]
    elif view == "ankle":
        fig = _ankle()
    elif view == "hand":
        fig = _pair_figure(view, HAND_GAP, _hand_shape(), (-220, -210, 220, 100))
    else:
        fig = _pair_figure(view, FOOT_GAP, _foot_shape(), (-150, -210, 150, 110))
    return fig


def _in_polygon(x: float, y: float, poly: tuple[Vec, ...]) -> bool:
    inside = False
    n = len(poly)
    for i in range(n):
        (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _near_polyline(x: float, y: float, pts: tuple[Vec, ...], r: float) -> bool:
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / ((dx * dx + dy * dy) or 1.0)))
        if math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= r:
            return True
    return False
