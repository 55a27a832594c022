"""Typed models for the safety data files (red flags, conditions).

The data files in ``safety/data`` are validated into :class:`RedFlag` and :class:`Condition`
on load; models are frozen and forbid unknown keys, like the atlas.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from acupressure.atlas.models import CODE_RE, Area, Sources, Text

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
Urgency = Literal["emergency", "soon"]


def json_int(value: object) -> object:
    """A JSON integer as JSON Schema means it: 2 and 2.0, never true, "2" or 2.5."""
    if isinstance(value, bool):  # Literal[1] takes True, even in strict mode
        raise ValueError("Input should be a whole number, not true or false")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Trimester = Annotated[Literal[1, 2, 3], BeforeValidator(json_int)]
Code = Annotated[str, StringConstraints(pattern=CODE_RE.pattern)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


IntakeAnswer = Literal["pregnant"]  # pregnant, or might be (see Intake.maybe_pregnant)


class AskedWhen(_Model):
    """When a red flag matters: any chosen area in ``areas``, any point the routine may hold
    in ``points``, or any intake answer in ``intake``. At least one list is given."""

    areas: list[Area] = []
    points: list[Code] = []
    intake: list[IntakeAnswer] = []

    @model_validator(mode="after")
    def _not_empty(self) -> AskedWhen:
        if not (self.areas or self.points or self.intake):
            raise ValueError("asked_when needs areas, points or intake (or leave it out)")
        return self

    def holds(self, areas: set[str], codes: set[str], answers: set[str]) -> bool:
        """Any chosen area, possible point or intake answer in its lists."""
        return bool(
            set(self.areas) & areas or set(self.points) & codes or set(self.intake) & answers
        )

    def describe(self) -> str:
        parts = []
        if self.areas:
            parts.append("area " + ", ".join(self.areas))
        if self.points:
            parts.append("routine with " + ", ".join(self.points))
        if self.intake:
            parts.append("pregnant or might be")
        return " or ".join(parts)


class RedFlag(_Model):
    """A sign that self-care must stop and a clinician must see the person.

    ``emergency`` (E): go now, never cleared. ``soon`` (S): see a doctor within days; cleared
    once the person confirms a clinician has assessed it. ``asked_when`` None: asked before
    every routine.
    """

    id: Slug
    urgency: Urgency
    question: Text  # asked as a yes/no question; "yes" raises the flag
    advice: Text  # shown when the flag is raised
    sources: Sources
    asked_when: AskedWhen | None = None

    def relevant(self, areas: set[str], codes: set[str], answers: set[str]) -> bool:
        """Must this be asked of someone with these areas and intake answers, whose routine
        may hold ``codes``?"""
        return self.asked_when is None or self.asked_when.holds(areas, codes, answers)

    def when(self) -> str:
        return "always" if self.asked_when is None else self.asked_when.describe()


class Effect(_Model):
    """What a condition does to the routine.

    ``exclude`` removes the points (``text`` is the reason); ``gentle`` lowers their pressure
    to gentle (``text`` is the note); ``method`` replaces how they are pressed (``text`` is
    the new method); ``note`` adds ``text`` to the points. ``points`` is a list of codes or
    ``all``.
    """

    action: Literal["exclude", "gentle", "method", "note"]
    points: Literal["all"] | Annotated[list[Code], Field(min_length=1)]
    text: Text

    def applies_to(self, code: str) -> bool:
        return self.points == "all" or code in self.points


class Condition(_Model):
    """A health condition that changes the routine (filters or softens it)."""

    id: Slug
    label: Text  # short name shown to the person
    warning: Text  # shown in the plan's warnings whenever the condition is given
    effects: list[Effect] = []
    sources: Sources
