"""How a detection is worded for a person (CLI table, camera page), in the current language:
the person's side and which side of a hand or body faces the camera."""

from __future__ import annotations

from acupressure.i18n import N_, Labels

SIDE = Labels({"left": N_("left"), "right": N_("right")})
FACING = Labels(
    {
        "palm": N_("palm"),
        "back": N_("back"),
        "edge": N_("edge"),
        "front": N_("front"),
        "unknown": N_("unknown side"),
    }
)
