"""The intake: what the person tells us before a routine is planned.

Condition and red-flag ids are checked against the safety data (``loader``), which is why the
intake lives apart from the data models: models <- loader <- intake, no cycle.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from acupressure.atlas.models import Area
from acupressure.safety.loader import conditions, red_flags
from acupressure.safety.models import Slug, Trimester, json_int


def _intake_schema(schema: dict[str, Any]) -> None:
    """The rules beyond types, said in the JSON schema too (OpenAPI clients see them)."""
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


class Intake(BaseModel):
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
