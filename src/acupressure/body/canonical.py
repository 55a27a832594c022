"""The canonical figures' landmarks: a body 1700 mm tall in the proportions of the cun table.

Units are millimetres, y downwards. Body views (back, neck, knee, front) share one frame:
origin at the top of the head on the midline, x to the right of the picture. From behind
(back, neck, knee) the person's left is at negative x; from the front it is at positive x.
Hand and foot views show both hands (feet) as the person sees their own, fingers (toes)
pointing up the page: origin midway between the two wrist-crease middles (the two ankle
fronts), left hand at negative x. The ankle view shows each lower leg from its outer side,
toes pointing away from the middle: origin midway between the two outer ankle bones.

Where the table has a segment, the figure measures exactly that many cun (1 cun = 1700/75 mm,
the fallback rule of thumb, so every view agrees on the cun length).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Literal

from acupressure.body.landmarks import LandmarkSet
from acupressure.body.vocabulary import Side, View
from acupressure.geometry import Vec

HEIGHT_MM = 1700.0
CUN_MM = HEIGHT_MM / 75

C = CUN_MM


def _pair(name: str, x: float, y: float, left_sign: int) -> dict[str, Vec]:
    """A sided landmark at +-x: the person's left at ``left_sign * x``."""
    return {f"{name}.left": (left_sign * x, y), f"{name}.right": (-left_sign * x, y)}


def _spine() -> dict[str, Vec]:
    return {
        "occiput": (0.0, 125.0),
        "c2_spinous": (0.0, 172.0),
        "c2_spinous_upper": (0.0, 165.0),
        "c2_spinous_lower": (0.0, 179.0),
        "c7_spinous": (0.0, 262.0),
        "c7_spinous_upper": (0.0, 255.0),
        "c7_spinous_lower": (0.0, 269.0),
    }


def _scapulae() -> dict[str, Vec]:
    return {
        **_pair("acromion_end", 185.0, 300.0, -1),
        **_pair("scapula_medial_border", 3 * C, 342.0, -1),
        **_pair("scapula_superior_angle", 78.0, 318.0, -1),
        **_pair("scapula_inferior_angle", 92.0, 448.0, -1),
    }


# Spinous process centres from C7 down: thoracic steps of about 25.8 mm, lumbar 34 mm.
def spinous_y(level: str) -> float:
    """Canonical height (mm from the top of the head) of a spinous process: C7, T1-T12, L1-L5."""
    if level == "C7":
        return 262.0
    if level.startswith("T"):
        return 262.0 + int(level[1:]) * (598.0 - 262.0) / 13
    if level.startswith("L"):
        return 598.0 + (int(level[1:]) - 1) * 34.0
    raise ValueError(level)


def _back() -> dict[str, Vec]:
    l2 = spinous_y("L2")
    return {
        **_spine(),
        "t3_spinous": (0.0, spinous_y("T3")),
        "t7_spinous": (0.0, spinous_y("T7")),
        "l2_spinous": (0.0, l2),
        "l2_spinous_upper": (0.0, l2 - 9.0),
        "l2_spinous_lower": (0.0, l2 + 9.0),
        "l4_spinous": (0.0, spinous_y("L4")),
        **_pair("iliac_crest", 140.0, spinous_y("L4"), -1),
        **_scapulae(),
    }


def _neck() -> dict[str, Vec]:
    return {
        **_spine(),
        **_pair("mastoid", 52.0, 150.0, -1),
        **_pair("trapezius_border", 24.0, 172.0, -1),
        **_scapulae(),
    }


NOTCH_Y = 322.0


def _front() -> dict[str, Vec]:
    xiphoid = NOTCH_Y + 9 * C
    navel = xiphoid + 8 * C
    return {
        "suprasternal_notch": (0.0, NOTCH_Y),
        "xiphisternal_junction": (0.0, xiphoid),
        "umbilicus": (0.0, navel),
        "pubic_symphysis": (0.0, navel + 5 * C),
        **_pair("clavicle_medial_end", 20.0, 316.0, 1),
        **_pair("clavicle_lateral_end", 178.0, 298.0, 1),
        **_pair("clavicle_lower_medial", 24.0, 331.0, 1),
        **_pair("clavicle_lower_lateral", 165.0, 316.0, 1),
        **_pair("nipple", 4 * C, 432.0, 1),
    }


GLUTEAL_FOLD_Y = 925.0
POPLITEAL_Y = GLUTEAL_FOLD_Y + 14 * C


