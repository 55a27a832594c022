"""The camera pages' words that Python or the scripts put together: the press check's finger
and certainty, the views' names, and camera.js's and live.js's text (keyed by the English,
as player.js's are)."""

from __future__ import annotations

from collections.abc import Mapping

from acupressure.body import View
from acupressure.i18n import N_
from acupressure.i18n import gettext as _
from acupressure.vision.press import MEMORY_UNUSED, PressResult

# How a hand or the body was seen: (hand or None for the body, facing).
SEEN_AS = {
    ("left", "back"): N_("your left hand, back towards the camera"),
    ("right", "back"): N_("your right hand, back towards the camera"),
    ("left", "palm"): N_("your left hand, palm towards the camera"),
    ("right", "palm"): N_("your right hand, palm towards the camera"),
    ("left", "edge"): N_("your left hand, edge towards the camera"),
    ("right", "edge"): N_("your right hand, edge towards the camera"),
    (None, "front"): N_("your body, front towards the camera"),
    (None, "back"): N_("your body, back towards the camera"),
    (None, "unknown"): N_("your body, not known which side faces the camera"),
}
NOT_IN_PICTURE = N_("not in the picture")
FINGER = {
    ("left", "thumb"): N_("left thumb"),
    ("right", "thumb"): N_("right thumb"),
    ("left", "index"): N_("left index finger"),
    ("right", "index"): N_("right index finger"),
    ("left", "middle"): N_("left middle finger"),
    ("right", "middle"): N_("right middle finger"),
    (None, "thumb"): N_("thumb"),
    (None, "index"): N_("index finger"),
    (None, "middle"): N_("middle finger"),
}
CERTAINTY = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
VIEW_POINTS = {
    "hand": N_("Hand points"),
    "front": N_("Front points"),
    "back": N_("Back points"),
    "neck": N_("Neck points"),
}
CAMERA_JS = (N_("Close the enlarged photo"), N_("Enlarge the photo"))
LIVE_JS = (
    N_(
        "This browser cannot use a camera here (it needs a secure https page). "
        "Upload a photo instead."
    ),
    N_("This browser is too old for the live camera. Upload a photo instead."),
    N_("Asking for the camera…"),
    N_("Loading the hand model (the first time takes a while)…"),
    N_("Loading the body model (the first time takes a while)…"),
    N_("Looking for a hand…"),
    N_("Looking for a body…"),
    N_(
        "Camera permission was denied. Allow the camera for this site in the browser's "
        "settings and press Start again, or upload a photo instead."
    ),
    N_("No camera was found on this device. Upload a photo instead."),
    N_("The camera is busy in another app. Close it and press Start again."),
    N_("The live camera could not start ({problem}). Upload a photo instead."),
    N_("The camera is off."),
    N_("The model stopped working ({problem}). Press Start again."),
    N_("No hand found. Show your whole hand, fingers apart, in good light."),
    N_("no hand was found: show both hands, in good light"),
    N_("No body found. The whole back, shoulders to hips, should fill the picture."),
    N_("no body was found: step back so that shoulders and hips fill the picture"),
    N_("the server answered {status}"),
    N_("Could not place the points: {problem}. Retrying…"),
    N_("Body"),
    N_("Your left hand"),
    N_("Your right hand"),
    N_("{list} and {last}"),
    N_("Points found. Hold still to see them steady."),
    N_("Found you, but no point can be shown from this side."),
    N_("(high certainty)"),
    N_("(medium certainty)"),
    N_("(low certainty)"),
    N_(
        "Live, the body model follows only the person filmed: the pressing hand is your own; "
        "for a helper's hand, upload a photo instead."
    ),
    N_(
        "The pressing hand hides part of the other hand: show that hand alone for a moment, "
        "keep it still, then press from the side."
    ),
    N_("The hand seen alone was not used: {reason}"),
    N_("On it"),
    N_("Close. Move a little {direction}"),
    N_("Close"),
    N_("Not there yet. Move {direction}"),
    N_("Not there yet"),
    N_("Cannot tell"),
    N_("{codes} shown"),
)


def seen_as(hand: str | None, facing: str) -> str:
    english = SEEN_AS.get((hand, facing))
    return _(english) if english else f"{hand or ''} {facing}".strip()


def script_words(english: tuple[str, ...]) -> dict[str, str]:
    return {text: _(text) for text in english}


def live_words() -> dict[str, str]:
    """The live page's words, and why the hand seen alone was not used (``memory:moved``)."""
    reasons = {f"memory:{key}": MEMORY_UNUSED[key] for key in MEMORY_UNUSED}
    return {**script_words(LIVE_JS), **reasons}


def press_words(press: PressResult | None) -> dict[str, str]:
    """The pressing finger ("left index finger"), how sure, and why the photo of the hand
    alone was not used, in the page's language."""
    if press is None:
        return {}
    tip = press.presser.fingertip
    finger = _(FINGER[(press.presser.hand, tip)]) if tip else ""
    certainty = _(CERTAINTY[press.certainty]) if press.certainty else ""
    unused = MEMORY_UNUSED[press.not_remembered] if press.not_remembered else ""
    return {"finger": finger, "certainty": certainty, "not_remembered": unused}


def support(views: Mapping[View, str]) -> list[tuple[str, str]]:
    """(the view's points, the picture a press check needs), for the camera page."""
    return [(_(VIEW_POINTS.get(view, view)), text) for view, text in views.items()]
