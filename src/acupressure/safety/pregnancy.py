"""The pregnancy policy of each point (``Point.pregnancy.policy``) applied to an intake.

- ``never``: never offered in pregnancy.
- ``not-first-trimester``: left out in trimester 1 or when the trimester is unknown; later
  gentle pressure, with the point's note (a midwife's or clinician's agreement).
- ``caution``: gentle pressure with the point's note.
- ``none``: no change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from acupressure.atlas.models import Point
from acupressure.safety.intake import Intake


@dataclass(frozen=True)
class PregnancyRule:
    action: Literal["ok", "exclude", "gentle"]
    text: str | None = None


def pregnancy_rule(point: Point, intake: Intake) -> PregnancyRule:
    if not intake.pregnant:
        return PregnancyRule("ok")
    policy, note = point.pregnancy.policy, point.pregnancy.note
    if policy == "never":
        return PregnancyRule("exclude", f"Never used in pregnancy. {note}")
    if policy == "not-first-trimester":
        if intake.trimester in (None, 1):
            when = "the first trimester" if intake.trimester == 1 else "an unknown trimester"
            return PregnancyRule("exclude", f"Not used in {when} of pregnancy. {note}")
        return PregnancyRule("gentle", f"Pregnancy: gentle pressure only. {note}")
    if policy == "caution":
        return PregnancyRule("gentle", f"Pregnancy: gentle pressure only. {note}")
    return PregnancyRule("ok")
