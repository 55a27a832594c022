"""The one shared geometric term: a point or vector in the plane, (x, y).

Below every package that draws or measures (the body model, the label placer, the charts,
the camera), so each takes the same definition instead of spelling out its own.
"""

from __future__ import annotations

Vec = tuple[float, float]  # (x, y), in whatever unit the caller works in (mm, px, cun)
