"""The named anatomical landmarks of each view, the cun segments, and each view's local frame.

A landmark name is a base name (``acromion_end``). Sided landmarks exist once per side of
the person, written ``acromion_end.left`` and ``acromion_end.right`` in a landmark set: the
person's own left and right, whatever the picture shows. Directions such as "lateral" or
"radial" are never image axes: each view derives them from its landmarks (:class:`Frame`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

View = Literal["back", "front", "neck", "knee", "ankle", "hand", "foot"]
Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")
VIEWS: tuple[View, ...] = get_args(View)


@dataclass(frozen=True)
class Landmark:
    name: str
    label: str  # how a person would say it: "lower border of the C7 spinous process"
    sided: bool = False
    short: str = ""  # a short tag for charts: "C7"


@dataclass(frozen=True)
class CunSegment:
    """A stretch of the body that measures a fixed number of proportional cun.

    ``start``/``end`` are full landmark names; ``{side}`` stands for the side being measured
    (a per-side segment such as the four fingers of one hand).
    """

    name: str
    start: str
    end: str
    cun: float
    label: str


@dataclass(frozen=True)
class Frame:
    """How a view's directions follow from its landmarks.

    ``forward`` points from ``axis[0]`` to ``axis[1]`` (for example "inferior": from C7 down
    to L4); ``backward`` is the opposite. The across direction is perpendicular to it and
    named ``outward`` on the side where ``across_ref[1] - across_ref[0]`` points (for example
    "lateral": from C7 towards the acromion of the side in question); ``inward`` is the
    opposite. ``{side}`` in a name stands for the side being evaluated.
    """

    axis: tuple[str, str]
    forward: str
    backward: str
    across_ref: tuple[str, str]
    outward: str
    inward: str
    forward_scale: str | None  # the cun segment used along the axis (None: the set's own cun)
    across_scale: str | None

    def directions(self) -> tuple[str, str, str, str]:
        return (self.forward, self.backward, self.outward, self.inward)


@dataclass(frozen=True)
class ViewSpec:
    view: View
    title: str
    landmarks: tuple[Landmark, ...]
    segments: tuple[CunSegment, ...]
    frame: Frame

    def landmark(self, name: str) -> Landmark:
        for item in self.landmarks:
            if item.name == name:
                return item
        raise KeyError(f"view {self.view!r} has no landmark {name!r}")

    def names(self) -> list[str]:
        """Every full landmark name of the view (sided ones once per side)."""
        out: list[str] = []
        for item in self.landmarks:
            out.extend(f"{item.name}.{s}" for s in SIDES) if item.sided else out.append(item.name)
        return out

    def segment(self, name: str) -> CunSegment:
        for item in self.segments:
            if item.name == name:
                return item
        raise KeyError(f"view {self.view!r} has no cun segment {name!r}")


L = Landmark

_SPINE = (
    L(
        "occiput",
        "external occipital protuberance (the bump at the back of the skull)",
        short="occiput",
    ),
    L("c2_spinous", "spinous process of C2", short="C2"),
    L("c2_spinous_upper", "upper border of the C2 spinous process", short="C2"),
    L("c2_spinous_lower", "lower border of the C2 spinous process", short="C2"),
    L(
        "c7_spinous",
        "spinous process of C7 (the most prominent bump at the base of the neck)",
        short="C7",
    ),
    L("c7_spinous_upper", "upper border of the C7 spinous process", short="C7"),
    L("c7_spinous_lower", "lower border of the C7 spinous process", short="C7"),
)

_SCAPULA = (
    L("acromion_end", "lateral end of the acromion (outer tip of the shoulder)", True, "acromion"),
    L(
        "scapula_medial_border",
        "medial border of the shoulder blade, level with its spine",
        True,
        "scapula",
    ),
    L("scapula_superior_angle", "upper corner of the shoulder blade", True),
    L("scapula_inferior_angle", "lower tip of the shoulder blade (level with T7)", True, "T7"),
)

_SCAPULAE = CunSegment(
    "scapulae",
    "scapula_medial_border.left",
    "scapula_medial_border.right",
    6,
    "between the medial borders of the shoulder blades: 6 cun",
)

BACK = ViewSpec(
    "back",
    "Back (seen from behind)",
    (
        *_SPINE,
        L(
            "t3_spinous",
            "spinous process of T3 (level with the roots of the scapular spines)",
            short="T3",
        ),
        L(
            "t7_spinous",
            "spinous process of T7 (level with the lower tips of the shoulder blades)",
            short="T7",
        ),
        L("l2_spinous", "spinous process of L2", short="L2"),
        L("l2_spinous_upper", "upper border of the L2 spinous process", short="L2"),
        L("l2_spinous_lower", "lower border of the L2 spinous process", short="L2"),
        L(
            "l4_spinous",
            "spinous process of L4, on the line joining the tops of the iliac crests",
            short="L4",
        ),
        L("iliac_crest", "top of the iliac crest (hip bone)", True, "iliac crest"),
        *_SCAPULA,
    ),
    (_SCAPULAE,),
    Frame(
        axis=("c7_spinous", "l4_spinous"),
        forward="inferior",
        backward="superior",
        across_ref=("c7_spinous", "acromion_end.{side}"),
        outward="lateral",
        inward="medial",
        forward_scale="scapulae",
        across_scale="scapulae",
    ),
)

NECK = ViewSpec(
    "neck",
    "Back of the neck (seen from behind)",
    (
        *_SPINE,
        L("mastoid", "mastoid process (the bump behind the ear)", True, "mastoid"),
        L("trapezius_border", "outer edge of the trapezius cord, level with C2", True, "trapezius"),
        *_SCAPULA,
    ),
    (_SCAPULAE,),
    Frame(
        axis=("occiput", "c7_spinous"),
        forward="inferior",
        backward="superior",
        across_ref=("c2_spinous", "mastoid.{side}"),
        outward="lateral",
        inward="medial",
        forward_scale="scapulae",
        across_scale="scapulae",
    ),
)

FRONT = ViewSpec(
    "front",
    "Front (facing you)",
    (
        L("suprasternal_notch", "suprasternal notch (the dip above the breastbone)", short="notch"),
        L(
            "xiphisternal_junction",
            "lower end of the breastbone (xiphisternal junction)",
            short="xiphoid",
        ),
        L("umbilicus", "centre of the navel", short="navel"),
        L("pubic_symphysis", "upper border of the pubic bone (pubic symphysis)", short="pubis"),
        L("clavicle_medial_end", "inner end of the collarbone", True),
        L("clavicle_lateral_end", "outer end of the collarbone", True),
        L(
            "clavicle_lower_medial",
            "lower border of the collarbone near its inner end",
            True,
            "collarbone",
        ),
        L(
            "clavicle_lower_lateral",
            "lower border of the collarbone near its outer end",
            True,
            "collarbone",
        ),
        L("nipple", "nipple", True),
    ),
    (
        CunSegment(
            "umbilicus_pubis", "umbilicus", "pubic_symphysis", 5, "navel to pubic bone: 5 cun"
        ),
        CunSegment("nipples", "nipple.left", "nipple.right", 8, "between the nipples: 8 cun"),
        CunSegment(
            "sternum", "suprasternal_notch", "xiphisternal_junction", 9, "notch to xiphoid: 9 cun"
        ),
    ),
    Frame(
        axis=("suprasternal_notch", "pubic_symphysis"),
        forward="inferior",
        backward="superior",
        across_ref=("suprasternal_notch", "clavicle_lateral_end.{side}"),
        outward="lateral",
        inward="medial",
        forward_scale="umbilicus_pubis",
        across_scale="nipples",
    ),
)

KNEE = ViewSpec(
    "knee",
    "Backs of the legs (seen from behind)",
    (
        L("gluteal_fold", "middle of the fold under the buttock", True, "gluteal fold"),
        L("popliteal_crease_medial", "inner end of the crease behind the knee", True),
        L("popliteal_crease_lateral", "outer end of the crease behind the knee", True),
        L("lateral_malleolus", "prominence of the outer ankle bone", True),
        L("medial_malleolus", "prominence of the inner ankle bone", True),
    ),
    (
        CunSegment(
            "popliteal_malleolus",
            "popliteal_crease_lateral.{side}",
            "lateral_malleolus.{side}",
            16,
            "knee crease to outer ankle bone: 16 cun",
        ),
    ),
    Frame(
        axis=("gluteal_fold.{side}", "lateral_malleolus.{side}"),
        forward="inferior",
        backward="superior",
        across_ref=("popliteal_crease_medial.{side}", "popliteal_crease_lateral.{side}"),
        outward="lateral",
        inward="medial",
        forward_scale="popliteal_malleolus",
        across_scale="popliteal_malleolus",
    ),
)

ANKLE = ViewSpec(
    "ankle",
    "Outer side of the lower legs and ankles",
    (
        L("knee_crease", "back end of the knee crease, seen from the side", True),
        L("lateral_malleolus", "prominence of the outer ankle bone", True, "ankle bone"),
        L(
            "achilles_tendon",
            "front edge of the Achilles tendon, level with the ankle bone",
            True,
            "Achilles",
        ),
        L("heel", "back of the heel", True),
        L("mt5_base", "bump at the base of the 5th metatarsal", True),
    ),
    (
        CunSegment(
            "knee_malleolus",
            "knee_crease.{side}",
            "lateral_malleolus.{side}",
            16,
            "knee crease to outer ankle bone: 16 cun",
        ),
    ),
    Frame(
        axis=("knee_crease.{side}", "lateral_malleolus.{side}"),
        forward="inferior",
        backward="superior",
        across_ref=("lateral_malleolus.{side}", "achilles_tendon.{side}"),
        outward="posterior",
        inward="anterior",
        forward_scale="knee_malleolus",
        across_scale="knee_malleolus",
    ),
)

_DIGITS = "12345"
_ORD = {"1": "1st", "2": "2nd", "3": "3rd", "4": "4th", "5": "5th"}

HAND = ViewSpec(
    "hand",
    "Backs of the hands (as you look at your own hands)",
    (
        L("wrist_crease", "middle of the wrist crease", True, "wrist"),
        *(L(f"mc{d}_base", f"base of the {_ORD[d]} metacarpal", True) for d in _DIGITS),
        *(L(f"mcp{d}", f"knuckle (MCP joint) of digit {d}", True, f"MCP{d}") for d in _DIGITS),
        L("pip_radial_edge", "thumb-side edge of the index finger at its middle joint", True),
        L("pip_ulnar_edge", "outer edge of the little finger at its middle joint", True),
    ),
    (
        CunSegment(
            "four_fingers",
            "pip_radial_edge.{side}",
            "pip_ulnar_edge.{side}",
            3,
            "four fingers side by side at the middle joints: 3 cun (finger cun)",
        ),
    ),
    Frame(
        axis=("wrist_crease.{side}", "mcp3.{side}"),
        forward="distal",
        backward="proximal",
        across_ref=("mcp5.{side}", "mcp2.{side}"),
        outward="radial",
        inward="ulnar",
        forward_scale="four_fingers",
        across_scale="four_fingers",
    ),
)

FOOT = ViewSpec(
    "foot",
    "Tops of the feet (as you look down at your own feet)",
    (
        L("ankle_front", "front of the ankle, between the two ankle bones", True, "ankle"),
        L("mt1_base", "base of the 1st metatarsal", True),
        L("mt2_base", "base of the 2nd metatarsal", True),
        L("mtp1", "big toe joint (1st MTP joint)", True, "MTP1"),
        L("mtp2", "2nd toe joint (2nd MTP joint)", True, "MTP2"),
        L("mtp5", "little toe joint (5th MTP joint)", True),
    ),
    (),  # no proportional segment on the foot: the landmark set carries its cun length
    Frame(
        axis=("ankle_front.{side}", "mtp2.{side}"),
        forward="distal",
        backward="proximal",
        across_ref=("mtp2.{side}", "mtp1.{side}"),
        outward="medial",
        inward="lateral",
        forward_scale=None,
        across_scale=None,
    ),
)

SPECS: dict[View, ViewSpec] = {s.view: s for s in (BACK, FRONT, NECK, KNEE, ANKLE, HAND, FOOT)}


def spec(view: View) -> ViewSpec:
    return SPECS[view]


def landmark_names(view: View) -> list[str]:
    """Every full landmark name of a view, sided ones as ``name.left`` / ``name.right``."""
    return SPECS[view].names()
