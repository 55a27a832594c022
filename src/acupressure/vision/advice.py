"""Camera results in words for people: where each point is, what to show when it is not in
the picture, and which picture to take for it, in the current language. Pixels stay in the
JSON."""

from __future__ import annotations

from acupressure import atlas
from acupressure.body import View
from acupressure.i18n import N_
from acupressure.i18n import gettext as _

# Where on the body, per view and the person's side (None: a point on the midline). Whole
# phrases per side, so each language can agree its words ("mano izquierda", "pie izquierdo").
WHERE: dict[View, dict[str | None, str]] = {
    "hand": {
        "left": N_("on the back of your left hand"),
        "right": N_("on the back of your right hand"),
        None: N_("on the back of your hand"),
    },
    "back": {
        "left": N_("on your back, left side"),
        "right": N_("on your back, right side"),
        None: N_("on your back, on the spine"),
    },
    "neck": {
        "left": N_("at the back of your neck, left side"),
        "right": N_("at the back of your neck, right side"),
        None: N_("at the back of your neck"),
    },
    "front": {
        "left": N_("on the front of your body, left side"),
        "right": N_("on the front of your body, right side"),
        None: N_("on the front of your body, midline"),
    },
    "knee": {
        "left": N_("behind your left knee"),
        "right": N_("behind your right knee"),
        None: N_("behind your knee"),
    },
    "ankle": {
        "left": N_("on the outside of your left ankle"),
        "right": N_("on the outside of your right ankle"),
        None: N_("on the outside of your ankle"),
    },
    "foot": {
        "left": N_("on the top of your left foot"),
        "right": N_("on the top of your right foot"),
        None: N_("on the top of your foot"),
    },
}
# What to show the camera when the point is not in the picture.
SHOW: dict[View, str] = {
    "hand": N_("show the back of your hand, fingers apart"),
    "back": N_("show your back from behind, shoulders to hips (a helper takes the picture)"),
    "neck": N_("show the back of your head, neck and shoulders"),
    "front": N_("face the camera, shoulders to hips in the picture"),
    "knee": N_("show the backs of your legs from the hips to the ankles"),
    "ankle": N_("show the outside of your ankle and lower leg, knee to heel"),
    "foot": N_("show the tops of your feet and your legs"),
}
# The picture to take for a point (what the photo page lists per point).
PICTURE: dict[View, str] = {
    "hand": N_("a photo of your hand, back of the hand towards the camera"),
    "back": N_("a photo of your back with a helper, shoulders to hips"),
    "neck": N_("a photo of the back of your neck and shoulders, taken by a helper"),
    "front": N_("a photo of your front, shoulders to hips"),
    "knee": N_("a photo of the backs of your legs, hips to ankles"),
    "ankle": N_("a photo of the outside of your ankle, from the knee down"),
    "foot": N_("a photo of the tops of your feet"),
}
SEEN_FROM_THE_FRONT = {"GB21": N_("a photo of your front also shows it, on top of the shoulder")}


def where(code: str, side: str | None) -> str:
    """ "On the back of your left hand: on the thumb side of the second metacarpal..."."""
    point = atlas.get(code)
    phrases = WHERE[point.rule.view]
    region = _(phrases[side] if side in phrases else phrases[None])
    standard = point.location.standard
    return _("{region}: {location}").format(
        region=f"{region[0].upper()}{region[1:]}", location=f"{standard[0].lower()}{standard[1:]}"
    )


def show(code: str) -> str:
    return _(SHOW[atlas.get(code).rule.view])


def picture(code: str) -> str:
    point = atlas.get(code)
    extra = SEEN_FROM_THE_FRONT.get(point.code)
    text = _(PICTURE[point.rule.view])
    return _("{picture} ({also})").format(picture=text, also=_(extra)) if extra else text
