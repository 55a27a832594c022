"""Weekly re-screening: the red-flag questions again; any yes stops the program.

At re-screening a yes is never cleared by an earlier "a clinician has seen this": the
program stops with the advice, and the person can start a new one once a clinician agrees.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from acupressure.safety import Intake, Screening, screen


class Rescreen(BaseModel):
    model_config = ConfigDict(frozen=True)

    stop: bool
    screening: Screening


def rescreen(intake: Intake, yes: list[str]) -> Rescreen:
    """Screen the program's intake with this week's answers (the red-flag ids answered yes)."""
    again = intake.model_copy(update={"red_flags": list(yes), "seen_clinician": False})
    result = screen(Intake.model_validate(again.model_dump()))
    return Rescreen(stop=bool(yes) or result.blocked, screening=result)
