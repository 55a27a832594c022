"""Cun distances in the words a person measures with: thumb and finger widths.

Finger cun, on the person's own hand: the thumb's width at its joint is 1 cun; the index and
middle fingers together are 1.5 cun; four fingers together (at the middle finger's middle
joint) are 3 cun.
"""

from __future__ import annotations

import math

from acupressure.i18n import N_, number
from acupressure.i18n import gettext as _

_WORDS: dict[float, str] = {
    0.5: N_("half a thumb-width"),
    1.0: N_("one thumb-width"),
    1.5: N_("two finger-widths, index and middle together"),
    2.0: N_("two thumb-widths"),
    3.0: N_("four finger-widths"),
    4.0: N_("four finger-widths plus one thumb-width"),
}


def finger_measure(cun: float) -> str:
    """The usual hand measure for a distance in cun, e.g. 1.5 -> "two finger-widths ..."."""
    for value, words in _WORDS.items():
        if abs(cun - value) < 0.05:
            return _(words)
    if cun < 1:
        return _("less than one thumb-width")
    halves = math.floor(cun * 2 + 1e-9) / 2  # people measure in whole and half thumbs
    if cun - halves < 0.05:
        return _("about {count} thumb-widths").format(count=number(halves))
    if halves == 1:
        return _("a little more than one thumb-width")
    return _("a little more than {count} thumb-widths").format(count=number(halves))


def cun_words(cun: float) -> str:
    """A distance as written in the atlas texts: "2 cun (two thumb-widths)"."""
    return _("{cun} cun ({fingers})").format(cun=number(cun), fingers=finger_measure(cun))
