"""Typed models for the point atlas.

Every point file in ``atlas/data/points`` is validated into a :class:`Point` on load.
Models are frozen and forbid unknown keys, so a typo in a data file fails loudly.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from acupressure.body.rule import LocationRule

# The article's two groups of points, in its order, and the areas a person can choose.
# Defined here once; labels in labels.py; Django choices, API enums and CLI help derive.
Region = Literal["lower-back", "upper-back"]
REGIONS: tuple[Region, ...] = get_args(Region)
Area = Literal["lower-back", "upper-back", "neck", "shoulders"]
AREAS: tuple[Area, ...] = get_args(Area)
Laterality = Literal["bilateral", "midline"]
Performer = Literal["self", "helper", "either"]
Posture = Literal["lying-prone", "lying-supine", "side-lying", "seated", "standing", "any"]
Pressure = Literal["gentle", "moderate", "firm", "strong"]
PRESSURES: tuple[Pressure, ...] = ("gentle", "moderate", "firm", "strong")  # softest first


def softer(a: Pressure, b: Pressure) -> Pressure:
    """The softer of two pressures."""
    return a if PRESSURES.index(a) <= PRESSURES.index(b) else b


Sides = Literal["midline", "both-together", "alternate", "one-then-other"]
PregnancyPolicy = Literal["never", "not-first-trimester", "caution", "none"]

CODE_RE = re.compile(r"^(LU|LI|ST|SP|HT|SI|BL|KI|PC|TE|GB|LR|GV|CV)([1-9][0-9]?)$")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Sources = Annotated[list[SourceId], Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Model):
    """One entry of the bibliography (``atlas/data/sources.yaml``)."""

    id: SourceId
    citation: Text
    url: str | None = None


class Names(_Model):
    pinyin: Text
    hanzi: Text
    english: Text


class Sourced(_Model):
    """A statement with the sources that support it."""

    text: Text
    sources: Sources


class Location(_Model):
    standard: Text  # the standard (WHO 2008) location, paraphrased
    how_to_find: Annotated[list[Text], Field(min_length=1)]  # plain-language steps
    landmarks: Annotated[list[Text], Field(min_length=1)]  # what to feel for
    sources: Sources


class Variant(_Model):
    when: Text  # e.g. "weak stomach or gastric trouble"
    instruction: Text
    sources: Sources


class Lighter(_Model):
    """How the point is pressed when a routine lowers its pressure below the technique's
    (pregnancy, a condition, a practitioner's choice): the same protocol in words that never
    ask for a firmer press ("press firmly", "lean in", "strongly")."""

    method: Text | None = None  # None: the technique's method
    steps: Annotated[list[Text], Field(min_length=1)]
    breathing: Text | None = None  # None: the technique's breathing cue, if any
    sources: Sources


class PregnancyPosture(_Model):
    """The position used in pregnancy instead of lying face down (from the second trimester,
    with a helper): side-lying or sitting leaning forward, with the steps written for it."""

    posture: Posture
    posture_note: Text
    steps: Annotated[list[Text], Field(min_length=1)]
    sources: Sources

    @field_validator("posture")
    @classmethod
    def _not_face_down(cls, value: Posture) -> Posture:
        if value == "lying-prone":
            raise ValueError("a pregnancy posture is never lying face down")
        return value


class Technique(_Model):
    performer: Performer  # who can do it: the person, a helper, or either
    posture: Posture
    posture_note: Text
    method: Text  # what presses: thumb, three fingers, knuckles, heel of the palm...
    pressure: Pressure
    hold_seconds: Annotated[int, Field(gt=0)]  # the article's minimum hold
    hold_seconds_max: Annotated[int, Field(gt=0)] | None = None
    repetitions: Annotated[int, Field(gt=0)]
    repetitions_max: Annotated[int, Field(gt=0)] | None = None
    rest_seconds: Annotated[int, Field(ge=0)]  # pause between repetitions
    sides: Sides
    frequency: Text  # e.g. "daily for a week"
    breathing: Text | None = None
    steps: Annotated[list[Text], Field(min_length=1)]  # the procedure, in our words
    variants: list[Variant] = []
    lighter: Lighter | None = None  # the steps when the routine lowers the pressure
    pregnancy_posture: PregnancyPosture | None = None  # instead of face down, in pregnancy
    sources: Sources

    @model_validator(mode="after")
    def _ranges(self) -> Technique:
        if self.hold_seconds_max is not None and self.hold_seconds_max < self.hold_seconds:
            raise ValueError("hold_seconds_max is smaller than hold_seconds")
        if self.repetitions_max is not None and self.repetitions_max < self.repetitions:
            raise ValueError("repetitions_max is smaller than repetitions")
        return self


class Pregnancy(_Model):
    policy: PregnancyPolicy
    note: Text
    sources: Sources


class Precaution(_Model):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
    text: Text
    sources: Sources


class Article(_Model):
    """Where the point stands in the source article."""

    label: Text  # the label the article uses, e.g. "B47"
    group: Region
    number: Annotated[int, Field(ge=1, le=7)]


class Erratum(_Model):
    labels: Annotated[list[Text], Field(min_length=1)]  # queries that should show the note
    note: Text
    sources: Sources


class Point(_Model):
    code: str
    names: Names
    channel: Text
    laterality: Laterality
    region: Region
    areas: Annotated[list[Area], Field(min_length=1)]  # where it helps, used by the planner
    indications: Annotated[list[Sourced], Field(min_length=1)]
    location: Location
    technique: Technique
    pregnancy: Pregnancy
    precautions: list[Precaution] = []
    aliases: list[Text] = []
    article: Article
    errata: list[Erratum] = []
    sources: Sources
    rule: LocationRule  # where it is, as a rule over the body model (acupressure.body)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE_RE.match(value):
            raise ValueError(f"{value!r} is not a standard WHO code such as BL23 or GV4")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Point:
        if self.laterality == "midline" and self.technique.sides != "midline":
            raise ValueError("a midline point must have technique.sides 'midline'")
        if self.laterality == "bilateral" and self.technique.sides == "midline":
            raise ValueError("a bilateral point cannot have technique.sides 'midline'")
        if self.article.group != self.region:
            raise ValueError("article.group and region differ")
        if self.rule.is_bilateral() != (self.laterality == "bilateral"):
            raise ValueError(f"rule.view/offsets disagree with laterality {self.laterality!r}")
        face_down = self.technique.posture == "lying-prone"
        if face_down and self.pregnancy.policy != "never" and not self.technique.pregnancy_posture:
            raise ValueError(
                "a point pressed lying face down that pregnancy allows needs "
                "technique.pregnancy_posture"
            )
        return self

    def cited_sources(self) -> set[str]:
        """Every source id this record cites anywhere."""
        ids: set[str] = set(self.sources)
        ids.update(self.location.sources, self.technique.sources, self.pregnancy.sources)
        for extra in (self.technique.lighter, self.technique.pregnancy_posture):
            if extra is not None:
                ids.update(extra.sources)
        items: list[Sourced | Precaution | Erratum | Variant] = [
            *self.indications,
            *self.precautions,
            *self.errata,
            *self.technique.variants,
        ]
        for item in items:
            ids.update(item.sources)
        return ids
