"""MediaPipe Pose's 33 landmarks -> the body model's named landmarks, per view.

MediaPipe finds joints (shoulders, hips, knees, ankles, ears); acupressure needs bony
landmarks (C7, L2, the navel, the collarbones). The body model's canonical figure says where
those lie relative to the joints; a transform fitted from the canonical joints onto
MediaPipe's carries them onto the photo. Each landmark's uncertainty adds the person-to-person
spread of that landmark (``SPREAD_MM``), MediaPipe's joint error and the fit's residual.

Sides are the person's own: they are read from the picture's geometry (which shoulder lies
on which side of the trunk, given the view and whether the image is mirrored), not from
MediaPipe's labels, which assume a person facing the camera.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from acupressure.body import LandmarkSet, Side, View
from acupressure.body.canonical import (
    ACHILLES_Y,
    CUN_MM,
    JOINT_CENTRES,
    TOE2_TIP_LOCAL,
    canonical,
    foot_local,
    joint_centre,
)
from acupressure.geometry import Vec
from acupressure.vision.fit import Affine, fit_affine, fit_similarity
from acupressure.vision.observations import PoseObservation

BodyView = str  # "front" or "back": which side of the body faces the camera

# MediaPipe Pose's indices -> the body model's joint centres (body.canonical.JOINT_CENTRES):
# name: (MediaPipe's left index, its right index, the canonical joint).
JOINTS: dict[str, tuple[int, int, str]] = {
    "ear": (7, 8, "ear_canal"),
    "shoulder": (11, 12, "shoulder_joint"),
    "hip": (23, 24, "hip_joint"),
    "knee": (25, 26, "knee_joint"),
    "ankle": (27, 28, "ankle_joint"),
}
HEEL = (29, 30)
TOE = (31, 32)  # MediaPipe's "foot index": the tip of the foot (our 2nd toe tip)
UPPER_TRUNK_Y = 480.0  # canonical height above which the trunk is placed without the hips

SEEN = 0.5  # MediaPipe visibility below which a joint is not used
JOINT_ERROR = 0.025  # MediaPipe joint error, share of the trunk length (shoulders to hips)
DEFAULT_SPREAD_MM = 20.0
SPREAD_MM: dict[str, float] = {
    "l2_spinous": 35,
    "l2_spinous_upper": 35,
    "l2_spinous_lower": 35,
    "l4_spinous": 35,
    "iliac_crest": 30,
    "t7_spinous": 30,
    "umbilicus": 30,
    "pubic_symphysis": 30,
    "xiphisternal_junction": 30,
    "nipple": 30,
    "scapula_inferior_angle": 30,
    "acromion_end": 15,
    "clavicle_lateral_end": 15,
    "clavicle_medial_end": 12,
    "clavicle_lower_medial": 15,
    "clavicle_lower_lateral": 15,
    "suprasternal_notch": 12,
    "mastoid": 15,
    "gluteal_fold": 30,
    "popliteal_crease_medial": 15,
    "popliteal_crease_lateral": 15,
    "lateral_malleolus": 10,
    "medial_malleolus": 10,
    "knee_crease": 15,
    "achilles_tendon": 10,
    "heel": 10,
    "mt5_base": 20,
}
BACK_VIEWS: tuple[View, ...] = ("back", "neck", "knee", "ankle")
FRONT_VIEWS: tuple[View, ...] = ("front", "foot")


@dataclass(frozen=True)
class Body:
    """A pose with the person's sides resolved for one view (front or back)."""

    pose: PoseObservation
    facing: BodyView
    mirrored: bool
    left_first: bool  # True when MediaPipe's "left" landmarks are the person's left

    def joint(self, name: str, side: Side) -> Vec | None:
        left_index, right_index, _ = JOINTS[name]
        index = self.index(left_index, right_index, side)
        return self.pose.points[index] if self.pose.visibility[index] >= SEEN else None

    def index(self, left_index: int, right_index: int, side: Side) -> int:
        take_left = (side == "left") == self.left_first
        return left_index if take_left else right_index

    def canonical_joint(self, name: str, side: Side) -> Vec:
        return joint_centre(JOINTS[name][2], side, "back" if self.facing == "back" else "front")

    def trunk(self) -> float:
        s = [self.pose.points[i] for i in (11, 12, 23, 24)]
        mid_s = ((s[0][0] + s[1][0]) / 2, (s[0][1] + s[1][1]) / 2)
        mid_h = ((s[2][0] + s[3][0]) / 2, (s[2][1] + s[3][1]) / 2)
        return max(1.0, _dist(mid_s, mid_h))


