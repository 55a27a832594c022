"""Plain-language labels for the atlas's coded values, shared by the CLI and the web pages."""

from __future__ import annotations

from acupressure.atlas.models import Area, Performer, PregnancyPolicy, Region, Sides

AREAS: dict[Area, str] = {
    "lower-back": "Lower back",
    "upper-back": "Upper back",
    "neck": "Neck",
    "shoulders": "Shoulders",
}
REGIONS: dict[Region, str] = {
    "lower-back": "Lower back",
    "upper-back": "Upper back, neck and shoulders",
}
SIDES: dict[Sides, str] = {
    "midline": "one point on the midline",
    "both-together": "both sides at once",
    "alternate": "alternating sides",
    "one-then-other": "one side, then the other",
}
PERFORMER: dict[Performer, str] = {
    "self": "Yourself",
    "helper": "Needs a helper",
    "either": "Yourself or a helper",
}
PREGNANCY: dict[PregnancyPolicy, str] = {
    "never": "Never in pregnancy",
    "not-first-trimester": "Not in the first trimester; later gently, with agreement",
    "caution": "Caution in pregnancy",
    "none": "No pregnancy restriction known",
}


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
    hold = f"hold {_span(hold_seconds, hold_seconds_max)} s"
    if repetitions == 1 and not repetitions_max:
        return f"{hold}, once"
    times = f"{_span(repetitions, repetitions_max)} times"
    rest = f", resting {rest_seconds} s between presses" if rest_seconds else ""
    return f"{hold}, {times}{rest}"
