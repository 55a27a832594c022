"""Small 2D transforms fitted by least squares (pure Python): canonical figure -> photo."""

from __future__ import annotations

import math
from dataclasses import dataclass

from acupressure.geometry import Vec


@dataclass(frozen=True)
class Affine:
    """x' = a x + b y + e, y' = c x + d y + f."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    def __call__(self, p: Vec) -> Vec:
        x, y = p
        return (self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f)

    def scale(self) -> float:
        """Mean linear scale (square root of the area factor)."""
        return math.sqrt(abs(self.a * self.d - self.b * self.c))

    def residual(self, src: list[Vec], dst: list[Vec]) -> float:
        """Root mean square distance between mapped sources and targets."""
        pairs = zip(src, dst, strict=True)
        total = sum((self(s)[0] - t[0]) ** 2 + (self(s)[1] - t[1]) ** 2 for s, t in pairs)
        return math.sqrt(total / len(src))


def fit_affine(src: list[Vec], dst: list[Vec]) -> Affine:
    """Least-squares affine map from at least three non-collinear points."""
    if len(src) < 3 or len(src) != len(dst):
        raise ValueError("an affine fit needs at least three point pairs")
    # normal equations of [x y 1] [a b e]^T = x'  and  [x y 1] [c d f]^T = y'
    m = [[0.0] * 3 for _ in range(3)]
    rx = [0.0] * 3
    ry = [0.0] * 3
    for (x, y), (u, v) in zip(src, dst, strict=True):
        row = (x, y, 1.0)
        for i in range(3):
            for j in range(3):
                m[i][j] += row[i] * row[j]
            rx[i] += row[i] * u
            ry[i] += row[i] * v
    a, b, e = _solve3(m, rx)
    c, d, f = _solve3(m, ry)
    return Affine(a, b, c, d, e, f)


def fit_similarity(src: list[Vec], dst: list[Vec], reflect: bool = False) -> Affine:
    """Least-squares rotation + uniform scale + shift (optionally with a mirror) from 2+ pairs."""
    if len(src) < 2 or len(src) != len(dst):
        raise ValueError("a similarity fit needs at least two point pairs")
    pts = [(-x, y) for x, y in src] if reflect else list(src)
    n = len(pts)
    sx = sum(p[0] for p in pts) / n
    sy = sum(p[1] for p in pts) / n
    tx = sum(p[0] for p in dst) / n
    ty = sum(p[1] for p in dst) / n
    num_c = num_s = den = 0.0
    for (x, y), (u, v) in zip(pts, dst, strict=True):
        x, y, u, v = x - sx, y - sy, u - tx, v - ty
        num_c += x * u + y * v
        num_s += x * v - y * u
        den += x * x + y * y
    if den == 0:
        raise ValueError("the source points coincide")
    p, q = num_c / den, num_s / den  # scale*cos, scale*sin
    e, f = tx - (p * sx - q * sy), ty - (q * sx + p * sy)
    if reflect:  # the fit was made on (-x, y): fold the mirror into the matrix
        return Affine(-p, -q, -q, p, e, f)
    return Affine(p, -q, q, p, e, f)


def _solve3(m: list[list[float]], r: list[float]) -> tuple[float, float, float]:
    det = _det3(m)
    if abs(det) < 1e-12 * max(1.0, max(abs(v) for row in m for v in row)) ** 3:
        raise ValueError("the points are collinear")
    out = []
    for k in range(3):
        mk = [row[:] for row in m]
        for i in range(3):
            mk[i][k] = r[i]
        out.append(_det3(mk) / det)
    return out[0], out[1], out[2]


def _det3(m: list[list[float]]) -> float:
    return (
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    )