def resolve_sides(pose: PoseObservation, facing: BodyView, mirrored: bool = False) -> Body:
    """Decide which of MediaPipe's left/right landmarks are the person's left."""
    sl, sr, hl, hr = (pose.points[i] for i in (11, 12, 23, 24))
    down = ((hl[0] + hr[0] - sl[0] - sr[0]) / 2, (hl[1] + hr[1] - sl[1] - sr[1]) / 2)
    across = (sl[0] - sr[0], sl[1] - sr[1])  # from MediaPipe's right shoulder to its left
    turn = down[0] * across[1] - down[1] * across[0]
    # Seen from the front, unmirrored, the person's left lies where turning from "down" is
    # negative (the canonical front figure has the left at +x with y down); from behind, or
    # in a mirrored image, the other way.
    expected = -1.0 if facing == "front" else 1.0
    if mirrored:
        expected = -expected
    return Body(pose, facing, mirrored, left_first=turn * expected > 0)


def body_landmarks(body: Body, view: View) -> LandmarkSet | None:
    """The landmark set of one view, or None when the photo lacks the joints it needs."""
    if view in ("back", "neck", "front"):
        return _trunk_set(body, view)
    if view == "knee":
        return _legs_set(body, "knee")
    if view == "ankle":
        return _legs_set(body, "ankle")
    if view == "foot":
        return _feet_set(body)
    return None


def back_set_from_front(body: Body) -> LandmarkSet | None:
    """The back view's landmarks projected onto a front photo (for points on top of the
    shoulder, which both sides show): the back figure mirrored onto the front fit."""
    fit = _trunk_fit(body, "front")
    if fit is None:
        return None
    transform, residual = fit
    return _mapped(body, "back", lambda p: transform((-p[0], p[1])), transform, residual)


def _trunk_fit(body: Body, view: View) -> tuple[Affine, float] | None:
    names = ["shoulder", "hip"] if view != "neck" else ["shoulder", "ear"]
    probe = body
    src: list[Vec] = []
    dst: list[Vec] = []
    for name in names:
        for side in ("left", "right"):
            seen = probe.joint(name, side)
            if seen is not None:
                src.append(probe.canonical_joint(name, side))
                dst.append(seen)
    shoulders = sum(1 for s in ("left", "right") if probe.joint("shoulder", s) is not None)
    if shoulders < 2:
        return None
    transform = (
        fit_affine(src, dst) if len(src) >= 4 else fit_similarity(src, dst, reflect=body.mirrored)
    )
    return transform, transform.residual(src, dst)


def _trunk_set(body: Body, view: View) -> LandmarkSet | None:
    fit = _trunk_fit(body, view)
    if fit is None:
        return None
    transform, residual = fit
    set_ = _mapped(body, view, transform, transform, residual)
    if view in ("back", "front") and _hips_missing(body):
        # without the hips the lower trunk is extrapolated: keep only the upper landmarks
        keep = {
            n: p for n, p in set_.points.items() if canonical(view).points[n][1] < UPPER_TRUNK_Y
        }
        set_ = set_.model_copy(
            update={"points": keep, "uncertainty": {n: set_.uncertainty[n] for n in keep}}
        )
    return set_


def _hips_missing(body: Body) -> bool:
    return any(body.joint("hip", s) is None for s in ("left", "right"))


def _mapped(
    body: Body, view: View, place: Callable[[Vec], Vec], transform: Affine, residual: float
) -> LandmarkSet:
    scale = transform.scale()
    base = math.hypot(JOINT_ERROR * body.trunk(), residual)
    points: dict[str, Vec] = {}
    uncertainty: dict[str, float] = {}
    for name, position in canonical(view).points.items():
        points[name] = place(position)
        spread = SPREAD_MM.get(name.split(".")[0], DEFAULT_SPREAD_MM) * scale
        uncertainty[name] = math.hypot(spread, base)
    return LandmarkSet(view=view, points=points, uncertainty=uncertainty, unit="px")


