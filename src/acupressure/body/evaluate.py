"""The one evaluator: a location rule plus a landmark set gives a position per side.

Everything it uses comes from the landmark set: positions, the local frame (which way is
"inferior", "lateral", "radial") and the cun length. So the same rule places a point on the
canonical figure, on a photo, rotated, mirrored or scaled, without knowing which.
"""

from __future__ import annotations

import math
from typing import Protocol

from acupressure.body.landmarks import LandmarkSet, MissingLandmarkError, Placement
from acupressure.body.rule import LocationRule, Offset
from acupressure.body.vocabulary import SIDES, SPECS, Side
from acupressure.geometry import Vec


class HasRule(Protocol):
    """Anything with a code and a location rule (an atlas ``Point``); codes are resolved by
    the atlas, never here."""

    @property
    def code(self) -> str: ...

    @property
    def rule(self) -> LocationRule: ...


class RuleError(ValueError):
    """A rule that cannot be evaluated on this landmark set (wrong view, degenerate geometry)."""


def evaluate(point: HasRule, landmarks: LandmarkSet) -> list[Placement]:
    """Place a point on a landmark set: one placement per side present (or one midline).

    Raises MissingLandmarkError when no side has the landmarks the rule needs, RuleError
    when the set is of another view or the geometry is degenerate.
    """
    return evaluate_rule(point.rule, landmarks, point.code)


def evaluate_rule(rule: LocationRule, landmarks: LandmarkSet, code: str = "") -> list[Placement]:
    if rule.view != landmarks.view:
        raise RuleError(f"{code or 'the rule'} is on the {rule.view} view, not {landmarks.view}")
    if not rule.is_bilateral():
        x, y, r = _place(rule, landmarks, None)
        return [Placement(code=code, side="midline", x=x, y=y, radius=r)]
    placements: list[Placement] = []
    missing: MissingLandmarkError | None = None
    for side in SIDES:
        try:
            x, y, r = _place(rule, landmarks, side)
        except MissingLandmarkError as exc:
            missing = missing or exc
            continue
        placements.append(Placement(code=code, side=side, x=x, y=y, radius=r))
    if not placements:
        assert missing is not None
        raise missing
    return placements


class _Frame:
    def __init__(self, landmarks: LandmarkSet, side: Side | None) -> None:
        self.set = landmarks
        self.side = side
        self.spec = SPECS[landmarks.view]
        self.used: set[str] = set()

    def name(self, base: str) -> str:
        if self.spec.landmark(base).sided:
            if self.side is None:
                raise RuleError(f"{base!r} is sided but the rule is evaluated on the midline")
            return f"{base}.{self.side}"
        return base

    def at(self, base: str) -> Vec:
        full = self.name(base)
        self.used.add(full)
        return self.set.get(full)

    def _template(self, template: str) -> Vec:
        if "{side}" in template and self.side is None:
            raise RuleError(f"{template!r} needs a side")
        return self.set.get(template.format(side=self.side))

    def forward(self) -> Vec:
        a, b = (self._template(t) for t in self.spec.frame.axis)
        return _unit(b[0] - a[0], b[1] - a[1])

    def outward(self) -> Vec:
        fx, fy = self.forward()
        px, py = -fy, fx
        a, b = (self._template(t) for t in self.spec.frame.across_ref)
        if px * (b[0] - a[0]) + py * (b[1] - a[1]) < 0:
            px, py = -px, -py
        return px, py

    def vector(self, direction: str) -> tuple[Vec, str | None]:
        f = self.spec.frame
        if direction in (f.forward, f.backward):
            v, scale = self.forward(), f.forward_scale
        else:
            v, scale = self.outward(), f.across_scale
        sign = 1.0 if direction in (f.forward, f.outward) else -1.0
        return (sign * v[0], sign * v[1]), scale

    def move(self, p: Vec, offsets: list[Offset]) -> Vec:
        x, y = p
        for offset in offsets:
            (vx, vy), scale = self.vector(offset.direction)
            step = offset.cun * self.set.cun_length(scale, self.side)
            x, y = x + vx * step, y + vy * step
        return x, y


def _place(
    rule: LocationRule, landmarks: LandmarkSet, side: Side | None
) -> tuple[float, float, float]:
    frame = _Frame(landmarks, side)
    p = frame.at(rule.anchor)
    if rule.toward is not None:
        q = frame.at(rule.toward)
        p = (p[0] + rule.fraction * (q[0] - p[0]), p[1] + rule.fraction * (q[1] - p[1]))
    p = frame.move(p, rule.offsets)
    if rule.onto is not None:
        a, b = frame.at(rule.onto.line[0]), frame.at(rule.onto.line[1])
        v, _ = frame.vector(rule.onto.along)
        p = _slide(p, v, a, b)
    p = frame.move(p, rule.then)
    scale = frame.spec.frame.across_scale if rule.is_bilateral() else frame.spec.frame.forward_scale
    radius = rule.radius_cun * landmarks.cun_length(scale, side)
    spread = max((landmarks.uncertainty.get(n, 0.0) for n in frame.used), default=0.0)
    return p[0], p[1], math.hypot(radius, spread)


def _slide(p: Vec, v: Vec, a: Vec, b: Vec) -> Vec:
    """The point p + t v that lies on the line through a and b."""
    wx, wy = b[0] - a[0], b[1] - a[1]
    det = wx * v[1] - wy * v[0]
    if abs(det) < 1e-9 * (math.hypot(wx, wy) or 1.0):
        raise RuleError("the slide direction is parallel to the target line")
    t = (wy * (p[0] - a[0]) - wx * (p[1] - a[1])) / det
    return p[0] + t * v[0], p[1] + t * v[1]


def _unit(x: float, y: float) -> Vec:
    n = math.hypot(x, y)
    if n == 0:
        raise RuleError("two frame landmarks coincide")
    return x / n, y / n
