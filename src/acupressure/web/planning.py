"""From the plan form (or API body) to an Intake, and from an Intake to the plan's JSON."""

from __future__ import annotations

import json
from typing import Any

from django.http import QueryDict
from pydantic import ValidationError

from acupressure import safety
from acupressure.safety import Intake

AREAS = [
    ("lower-back", "Lower back"),
    ("upper-back", "Upper back"),
    ("neck", "Neck"),
    ("shoulders", "Shoulders"),
]


class IntakeError(ValueError):
    """The form or body cannot become an Intake; the message says why, in one line."""


def validation_message(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)


def intake_from_form(data: QueryDict) -> Intake:
    """Read the plan page's form. Every red-flag question must be answered yes or no."""
    unanswered = []
    flags = []
    for flag in safety.red_flags().values():
        answer = data.get(f"flag-{flag.id}", "")
        if answer == "yes":
            flags.append(flag.id)
        elif answer != "no":
            unanswered.append(flag.id)
    if unanswered:
        raise IntakeError(f"please answer every safety question ({len(unanswered)} not answered)")
    raw: dict[str, Any] = {
        "areas": data.getlist("area"),
        "pregnant": data.get("pregnant") == "yes",
        "helper": data.get("helper") == "yes",
        "conditions": data.getlist("condition"),
        "red_flags": flags,
        "seen_clinician": data.get("seen_clinician") == "yes",
    }
    if not raw["areas"]:
        raise IntakeError("choose at least one area where it hurts")
    trimester = data.get("trimester", "")
    if trimester not in ("", "unknown", "1", "2", "3"):
        raise IntakeError(f"trimester: {trimester!r} is not 1, 2 or 3")
    if trimester in ("1", "2", "3"):
        if not raw["pregnant"]:
            raise IntakeError(
                "trimester: a trimester is chosen but 'I am pregnant' is not ticked; "
                'tick it, or choose "I don\'t know / not pregnant"'
            )
        raw["trimester"] = int(trimester)
    minutes = data.get("minutes", "").strip()
    if minutes:
        if not minutes.isdecimal():  # not isdigit(): "²".isdigit() is true, int("²") fails
            raise IntakeError("minutes: give a whole number of minutes")
        raw["minutes"] = int(minutes)
    try:
        return Intake.model_validate(raw)
    except ValidationError as exc:
        raise IntakeError(validation_message(exc)) from None


def plan_for(intake: Intake) -> dict[str, Any]:
    """The plan as JSON-ready data: the same shape as `acupressure plan --json`.

    A plan is a pure function of the intake and the data, so it is made once per intake
    (``pagecache``); each caller gets its own copy to change as it likes."""
    from acupressure.web.pagecache import cached_plan_json

    result: dict[str, Any] = json.loads(cached_plan_json(intake))
    return result
