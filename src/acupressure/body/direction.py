"""Which way to move, in the person's own words, from one spot to another on a landmark set.

The view's :class:`~acupressure.body.vocabulary.Frame` says which landmarks define "inferior"
or "distal" and which pair decides "lateral" or "radial"; this module reads those axes off
any landmark set (canonical, photo, rotated, mirrored, scaled) and names a move along them
the way a person would say it ("toward the wrist", "toward the spine"), in the current
language.
"""

from __future__ import annotations

import math

from acupressure.body.evaluate import RuleError
from acupressure.body.landmarks import LandmarkSet
from acupressure.body.vocabulary import SPECS, Side, View
from acupressure.geometry import Vec
from acupressure.i18n import N_
from acupressure.i18n import gettext as _

# Each view's frame directions in plain words (the way the finger should move).
WORDS: dict[View, dict[str, str]] = {
    "hand": {
        "distal": N_("toward the fingers"),
        "proximal": N_("toward the wrist"),
        "radial": N_("toward the thumb"),
        "ulnar": N_("toward the little finger"),
    },
    "front": {
        "inferior": N_("down"),
        "superior": N_("up"),
        "lateral": N_("out toward the shoulder"),
        "medial": N_("toward the middle of the body"),
    },
    "back": {
        "inferior": N_("down"),
        "superior": N_("up"),
        "lateral": N_("away from the spine"),
        "medial": N_("toward the spine"),
    },
    "neck": {
        "inferior": N_("down"),
        "superior": N_("up"),
        "lateral": N_("away from the spine"),
        "medial": N_("toward the spine"),
    },
    "knee": {
        "inferior": N_("down"),
        "superior": N_("up"),
        "lateral": N_("toward the outside of the leg"),
        "medial": N_("toward the inside of the leg"),
    },
    "ankle": {
        "inferior": N_("down"),
        "superior": N_("up"),
        "posterior": N_("toward the heel"),
        "anterior": N_("toward the ankle bone"),
    },
    "foot": {
        "distal": N_("toward the toes"),
        "proximal": N_("toward the ankle"),
        "medial": N_("toward the big toe"),
        "lateral": N_("toward the little toe"),
    },
}
MIDLINE_ACROSS = {"left": N_("to your left"), "right": N_("to your right")}
SECOND_SHARE = 0.5  # a second direction is named when at least half the main one
SMALLEST_CUN = 0.15  # moves below this are not worth naming


def axes(landmarks: LandmarkSet, side: Side) -> tuple[Vec, Vec]:
    """Unit vectors of the view's forward direction and of its outward direction on ``side``."""
    frame = SPECS[landmarks.view].frame
    a, b = (landmarks.get(t.format(side=side)) for t in frame.axis)
    forward = _unit(b[0] - a[0], b[1] - a[1])
    px, py = -forward[1], forward[0]
    c, d = (landmarks.get(t.format(side=side)) for t in frame.across_ref)
    if px * (d[0] - c[0]) + py * (d[1] - c[1]) < 0:
        px, py = -px, -py
    return forward, (px, py)


def move_words(landmarks: LandmarkSet, side: Side | None, move: Vec, cun: float) -> str | None:
    """Words for a move (in the set's units) of ``cun`` units per cun; None when negligible.

    ``side`` is the side of a bilateral point; None for a point on the midline, where the
    across direction is the person's own left or right.
    """
    frame = SPECS[landmarks.view].frame
    forward, outward = axes(landmarks, side or "left")
    along = (move[0] * forward[0] + move[1] * forward[1]) / cun
    across = (move[0] * outward[0] + move[1] * outward[1]) / cun
    words = WORDS[landmarks.view]
    named_along = words[frame.forward if along > 0 else frame.backward]
    if side is None:
        named_across = MIDLINE_ACROSS["left" if across > 0 else "right"]
    else:
        named_across = words[frame.outward if across > 0 else frame.inward]
    parts = sorted([(abs(along), named_along), (abs(across), named_across)], reverse=True)
    (main, main_words), (second, second_words) = parts
    if main < SMALLEST_CUN:
        return None
    if second >= SMALLEST_CUN and second >= SECOND_SHARE * main:
        return _("{first} and {second}").format(first=_(main_words), second=_(second_words))
    return _(main_words)


def _unit(x: float, y: float) -> Vec:
    n = math.hypot(x, y)
    if n == 0:
        raise RuleError("two frame landmarks coincide")
    return x / n, y / n
