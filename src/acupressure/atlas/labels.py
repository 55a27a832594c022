"""Plain-language labels for the atlas's coded values, shared by the CLI and the web pages.

Read in the current language (acupressure.i18n); ``labels.AREAS.english(key)`` gives the English.
"""

from __future__ import annotations

from acupressure.atlas.models import (
    Area,
    Laterality,
    Performer,
    Posture,
    PregnancyPolicy,
    Pressure,
    Region,
    Sides,
)
from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _

AREAS: Labels[Area] = Labels(
    {
        "lower-back": N_("Lower back"),
        "upper-back": N_("Upper back"),
        "neck": N_("Neck"),
        "shoulders": N_("Shoulders"),
    }
)
REGIONS: Labels[Region] = Labels(
    {
        "lower-back": N_("Lower back"),
        "upper-back": N_("Upper back, neck and shoulders"),
    }
)
SIDES: Labels[Sides] = Labels(
    {
        "midline": N_("one point on the midline"),
        "both-together": N_("both sides at once"),
        "alternate": N_("alternating sides"),
        "one-then-other": N_("one side, then the other"),
    }
)
PERFORMER: Labels[Performer] = Labels(
    {
        "self": N_("Yourself"),
        "helper": N_("Needs a helper"),
        "either": N_("Yourself or a helper"),
    }
)
PREGNANCY: Labels[PregnancyPolicy] = Labels(
    {
        "never": N_("Never in pregnancy"),
        "not-first-trimester": N_("Not in the first trimester; later gently, with agreement"),
        "caution": N_("Caution in pregnancy"),
        "none": N_("No pregnancy restriction known"),
    }
)
LATERALITY: Labels[Laterality] = Labels(
    {
        "bilateral": N_("on both sides of the body"),
        "midline": N_("on the midline"),
    }
)
PRESSURE: Labels[Pressure] = Labels(
    {
        "gentle": N_("gentle"),
        "moderate": N_("moderate"),
        "firm": N_("firm"),
        "strong": N_("strong"),
    }
)
POSTURE: Labels[Posture] = Labels(
    {
        "lying-prone": N_("lying on the front"),
        "lying-supine": N_("lying on the back"),
        "side-lying": N_("lying on the side"),
        "seated": N_("seated"),
        "standing": N_("standing"),
        "any": N_("any position"),
    }
)


def _span(low: int, high: int | None) -> str:
    return f"{low}–{high}" if high else str(low)


def dose_text(
    hold_seconds: int,
    repetitions: int,
    rest_seconds: int,
    hold_seconds_max: int | None = None,
    repetitions_max: int | None = None,
) -> str:
    """How long and how often to press, in plain words: "hold 60 s, once" or "hold 60 s,
    3 times, resting 20 s between presses" (no rest after the last press)."""
    hold = _span(hold_seconds, hold_seconds_max)
    if repetitions == 1 and not repetitions_max:
        return _("hold {hold} s, once").format(hold=hold)
    times = _span(repetitions, repetitions_max)
    if rest_seconds:
        return _("hold {hold} s, {times} times, resting {rest} s between presses").format(
            hold=hold, times=times, rest=rest_seconds
        )
    return _("hold {hold} s, {times} times").format(hold=hold, times=times)
