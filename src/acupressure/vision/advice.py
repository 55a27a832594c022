"""Camera results in words for people: where each point is, what to show when it is not in
the picture, and which picture to take for it. Pixels stay in the JSON."""

from __future__ import annotations

from acupressure import atlas
from acupressure.body import View

# Where on the body, per view, with the person's side ({side}: "left", "right").
WHERE: dict[View, tuple[str, str]] = {  # (bilateral, midline)
    "hand": ("on the back of your {side} hand", "on the back of your hand"),
    "back": ("on your back, {side} side", "on your back, on the spine"),
    "neck": ("at the back of your neck, {side} side", "at the back of your neck"),
    "front": ("on the front of your body, {side} side", "on the front of your body, midline"),
    "knee": ("behind your {side} knee", "behind your knee"),
    "ankle": ("on the outside of your {side} ankle", "on the outside of your ankle"),
    "foot": ("on the top of your {side} foot", "on the top of your foot"),
}
# What to show the camera when the point is not in the picture.
SHOW: dict[View, str] = {
    "hand": "show the back of your hand, fingers apart",
    "back": "show your back from behind, shoulders to hips (a helper takes the picture)",
    "neck": "show the back of your head, neck and shoulders",
    "front": "face the camera, shoulders to hips in the picture",
    "knee": "show the backs of your legs from the hips to the ankles",
    "ankle": "show the outside of your ankle and lower leg, knee to heel",
    "foot": "show the tops of your feet and your legs",
}
# The picture to take for a point (what the photo page lists per point).
PICTURE: dict[View, str] = {
    "hand": "a photo of your hand, back of the hand towards the camera",
    "back": "a photo of your back with a helper, shoulders to hips",
    "neck": "a photo of the back of your neck and shoulders, taken by a helper",
    "front": "a photo of your front, shoulders to hips",
    "knee": "a photo of the backs of your legs, hips to ankles",
    "ankle": "a photo of the outside of your ankle, from the knee down",
    "foot": "a photo of the tops of your feet",
}
SEEN_FROM_THE_FRONT = {"GB21": "a photo of your front also shows it, on top of the shoulder"}


def where(code: str, side: str | None) -> str:
    """ "On the back of your left hand: on the thumb side of the second metacarpal..."."""
    point = atlas.get(code)
    bilateral, midline = WHERE[point.rule.view]
    region = bilateral.format(side=side) if side else midline
    standard = point.location.standard
    return f"{region[0].upper()}{region[1:]}: {standard[0].lower()}{standard[1:]}"


def show(code: str) -> str:
    return SHOW[atlas.get(code).rule.view]


def picture(code: str) -> str:
    point = atlas.get(code)
    extra = SEEN_FROM_THE_FRONT.get(point.code)
    return PICTURE[point.rule.view] + (f" ({extra})" if extra else "")
