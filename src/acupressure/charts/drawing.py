"""Drawing the canonical figure (skin, bones, creases) through a mm-to-pixel map."""

from __future__ import annotations

from dataclasses import dataclass

from acupressure.body.outline import Figure
from acupressure.charts import svg
from acupressure.geometry import Vec
from acupressure.i18n import N_, Labels

EDGE = 1.6  # px, the skin outline


@dataclass(frozen=True)
class Map:
    x0: float
    y0: float
    scale: float
    pad: float
    top: float

    def __call__(self, p: Vec) -> Vec:
        return ((p[0] - self.x0) * self.scale + self.pad, (p[1] - self.y0) * self.scale + self.top)


# The figures' orientation words (body.outline writes them in English).
ORIENTATION = Labels({"LEFT": N_("LEFT"), "RIGHT": N_("RIGHT")})


def figure_svg(fig: Figure, m: Map, words: bool = True) -> list[str]:
    """The figure's shapes; ``words`` adds its orientation words (LEFT, RIGHT)."""
    out: list[str] = []
    for cx, cy, rx, ry in reversed(fig.ellipses):  # ears under the head
        (x, y) = m((cx, cy))
        out.append(
            f'<ellipse cx="{svg.f(x)}" cy="{svg.f(y)}" rx="{svg.f(rx * m.scale)}" '
            f'ry="{svg.f(ry * m.scale)}" fill="{svg.SKIN}" stroke="{svg.SKIN_EDGE}" '
            f'stroke-width="{EDGE}"/>'
        )
    paths = [svg.smooth_path([m(p) for p in poly], True) for poly in fig.outlines]
    limbs = [(svg.poly_path([m(p) for p in c.points]), c.width * m.scale) for c in fig.capsules]
    # edges first, fills on top: overlapping shapes read as one skin contour
    for d in paths:
        out.append(
            f'<path d="{d}" fill="none" stroke="{svg.SKIN_EDGE}" stroke-width="{EDGE * 2}"/>'
        )
    for d, w in limbs:
        out.append(
            f'<path d="{d}" fill="none" stroke="{svg.SKIN_EDGE}" '
            f'stroke-width="{svg.f(w + 2 * EDGE)}" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    out += [f'<path d="{d}" fill="{svg.SKIN}"/>' for d in paths]
    out += [
        f'<path d="{d}" fill="none" stroke="{svg.SKIN}" stroke-width="{svg.f(w)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        for d, w in limbs
    ]
    styles = {
        "bone": (svg.BONE, 1.4, ""),
        "crease": (svg.SKIN_EDGE, 1.2, ""),
        "feature": (svg.SKIN_EDGE, 1.0, ' stroke-dasharray="5 4"'),
        "guide": ("#b0a49a", 1.0, ' stroke-dasharray="3 5"'),
    }
    for stroke in fig.details:
        pts = [m(p) for p in stroke.points]
        d = (
            svg.smooth_path(pts, stroke.closed)
            if stroke.smooth
            else svg.poly_path(pts, stroke.closed)
        )
        color, width, dash = styles[stroke.kind]
        out.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{width}"{dash}/>')
    for centre, r in fig.marks:
        if r >= 6:  # a bony bump: outlined, so guides drawn over it leave it visible
            out.append(svg.circle(m(centre), r * m.scale, "#ecd2bf", svg.SKIN_EDGE, 1.3))
        else:
            out.append(svg.circle(m(centre), max(2.0, r * m.scale), svg.SKIN_EDGE, opacity=0.8))
    for at, word in fig.labels if words else []:
        x, y = m(at)
        out.append(svg.text(x, y, ORIENTATION.get(word, word), 12, "middle", "bold", "#7b8794"))
    return out
