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

    def holds(self, intake: Intake, codes: set[str]) -> bool:
        answers = {"pregnant"} if intake.pregnant else set()
        return bool(
            set(self.areas) & set(intake.areas)
            or set(self.points) & codes
            or set(self.intake) & answers
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

    def relevant(self, intake: Intake, codes: set[str]) -> bool:
        """Must this be asked of this person, whose routine may hold ``codes``?"""
        return self.asked_when is None or self.asked_when.holds(intake, codes)

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


def _intake_schema(schema: dict[str, Any]) -> None:
    """The rules beyond types, said in the JSON schema too (OpenAPI clients see them)."""
    from acupressure.safety.loader import conditions, red_flags

    properties = schema["properties"]
    properties["conditions"]["items"]["enum"] = sorted(conditions())
    properties["red_flags"]["items"]["enum"] = sorted(red_flags())
    no_trimester = {"properties": {"trimester": {"type": "null"}}}
    schema["allOf"] = [
        {  # a trimester only with pregnant: true
            "anyOf": [
                {"properties": {"pregnant": {"const": True}}, "required": ["pregnant"]},
                no_trimester,
            ]
        },
        {  # maybe pregnant: the trimester is unknown
            "anyOf": [{"properties": {"maybe_pregnant": {"const": False}}}, no_trimester]
        },
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
    maybe_pregnant: bool = False  # might be pregnant or trying: pregnant, trimester unknown
    trimester: Trimester | None = None
    helper: bool = False
    conditions: list[Slug] = []
    red_flags: list[Slug]  # the yes answers; required: [] is "no to every question asked"
    seen_clinician: bool = False  # a clinician has assessed the "soon" red flags given
    minutes: Annotated[int, Field(gt=0, le=240), BeforeValidator(json_int)] | None = None
    pain: Annotated[int, Field(ge=0, le=10), BeforeValidator(json_int)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _maybe_is_pregnant(cls, data: Any) -> Any:
        """Might be pregnant (or trying to conceive) is treated as pregnant."""
        if isinstance(data, dict) and data.get("maybe_pregnant") is True:
            return {**data, "pregnant": True}
        return data

    @model_validator(mode="after")
    def _check(self) -> Intake:
        from acupressure.safety.loader import conditions, red_flags

        if self.trimester is not None and not self.pregnant:
            raise ValueError("trimester given without pregnant")
        if self.maybe_pregnant and self.trimester is not None:
            raise ValueError("trimester given with maybe_pregnant (the trimester is unknown)")
        unknown = [c for c in self.conditions if c not in conditions()]
        if unknown:
            raise ValueError(f"unknown condition(s): {', '.join(unknown)}")
        unknown = [f for f in self.red_flags if f not in red_flags()]
        if unknown:
            raise ValueError(f"unknown red flag(s): {', '.join(unknown)}")
        return self

    def unique_areas(self) -> list[Area]:
        return list(dict.fromkeys(self.areas))