def _leg_fit(body: Body, side: Side) -> Affine | None:
    src: list[Vec] = []
    dst: list[Vec] = []
    for name in ("hip", "knee", "ankle"):
        seen = body.joint(name, side)
        if seen is None:
            return None
        src.append(body.canonical_joint(name, side))
        dst.append(seen)
    return fit_similarity(src, dst, reflect=body.mirrored)


def _legs_set(body: Body, view: View) -> LandmarkSet | None:
    """Back of the knees, or the outer ankles seen from behind (one fit per leg)."""
    knee = canonical("knee").points
    points: dict[str, Vec] = {}
    uncertainty: dict[str, float] = {}
    base = JOINT_ERROR * body.trunk()
    for side in ("left", "right"):
        fit = _leg_fit(body, side)
        if fit is None:
            continue
        sign = -1.0 if side == "left" else 1.0  # canonical back view: left at -x
        if view == "knee":
            wanted = {
                n: knee[f"{n}.{side}"]
                for n in (
                    "gluteal_fold",
                    "popliteal_crease_medial",
                    "popliteal_crease_lateral",
                    "lateral_malleolus",
                    "medial_malleolus",
                )
            }
        else:
            wanted = {
                "knee_crease": knee[f"popliteal_crease_lateral.{side}"],
                "lateral_malleolus": knee[f"lateral_malleolus.{side}"],
                "achilles_tendon": (sign * JOINT_CENTRES["ankle_joint"][0], ACHILLES_Y),
            }
        for name, position in wanted.items():
            points[f"{name}.{side}"] = fit(position)
            spread = SPREAD_MM.get(name, DEFAULT_SPREAD_MM) * fit.scale()
            uncertainty[f"{name}.{side}"] = math.hypot(spread, base)
        if view == "ankle":
            heel = body.index(*HEEL, side)
            if body.pose.visibility[heel] >= SEEN:
                points[f"heel.{side}"] = body.pose.points[heel]
                uncertainty[f"heel.{side}"] = math.hypot(10 * fit.scale(), base)
    if not points:
        return None
    return LandmarkSet(view=view, points=points, uncertainty=uncertainty, unit="px")


def _feet_set(body: Body) -> LandmarkSet | None:
    """Tops of the feet on a front photo: along the foot from ankle to toe tip as MediaPipe
    sees it (foreshortened), across it at the leg's scale."""
    local = foot_local()
    points: dict[str, Vec] = {}
    uncertainty: dict[str, float] = {}
    scales: list[float] = []
    left_hip, right_hip = body.joint("hip", "left"), body.joint("hip", "right")
    if left_hip is None or right_hip is None:
        return None
    mid_hip = ((left_hip[0] + right_hip[0]) / 2, (left_hip[1] + right_hip[1]) / 2)
    for side in ("left", "right"):
        leg = _leg_fit(body, side)
        toe_index = body.index(*TOE, side)
        ankle = body.joint("ankle", side)
        if leg is None or ankle is None or body.pose.visibility[toe_index] < SEEN:
            continue
        toe = body.pose.points[toe_index]
        length = _dist(ankle, toe)
        if length < 1:
            continue
        u = ((toe[0] - ankle[0]) / length, (toe[1] - ankle[1]) / length)
        n = (-u[1], u[0])
        if n[0] * (mid_hip[0] - ankle[0]) + n[1] * (mid_hip[1] - ankle[1]) < 0:
            n = (-n[0], -n[1])  # n points to the inner (big-toe) side
        along = length / abs(TOE2_TIP_LOCAL[1])
        across = leg.scale()
        scales.append(across)
        for name, (x, y) in local.items():
            points[f"{name}.{side}"] = (
                ankle[0] - y * along * u[0] - x * across * n[0],
                ankle[1] - y * along * u[1] - x * across * n[1],
            )
            spread = SPREAD_MM.get(name, 15.0) * across
            foreshortening = 0.8 * CUN_MM * abs(across - along)
            uncertainty[f"{name}.{side}"] = math.hypot(spread, foreshortening, 0.02 * body.trunk())
    if not points:
        return None
    cun = CUN_MM * sum(scales) / len(scales)
    return LandmarkSet(view="foot", points=points, uncertainty=uncertainty, cun=cun, unit="px")


def _dist(a: Vec, b: Vec) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])
