"""Measuring guides derived from a point's rule: the steps a person follows to find it.

The same steps give the chart's drawing (level lines, dimension lines with cun and finger
widths, the midway tick) and the written "find it" line, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from acupressure import body
from acupressure.atlas.models import Point
from acupressure.body.measure import finger_measure
from acupressure.body.rule import LocationRule
from acupressure.geometry import Vec
from acupressure.i18n import N_, Labels, number
from acupressure.i18n import gettext as _

DIRECTION_WORDS = Labels(
    {
        "inferior": N_("down (towards the feet)"),
        "superior": N_("up (towards the head)"),
        "lateral": N_("out to the side, away from the midline"),
        "medial": N_("in towards the midline"),
        "distal": N_("towards the fingers"),
        "proximal": N_("back towards the wrist"),
        "radial": N_("towards the thumb side"),
        "ulnar": N_("towards the little-finger side"),
        "posterior": N_("towards the back"),
        "anterior": N_("towards the front"),
    }
)


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
        return _(lm.short) if lm.short else _(lm.label)

    def tag(base: str) -> str:
        return _(spec.landmark(base).short) if spec.landmark(base).short else ""

    anchor = ls.get(name(rule.anchor))
    out: list[Step] = [Step("anchor", anchor, anchor, tag(rule.anchor))]
    if rule.toward is not None:
        toward = ls.get(name(rule.toward))
        out.append(Step("between", anchor, toward, _share(rule.fraction), tag(rule.toward)))
    start = _partial(rule, 0, side)
    across = {spec.frame.outward, spec.frame.inward}
    if (
        rule.offsets
        and not spec.landmark(rule.anchor).sided
        and rule.offsets[0].direction in across
    ):
        level = _("level with {name}").format(name=short(rule.anchor))
        out.append(Step("level", start, start, level, short(rule.anchor)))
    for i, offset in enumerate(rule.offsets):
        end = _partial(rule, i + 1, side)
        out.append(
            Step(
                "offset",
                start,
                end,
                _("{cun} cun").format(cun=number(offset.cun)),
                finger_measure(offset.cun),
                offset.cun,
            )
        )
        start = end
    if rule.onto is not None:
        a, b = (ls.get(name(n)) for n in rule.onto.line)
        out.append(Step("onto", a, b, tag(rule.onto.line[0]) or _("edge")))
    return out


# The direction an "onto" slide goes, as the find-it line names it.
ALONG = Labels(
    {
        "inferior": N_("inferior"),
        "superior": N_("superior"),
        "lateral": N_("lateral"),
        "medial": N_("medial"),
        "distal": N_("distal"),
        "proximal": N_("proximal"),
        "radial": N_("radial"),
        "ulnar": N_("ulnar"),
        "posterior": N_("posterior"),
        "anterior": N_("anterior"),
    }
)
FOOT_WORDS = Labels({"distal": N_("towards the toes"), "proximal": N_("back towards the ankle")})


def _share(fraction: float) -> str:
    if fraction == 0.5:
        return _("midway")
    return _("{percent} of the way").format(percent=f"{fraction:.0%}")


def _words(view: body.View, direction: str) -> str:
    if view == "foot" and direction in FOOT_WORDS:
        return FOOT_WORDS[direction]
    return DIRECTION_WORDS.get(direction, direction)


def find_it(rule: LocationRule) -> str:
    """The rule in words: how to find the point, step by step."""
    spec = body.spec(rule.view)

    def label(base: str) -> str:
        return _(spec.landmark(base).label)

    if rule.toward is not None:
        parts = [
            _("{share} between the {start} and the {end}").format(
                share=_share(rule.fraction), start=label(rule.anchor), end=label(rule.toward)
            )
        ]
    else:
        parts = [_("start at the {start}").format(start=label(rule.anchor))]
    for offset in rule.offsets:
        parts.append(
            _("go {cun} cun ({fingers}) {direction}").format(
                cun=number(offset.cun),
                fingers=finger_measure(offset.cun),
                direction=_words(rule.view, offset.direction),
            )
        )
    if rule.onto is not None:
        parts.append(
            _("then move {along} onto the {line}").format(
                along=ALONG.get(rule.onto.along, rule.onto.along), line=label(rule.onto.line[0])
            )
        )
    for offset in rule.then:
        parts.append(
            _("then {cun} cun {direction}").format(
                cun=number(offset.cun), direction=_words(rule.view, offset.direction)
            )
        )
    text = _("; ").join(parts)
    end = _(". On both sides.") if rule.is_bilateral() else _(".")
    return text[0].upper() + text[1:] + end