def _knee() -> dict[str, Vec]:
    lateral = (127.0, POPLITEAL_Y)
    malleolus_x = 118.0
    dy = math.sqrt((16 * C) ** 2 - (lateral[0] - malleolus_x) ** 2)
    return {
        **_pair("gluteal_fold", 92.0, GLUTEAL_FOLD_Y, -1),
        **_pair("popliteal_crease_medial", 58.0, POPLITEAL_Y, -1),
        **_pair("popliteal_crease_lateral", *lateral, -1),
        **_pair("lateral_malleolus", malleolus_x, POPLITEAL_Y + dy, -1),
        **_pair("medial_malleolus", 66.0, POPLITEAL_Y + dy - 12.0, -1),
    }


ANKLE_GAP = 95.0  # each outer ankle bone sits this far from the middle of the picture


def ankle_local() -> dict[str, Vec]:
    """One lower leg seen from its outer side: origin at the ankle bone, toes towards +x."""
    knee_x = -42.0
    return {
        "knee_crease": (knee_x, -math.sqrt((16 * C) ** 2 - knee_x**2)),
        "lateral_malleolus": (0.0, 0.0),
        "achilles_tendon": (-36.0, -4.0),
        "heel": (-62.0, 58.0),
        "mt5_base": (92.0, 72.0),
    }


def _sided_from_local(local: dict[str, Vec], gap: float) -> dict[str, Vec]:
    """Mirror a right-side local drawing: right one at +gap, left one mirrored at -gap."""
    out: dict[str, Vec] = {}
    for name, (x, y) in local.items():
        out[f"{name}.right"] = (gap + x, y)
        out[f"{name}.left"] = (-gap - x, y)
    return out


HAND_GAP = 110.0


def hand_local() -> dict[str, Vec]:
    """The back of the right hand, fingers up, thumb towards -x; origin mid wrist crease."""
    half = 3 * C / 2  # the four fingers at the middle joints measure 3 cun
    tilt = 15.0
    edge = math.sqrt(half**2 - (tilt / 2) ** 2)
    return {
        "wrist_crease": (0.0, 0.0),
        "mc1_base": (-24.0, -12.0),
        "mc2_base": (-14.0, -16.0),
        "mc3_base": (-3.0, -18.0),
        "mc4_base": (9.0, -17.0),
        "mc5_base": (21.0, -13.0),
        "mcp1": (-50.0, -50.0),
        "mcp2": (-28.0, -86.0),
        "mcp3": (-9.0, -90.0),
        "mcp4": (10.0, -87.0),
        "mcp5": (28.0, -78.0),
        "pip_radial_edge": (-edge - 3.0, -130.0),
        "pip_ulnar_edge": (edge - 3.0, -130.0 + tilt),
    }


FOOT_GAP = 75.0


TOE2_TIP_LOCAL: Vec = (-12.0, -182.0)  # tip of the 2nd toe, in the foot_local() frame


def foot_local() -> dict[str, Vec]:
    """The top of the right foot, toes up, big toe towards -x; origin at the ankle front."""
    return {
        "ankle_front": (0.0, 0.0),
        "mt1_base": (-17.0, -48.0),
        "mt2_base": (-4.0, -52.0),
        "mtp1": (-34.0, -128.0),
        "mtp2": (-11.0, -135.0),
        "mtp5": (42.0, -100.0),
    }


# Joint centres on the body figure (mm, the person's left side, in the front view's frame
# where the left is at +x; from behind x changes sign). Camera detectors find these joints,
# so a photo is matched to the figure through them. Shoulder: centre of the shoulder joint
# below the end of the acromion; hip: hip joint centre, level with the top of the pubic
# bone; ear canal; knee and ankle: joint centres.
JOINT_CENTRES: dict[str, Vec] = {
    "ear_canal": (72.0, 140.0),
    "shoulder_joint": (170.0, 325.0),
    "hip_joint": (88.0, 815.0),
    "knee_joint": (92.0, 1242.0),
    "ankle_joint": (92.0, 1598.0),
}
ACHILLES_Y = 1590.0  # the Achilles tendon at the back of the ankle, midway between the bones


def joint_centre(name: str, side: Side, seen_from: Literal["front", "back"]) -> Vec:
    """A joint centre of one side, in the frame of the figure seen from the front or back."""
    x, y = JOINT_CENTRES[name]
    x = x if side == "left" else -x
    return (-x if seen_from == "back" else x), y


_BUILDERS: dict[str, Callable[[], dict[str, Vec]]] = {
    "back": _back,
    "neck": _neck,
    "front": _front,
    "knee": _knee,
    "ankle": lambda: _sided_from_local(ankle_local(), ANKLE_GAP),
    "hand": lambda: _sided_from_local(hand_local(), HAND_GAP),
    "foot": lambda: _sided_from_local(foot_local(), FOOT_GAP),
}


@cache
def canonical(view: View) -> LandmarkSet:
    """The canonical figure's landmark set for a view (millimetres)."""
    cun = CUN_MM if view == "foot" else None  # the foot has no cun segment of its own
    return LandmarkSet(view=view, points=_BUILDERS[view](), cun=cun, unit="mm")
