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
