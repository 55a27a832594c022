"""The pregnancy policy of each point (``Point.pregnancy.policy``) applied to an intake.

- ``never``: never offered in pregnancy.
- ``not-first-trimester``: left out in trimester 1 or when the trimester is unknown; later
  gentle pressure, with the point's note (a midwife's or clinician's agreement).
- ``caution``: gentle pressure with the point's note.
- ``none``: no change, except that in pregnancy no point is pressed harder than
  ``moderate`` (:data:`PREGNANCY_MAX_PRESSURE`).

A person who might be pregnant or is trying to conceive is treated as pregnant with the
trimester unknown (``Intake.maybe_pregnant``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from acupressure.atlas.models import Point, Pressure
from acupressure.i18n import gettext as _
from acupressure.safety.intake import Intake

PREGNANCY_MAX_PRESSURE: Pressure = "moderate"


@dataclass(frozen=True)
class PregnancyRule:
    action: Literal["ok", "exclude", "gentle"]
    text: str | None = None


def pregnancy_rule(point: Point, intake: Intake) -> PregnancyRule:
    if not intake.pregnant:
        return PregnancyRule("ok")
    policy, note = point.pregnancy.policy, point.pregnancy.note
    if policy == "never":
        return PregnancyRule("exclude", note)
    if policy == "not-first-trimester":
        if intake.trimester == 1:
            return PregnancyRule("exclude", note)
        if intake.trimester is None:
            text = _("Left out because the trimester is not known. {note}")
            return PregnancyRule("exclude", text.format(note=note))
        return PregnancyRule("gentle", _("Pregnancy: {note}").format(note=note))
    if policy == "caution":
        return PregnancyRule("gentle", _("Pregnancy: {note}").format(note=note))
    return PregnancyRule("ok")
