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
from acupressure.i18n import gettext as _
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
        return PregnancyRule("exclude", _("Never used in pregnancy. {note}").format(note=note))
    if policy == "not-first-trimester":
        if intake.trimester in (None, 1):
            if intake.trimester == 1:
                text = _("Not used in the first trimester of pregnancy. {note}")
            else:
                text = _("Not used in an unknown trimester of pregnancy. {note}")
            return PregnancyRule("exclude", text.format(note=note))
        return PregnancyRule(
            "gentle", _("Pregnancy: gentle pressure only. {note}").format(note=note)
        )
    if policy == "caution":
        return PregnancyRule(
            "gentle", _("Pregnancy: gentle pressure only. {note}").format(note=note)
        )
    return PregnancyRule("ok")
