"""From the plan form (or API body) to an Intake, and from an Intake to the plan's JSON."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from pydantic import BaseModel, ConfigDict, ValidationError

from acupressure import safety
from acupressure.atlas import labels
from acupressure.i18n import gettext as _
from acupressure.i18n import validation
from acupressure.plan import Plan, PlannedPoint
from acupressure.safety import Intake

AREAS = labels.AREAS  # read per request: the labels come in the page's language


class IntakeError(ValueError):
    """The form or body cannot become an Intake; the message says why, in one line.

    ``field`` names the form part the message belongs next to ("area", "flags" or None)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# pydantic's own messages are English: the common kinds in the page's language ({name}: the
# error's context); our validators' messages ("Value error, ...") are shown as they come.
def validation_message(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        message = validation.message(error)
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)


def flag_areas(flag: safety.RedFlag) -> list[str]:
    """The areas for which the plan page shows a flag (its areas and its points' areas);
    empty when the flag is asked whatever the areas."""
    when = flag.asked_when
    if when is None or (when.intake and not (when.areas or when.points)):
        return []
    from acupressure import atlas

    areas = set(when.areas) | {a for code in when.points for a in atlas.get(code).areas}
    return [value for value in AREAS if value in areas]


def intake_from_form(data: QueryDict) -> Intake:
    """Read the plan page's form. Every question relevant to this routine must be answered
    yes or no; a yes to any question counts, relevant or not."""
    yes = [f for f in safety.red_flags() if data.get(f"flag-{f}", "") == "yes"]
    intake = _intake(data, yes)
    from acupressure.plan import questions

    unanswered = [
        f.id for f in questions(intake) if data.get(f"flag-{f.id}", "") not in ("yes", "no")
    ]
    if unanswered:
        raise IntakeError(
            _("please answer every safety question ({count} not answered)").format(
                count=len(unanswered)
            ),
            "flags",
        )
    return intake


def _intake(data: QueryDict, yes: list[str]) -> Intake:
    raw: dict[str, Any] = {
        "areas": data.getlist("area"),
        "pregnant": data.get("pregnant") == "yes",
        "maybe_pregnant": data.get("maybe_pregnant") == "yes",
        "helper": data.get("helper") == "yes",
        "conditions": data.getlist("condition"),
        "red_flags": yes,
        "seen_clinician": data.get("seen_clinician") == "yes",
    }
    if not raw["areas"]:
        raise IntakeError(_("choose at least one area where it hurts"), "area")
    trimester = data.get("trimester", "")
    if trimester not in ("", "unknown", "1", "2", "3"):
        raise IntakeError(_("trimester: {value!r} is not 1, 2 or 3").format(value=trimester))
    if trimester in ("1", "2", "3") and not raw["maybe_pregnant"]:
        if not raw["pregnant"]:
            raise IntakeError(
                _(
                    "trimester: a trimester is chosen but 'I am pregnant' is not ticked; "
                    'tick it, or choose "I don\'t know / not pregnant"'
                )
            )
        raw["trimester"] = int(trimester)
    minutes = data.get("minutes", "").strip()
    if minutes:
        if not minutes.isdecimal() or len(minutes) > 6:  # "²".isdigit() is true, int("²") fails
            raise IntakeError(_("minutes: give a whole number of minutes"))
        raw["minutes"] = int(minutes)
    try:
        return Intake.model_validate(raw)
    except ValidationError as exc:
        raise IntakeError(validation_message(exc)) from None


def plan_for(intake: Intake) -> Plan:
    """The plan, the same model `acupressure plan --json` prints.

    A plan is a pure function of the intake and the data, so it is made once per intake
    (``pagecache``); the model is frozen, so every caller can share it."""
    from acupressure.web.pagecache import cached_plan

    return cached_plan(intake)


class RoutinePoint(BaseModel):
    """A planned point as the plan page shows it: the plan's own record and its hanzi."""

    model_config = ConfigDict(frozen=True)

    point: PlannedPoint
    hanzi: str  # marked lang="zh" on the page
    pressure: str  # the point's pressure in words, in the page's language
    dose: str  # how long and how often, in words (atlas.labels.dose_text)


def screening_from_form(data: QueryDict) -> Intake:
    """The screening a practitioner records (or asks the client for): every red-flag
    question answered, since any atlas point may be prescribed, whatever the areas."""
    missing = [f for f in safety.red_flags() if data.get(f"flag-{f}", "") not in ("yes", "no")]
    if missing:
        raise IntakeError(
            _("please answer every safety question ({count} not answered)").format(
                count=len(missing)
            )
        )
    return intake_from_form(data)
