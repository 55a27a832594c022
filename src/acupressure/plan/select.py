"""Which points a person may do, how (pressure, method, notes), and in what priority.

Points come from the atlas: a point serves the areas in its ``areas`` field, and the first
area listed is its main one. Priority (1 = highest) orders the points for the chosen areas:

1. points serving more of the chosen areas first;
2. then points whose main area is one of the chosen areas (local before distant);
3. then the article's order (lower-back group before upper-back, then its number).

Left out, each with its reason: points the pregnancy policy forbids, points a condition
excludes, and points only a helper can reach (``technique.performer == "helper"``) when no
helper is available.

A kept point's notes always carry its own precautions from the atlas (for example GB21 over
the lung apex, BL40 over the veins behind the knee), except the ones every point shares
(``GENERAL_PRECAUTIONS``: shown once as plan warnings). A condition may add notes, soften or
exclude a point, never silence its precautions. A point never used in pregnancy carries its
pregnancy note in every plan, for whoever reads it. In pregnancy no point is pressed harder
than ``moderate``; points the policy flags are gentle; a point pressed lying face down uses
its ``pregnancy_posture``. A point pressed more softly than its technique (``lowered``) takes
its ``lighter`` steps, breathing and method, words that never ask for a firmer press.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from acupressure import atlas
from acupressure.atlas.models import (
    PRESSURES,
    REGIONS,
    Lighter,
    Point,
    Posture,
    PregnancyPosture,
    Pressure,
    softer,
)
from acupressure.i18n import gettext as _
from acupressure.plan.models import Exclusion
from acupressure.safety.intake import Intake
from acupressure.safety.loader import conditions
from acupressure.safety.pregnancy import PREGNANCY_MAX_PRESSURE, pregnancy_rule

PERFORMER_HELPER = "helper"
# precautions every point shares: shown once in the plan's warnings, not on each point
GENERAL_PRECAUTIONS = {"pain-threshold", "skin"}


@dataclass
class Candidate:
    point: Point
    priority: int
    pressure: Pressure
    method: str
    notes: list[str] = field(default_factory=list)
    hold_seconds: int | None = None  # a practitioner's choice; None: the article's minimum
    repetitions: int | None = None
    in_pregnancy: bool = False  # pregnant (or might be): never face down

    @property
    def hold(self) -> int:
        return self.point.technique.hold_seconds if self.hold_seconds is None else self.hold_seconds

    @property
    def reps(self) -> int:
        t = self.point.technique
        return t.repetitions if self.repetitions is None else self.repetitions

    @property
    def _pregnancy_posture(self) -> PregnancyPosture | None:
        return self.point.technique.pregnancy_posture if self.in_pregnancy else None

    @property
    def lowered(self) -> bool:
        """Pressed more softly than the technique asks (pregnancy, a condition, a choice)."""
        return PRESSURES.index(self.pressure) < PRESSURES.index(self.point.technique.pressure)

    @property
    def _lighter(self) -> Lighter | None:
        return self.point.technique.lighter if self.lowered else None

    @property
    def posture(self) -> Posture:
        pp = self._pregnancy_posture
        return pp.posture if pp else self.point.technique.posture

    @property
    def posture_note(self) -> str:
        pp = self._pregnancy_posture
        return pp.posture_note if pp else self.point.technique.posture_note

    @property
    def steps(self) -> list[str]:
        """The technique's steps in words that never ask for more than this pressure."""
        pp, lighter = self._pregnancy_posture, self._lighter
        if pp:
            return list(pp.steps)
        return list(lighter.steps if lighter else self.point.technique.steps)

    @property
    def breathing(self) -> str | None:
        lighter = self._lighter
        if lighter and lighter.breathing:
            return lighter.breathing
        return self.point.technique.breathing

    @property
    def method_text(self) -> str:
        """The method (a condition's replaces it), softened when the pressure is lowered."""
        lighter = self._lighter
        if lighter and lighter.method and self.method == self.point.technique.method:
            return lighter.method
        return self.method


def _priority_key(point: Point, chosen: set[str]) -> tuple[int, int, int, int]:
    served = len(chosen.intersection(point.areas))
    local = 0 if point.areas[0] in chosen else 1
    return (-served, local, REGIONS.index(point.article.group), point.article.number)


def ranked_points(intake: Intake) -> list[Point]:
    """The atlas points serving the chosen areas, highest priority first."""
    chosen: set[str] = set(intake.areas)
    serving = [p for p in atlas.all_points() if chosen.intersection(p.areas)]
    return sorted(serving, key=lambda p: _priority_key(p, chosen))


def candidates(intake: Intake) -> tuple[list[Candidate], list[Exclusion]]:
    """The points this person may do (by priority) and those left out, with reasons."""
    given = [conditions()[c] for c in dict.fromkeys(intake.conditions)]
    kept: list[Candidate] = []
    excluded: list[Exclusion] = []
    for rank, point in enumerate(ranked_points(intake), start=1):
        rule = pregnancy_rule(point, intake)
        if rule.action == "exclude":
            excluded.append(Exclusion(code=point.code, kind="pregnancy", reason=str(rule.text)))
            continue
        blocking = [
            e.text
            for c in given
            for e in c.effects
            if e.action == "exclude" and e.applies_to(point.code)
        ]
        if blocking:
            excluded.append(Exclusion(code=point.code, kind="condition", reason=blocking[0]))
            continue
        if point.technique.performer == PERFORMER_HELPER and not intake.helper:
            excluded.append(
                Exclusion(
                    code=point.code,
                    kind="helper",
                    reason=_("Out of your own reach: it needs a helper to press it."),
                )
            )
            continue
        cand = Candidate(point, rank, point.technique.pressure, point.technique.method)
        cand.notes += [c.text for c in point.precautions if c.id not in GENERAL_PRECAUTIONS]
        if point.pregnancy.policy == "never" and not intake.pregnant:  # said to everyone
            cand.notes.append(_("Pregnancy: {note}").format(note=point.pregnancy.note))
        if intake.pregnant:
            cand.pressure = softer(cand.pressure, PREGNANCY_MAX_PRESSURE)
            cand.in_pregnancy = True
        if rule.action == "gentle":
            cand.pressure = "gentle"
            cand.notes.append(str(rule.text))
        for c in given:
            for e in c.effects:
                if not e.applies_to(point.code):
                    continue
                if e.action == "gentle":
                    cand.pressure = "gentle"
                elif e.action == "method":
                    cand.method = e.text
                    continue
                cand.notes.append(e.text)
        kept.append(cand)
    return kept, excluded
