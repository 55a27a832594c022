"""Measuring guides derived from a point's rule: the steps a person follows to find it.

The same steps give the chart's drawing (level lines, dimension lines with cun and finger
widths, the midway tick) and the written "find it" line, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from acupressure import body
from acupressure.atlas.models import Point
from acupressure.body.landmarks import Vec
from acupressure.body.measure import finger_measure
from acupressure.body.rule import LocationRule

DIRECTION_WORDS = {
    "inferior": "down (towards the feet)",
    "superior": "up (towards the head)",
    "lateral": "out to the side, away from the midline",
    "medial": "in towards the midline",
    "distal": "towards the fingers",
    "proximal": "back towards the wrist",
    "radial": "towards the thumb side",
    "ulnar": "towards the little-finger side",
    "posterior": "towards the back",
    "anterior": "towards the front",
}


@dataclass(frozen=True)
class Step:
    """One drawn step of a guide, in landmark units (mm on the canonical figure)."""

    kind: str  # "anchor", "between", "level", "offset", "onto"
    start: Vec
    end: Vec
    text: str  # what the chart writes next to it
    detail: str = ""  # a second line (finger widths; for "between", the far landmark's tag)
    cun: float = 0.0  # for offsets


def _side_of(placement: body.Placement) -> body.Side | None:
    return None if placement.side == "midline" else placement.side


def _partial(rule: LocationRule, count: int, side: body.Side | None) -> Vec:
    """Where the rule stands after its anchor and the first ``count`` offsets."""
    partial = rule.model_copy(update={"offsets": rule.offsets[:count], "onto": None, "then": []})
    placements = body.evaluate_rule(partial, body.canonical(rule.view))
    for p in placements:
        if p.side == (side or "midline") or p.side == "midline":
            return p.x, p.y
    return placements[0].x, placements[0].y


def steps(point: Point, placement: body.Placement) -> list[Step]:
    """The guide steps for one placement of a point on its canonical figure."""
    rule = point.rule
    spec = body.spec(rule.view)
    ls = body.canonical(rule.view)
    side = _side_of(placement)

    def name(base: str) -> str:
        return f"{base}.{side}" if spec.landmark(base).sided and side else base

    def short(base: str) -> str:
        lm = spec.landmark(base)
        return lm.short or lm.label

    anchor = ls.get(name(rule.anchor))
    out: list[Step] = [Step("anchor", anchor, anchor, spec.landmark(rule.anchor).short)]
    if rule.toward is not None:
        toward = ls.get(name(rule.toward))
        word = "midway" if rule.fraction == 0.5 else f"{rule.fraction:.0%} of the way"
        out.append(Step("between", anchor, toward, word, spec.landmark(rule.toward).short))
    start = _partial(rule, 0, side)
    across = {spec.frame.outward, spec.frame.inward}
    if (
        rule.offsets
        and not spec.landmark(rule.anchor).sided
        and rule.offsets[0].direction in across
    ):
        out.append(Step("level", start, start, f"level with {short(rule.anchor)}"))
    for i, offset in enumerate(rule.offsets):
        end = _partial(rule, i + 1, side)
        out.append(
            Step(
                "offset", start, end, f"{offset.cun:g} cun", finger_measure(offset.cun), offset.cun
            )
        )
        start = end
    if rule.onto is not None:
        a, b = (ls.get(name(n)) for n in rule.onto.line)
        out.append(Step("onto", a, b, spec.landmark(rule.onto.line[0]).short or "edge"))
    return out


FOOT_WORDS = {"distal": "towards the toes", "proximal": "back towards the ankle"}


def _words(view: body.View, direction: str) -> str:
    if view == "foot" and direction in FOOT_WORDS:
        return FOOT_WORDS[direction]
    return DIRECTION_WORDS.get(direction, direction)


def find_it(rule: LocationRule) -> str:
    """The rule in words: how to find the point, step by step."""
    spec = body.spec(rule.view)

    def label(base: str) -> str:
        return spec.landmark(base).label

    if rule.toward is not None:
        share = "midway" if rule.fraction == 0.5 else f"{rule.fraction:.0%} of the way"
        parts = [f"{share} between the {label(rule.anchor)} and the {label(rule.toward)}"]
    else:
        parts = [f"start at the {label(rule.anchor)}"]
    for offset in rule.offsets:
        parts.append(
            f"go {offset.cun:g} cun ({finger_measure(offset.cun)}) "
            f"{_words(rule.view, offset.direction)}"
        )
    if rule.onto is not None:
        parts.append(f"then move {rule.onto.along} onto the {label(rule.onto.line[0])}")
    for offset in rule.then:
        parts.append(f"then {offset.cun:g} cun {_words(rule.view, offset.direction)}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + (". On both sides." if rule.is_bilateral() else ".")
