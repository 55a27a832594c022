"""Questionnaires as data: items, answer options, scoring, meaningful change, terms of use.

Every file (built-in, or a clinic's licensed file) is validated into a :class:`Questionnaire`
on load; unknown keys, unknown item ids in scoring, and unreachable options are errors.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ItemType = Literal["scale", "choice", "yesno", "activity"]
When = Literal["baseline", "weekly"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Option(_Model):
    value: int
    label: Text


class Item(_Model):
    """One question. ``scale``: a whole number from min to max; ``choice``: one of the
    options; ``yesno``: yes scores 1, no 0; ``activity``: an activity the person names, rated
    on the scale (the patient-specific functional scale's shape)."""

    id: Id
    text: Text
    type: ItemType
    min: int = 0
    max: int = 10
    anchors: dict[int, Text] = {}  # words at points of a scale, e.g. 0: "no pain"
    options: list[Option] = []
    required: bool = False

    @model_validator(mode="after")
    def _shape(self) -> Item:
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError(f"item {self.id}: a choice needs at least two options")
        if self.type != "choice" and self.options:
            raise ValueError(f"item {self.id}: only a choice item has options")
        if self.min >= self.max:
            raise ValueError(f"item {self.id}: min must be below max")
        if any(not self.min <= k <= self.max for k in self.anchors):
            raise ValueError(f"item {self.id}: an anchor lies outside {self.min}-{self.max}")
        return self

    def bounds(self) -> tuple[int, int]:
        if self.type == "choice":
            values = [o.value for o in self.options]
            return min(values), max(values)
        if self.type == "yesno":
            return 0, 1
        return self.min, self.max


class Score(_Model):
    """A sum or mean over items. Missing answers: at most ``max_missing`` may be left out;
    a sum is then prorated (scaled up to all items), a mean taken over the answered ones.
    More missing than that: no score, and the result says why."""

    id: Id
    label: Text
    method: Literal["sum", "mean"]
    items: Annotated[list[Id], Field(min_length=1)]
    max_missing: Annotated[int, Field(ge=0)] = 0


class Condition(_Model):
    score: Id
    min: float | None = None
    max: float | None = None


class Group(_Model):
    """A band such as low / medium / high risk: the first group whose conditions all hold."""

    label: Text
    when: list[Condition] = []


class MeaningfulChange(_Model):
    """The smallest change people usually notice as worthwhile. ``points`` and/or ``percent``
    against the baseline (either is enough), in the ``better`` direction; a change by percent
    counts only when it is also at least ``percent_min_points`` (at a low baseline a small
    percent-sized step is measurement error); or, for a rating of change itself, a value of
    at least ``at_least``."""

    score: Id
    better: Literal["lower", "higher"] = "lower"
    points: float | None = None
    percent: float | None = None
    percent_min_points: float | None = None
    at_least: float | None = None

    def threshold(self, baseline: float) -> float | None:
        """The smallest gain from ``baseline`` that counts (None for an ``at_least`` rule):
        ``points``, or the ``percent`` of the baseline but never under ``percent_min_points``,
        whichever is smaller."""
        found = [] if self.points is None else [self.points]
        if self.percent is not None and baseline:
            found.append(max(self.percent_min_points or 0, abs(baseline) * self.percent / 100))
        return min(found, default=None)

    @model_validator(mode="after")
    def _some(self) -> MeaningfulChange:
        if self.points is None and self.percent is None and self.at_least is None:
            raise ValueError("meaningful_change needs points, percent or at_least")
        return self


class Scoring(_Model):
    scores: Annotated[list[Score], Field(min_length=1)]
    groups: list[Group] = []
    meaningful_change: MeaningfulChange | None = None


class Questionnaire(_Model):
    id: Id
    title: Text
    short: Text  # a short name for tables, e.g. "Pain"
    instructions: Text
    when: Annotated[list[When], Field(min_length=1)]  # baseline and/or each week
    copyright: Text  # who holds the rights
    terms: Text  # the terms of use, shown with the questionnaire
    licensed: bool = False  # a published instrument a clinic holds the licence for
    items: Annotated[list[Item], Field(min_length=1)]
    scoring: Scoring

    @model_validator(mode="after")
    def _references(self) -> Questionnaire:
        item_ids = [i.id for i in self.items]
        if len(set(item_ids)) != len(item_ids):
            raise ValueError("two items share an id")
        score_ids = [s.id for s in self.scoring.scores]
        for score in self.scoring.scores:
            unknown = [i for i in score.items if i not in item_ids]
            if unknown:
                raise ValueError(f"score {score.id}: unknown item(s) {', '.join(unknown)}")
            if score.max_missing >= len(score.items):
                raise ValueError(f"score {score.id}: max_missing leaves nothing to score")
        used = [c.score for g in self.scoring.groups for c in g.when]
        mc = self.scoring.meaningful_change
        used += [mc.score] if mc else []
        unknown = sorted({s for s in used if s not in score_ids})
        if unknown:
            raise ValueError(f"scoring refers to unknown score(s) {', '.join(unknown)}")
        return self

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)
