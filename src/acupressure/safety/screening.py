"""Red-flag screening: may a routine be offered at all?"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from acupressure.i18n import LANGUAGES, N_, use
from acupressure.i18n import gettext as _
from acupressure.safety.intake import Intake
from acupressure.safety.loader import red_flags
from acupressure.safety.models import RedFlag, Urgency

GENERAL_ADVICE = N_(
    "Stop if pain gets sharply worse or new symptoms appear, and see a clinician. "
    "Acupressure is self-care alongside medical care, not a replacement for it."
)


class RaisedFlag(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    urgency: Urgency
    question: str
    advice: str
    sources: list[str]
    cleared: bool  # a "soon" flag the person says a clinician has assessed


class Screening(BaseModel):
    """The outcome: blocked or not, how urgent, and what to tell the person."""

    model_config = ConfigDict(frozen=True)

    blocked: bool
    urgency: Urgency | None
    advice: list[str]
    red_flags: list[RaisedFlag]


class Screened(BaseModel):
    """What was screened: the questions put to the person and the ones answered yes."""

    model_config = ConfigDict(frozen=True)

    asked: list[str]
    yes: list[str]


def relevant_flags(intake: Intake, codes: Iterable[str]) -> list[RedFlag]:
    """The red flags to ask this person, whose routine may hold the points ``codes``
    (emergencies first). Pass every point the routine could hold, before any time budget,
    so that nothing relevant is skipped."""
    points, areas = set(codes), {str(a) for a in intake.areas}
    answers = {"pregnant"} if intake.pregnant else set()  # maybe pregnant counts as pregnant
    return [f for f in red_flags().values() if f.relevant(areas, points, answers)]


def screened(intake: Intake, codes: Iterable[str]) -> Screened:
    """The record of screening: the relevant questions (and any other answered yes)."""
    yes = list(dict.fromkeys(intake.red_flags))
    asked = [f.id for f in relevant_flags(intake, codes)]
    return Screened(asked=asked + [i for i in yes if i not in asked], yes=yes)


def _raised(flag: RedFlag, cleared: bool) -> RaisedFlag:
    return RaisedFlag(
        id=flag.id,
        urgency=flag.urgency,
        question=flag.question,
        advice=flag.advice,
        sources=list(flag.sources),
        cleared=cleared,
    )


def screen(intake: Intake) -> Screening:
    """Any emergency flag blocks; a "soon" flag blocks unless ``seen_clinician`` clears it."""
    known = red_flags()
    raised = [
        _raised(known[i], intake.seen_clinician and known[i].urgency == "soon")
        for i in dict.fromkeys(intake.red_flags)
    ]
    raised.sort(key=lambda f: f.urgency != "emergency")
    open_flags = [f for f in raised if not f.cleared]
    urgency: Urgency | None = None
    if any(f.urgency == "emergency" for f in open_flags):
        urgency = "emergency"
    elif open_flags:
        urgency = "soon"
    advice = [f.advice for f in open_flags]
    if urgency is not None:
        advice.insert(0, _(BLOCKED[urgency]))
    return Screening(blocked=bool(open_flags), urgency=urgency, advice=advice, red_flags=raised)


# The first line of a blocking screening's advice, by urgency.
BLOCKED: dict[Urgency, str] = {
    "emergency": N_("No acupressure routine is offered."),
    "soon": N_(
        "No routine is offered until a clinician has assessed this; then plan again and "
        "confirm that a clinician has seen you."
    ),
}


def localized_advice(lines: list[str]) -> list[str]:
    """Advice kept from an earlier screening (a stopped program's), in the current language:
    each line is found among the red flags' advice and the blocking lines in every language.
    A line found nowhere (the data changed since) is returned as it was kept."""
    ids = list(red_flags())
    wanted = [red_flags()[i].advice for i in ids] + [_(text) for text in BLOCKED.values()]
    table: dict[str, str] = {}
    for language in LANGUAGES:
        with use(language):
            kept = [red_flags()[i].advice for i in ids] + [_(t) for t in BLOCKED.values()]
        table.update(zip(kept, wanted, strict=True))
    return [table.get(line, line) for line in lines]
