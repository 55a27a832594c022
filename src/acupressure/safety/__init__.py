"""Safety: the intake, red-flag screening, conditions and the pregnancy policy.

>>> from acupressure.safety import Intake, screen
>>> screen(Intake(areas=["neck"], red_flags=["fever"])).urgency
'emergency'
"""

from __future__ import annotations

from acupressure.safety.intake import Intake
from acupressure.safety.loader import SafetyDataError, conditions, red_flags, reviewer
from acupressure.safety.models import Condition, Effect, RedFlag, Urgency
from acupressure.safety.pregnancy import PregnancyRule, pregnancy_rule
from acupressure.safety.screening import GENERAL_ADVICE, RaisedFlag, Screening, screen

__all__ = [
    "GENERAL_ADVICE",
    "Condition",
    "Effect",
    "Intake",
    "PregnancyRule",
    "RaisedFlag",
    "RedFlag",
    "SafetyDataError",
    "Screening",
    "Urgency",
    "conditions",
    "pregnancy_rule",
    "red_flags",
    "reviewer",
    "screen",
]
