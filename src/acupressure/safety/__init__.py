"""Safety: the intake, red-flag screening, conditions and the pregnancy policy.

>>> from acupressure.safety import Intake, screen
>>> screen(Intake(areas=["neck"], red_flags=["fever"])).urgency
'emergency'
"""

from __future__ import annotations

from acupressure.safety.intake import Intake
from acupressure.safety.loader import SafetyDataError, conditions, red_flags, reviewer
from acupressure.safety.models import AskedWhen, Condition, Effect, RedFlag, Urgency
from acupressure.safety.pregnancy import PregnancyRule, pregnancy_rule
from acupressure.safety.screening import (
    GENERAL_ADVICE,
    RaisedFlag,
    Screened,
    Screening,
    localized_advice,
    relevant_flags,
    screen,
    screened,
)

__all__ = [
    "GENERAL_ADVICE",
    "AskedWhen",
    "Condition",
    "Effect",
    "Intake",
    "PregnancyRule",
    "RaisedFlag",
    "RedFlag",
    "SafetyDataError",
    "Screened",
    "Screening",
    "Urgency",
    "conditions",
    "localized_advice",
    "pregnancy_rule",
    "red_flags",
    "relevant_flags",
    "reviewer",
    "screen",
    "screened",
]
