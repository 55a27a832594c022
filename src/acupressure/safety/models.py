"""Typed models for safety data (red flags, conditions) and the intake.

The data files in ``safety/data`` are validated into :class:`RedFlag` and :class:`Condition`
on load; models are frozen and forbid unknown keys, like the atlas.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

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


class RedFlag(_Model):
    """A sign that self-care must stop and a clinician must see the person.

    ``emergency`` (E): go now, never cleared. ``soon`` (S): see a doctor within days; cleared
    once the person confirms a clinician has assessed it.
    """

    id: Slug
    urgency: Urgency
    question: Text  # asked as a yes/no question; "yes" raises the flag
    advice: Text  # shown when the flag is raised
    sources: Sources


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


def _intake_schema(schema: dict[str, Any]) -> None:
    """The rules beyond types, said in the JSON schema too (OpenAPI clients see them)."""
    from acupressure.safety.loader import conditions, red_flags

    properties = schema["properties"]
    properties["conditions"]["items"]["enum"] = sorted(conditions())
    properties["red_flags"]["items"]["enum"] = sorted(red_flags())
    schema["anyOf"] = [  # a trimester only with pregnant: true
        {"properties": {"pregnant": {"const": True}}, "required": ["pregnant"]},
        {"properties": {"trimester": {"type": "null"}}},
    ]


class Intake(_Model):
    """What the person tells us before a routine is planned.

    Condition and red-flag ids are checked against the safety data: an unknown id is an
    error, never ignored. ``trimester`` None with ``pregnant`` means "unknown". Strict types:
    an API body's ``"pregnant": "yes"`` or ``"pain": false`` is an error, not a guess.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", strict=True, json_schema_extra=_intake_schema
    )

    areas: Annotated[list[Area], Field(min_length=1)]
    pregnant: bool = False
    trimester: Trimester | None = None
    helper: bool = False
    conditions: list[Slug] = []
    red_flags: list[Slug] = []
    seen_clinician: bool = False  # a clinician has assessed the "soon" red flags given
    minutes: Annotated[int, Field(gt=0, le=240), BeforeValidator(json_int)] | None = None
    pain: Annotated[int, Field(ge=0, le=10), BeforeValidator(json_int)] | None = None

    @model_validator(mode="after")
    def _check(self) -> Intake:
        from acupressure.safety.loader import conditions, red_flags

        if self.trimester is not None and not self.pregnant:
            raise ValueError("trimester given without pregnant")
        unknown = [c for c in self.conditions if c not in conditions()]
        if unknown:
            raise ValueError(f"unknown condition(s): {', '.join(unknown)}")
        unknown = [f for f in self.red_flags if f not in red_flags()]
        if unknown:
            raise ValueError(f"unknown red flag(s): {', '.join(unknown)}")
        return self

    def unique_areas(self) -> list[Area]:
        return list(dict.fromkeys(self.areas))
