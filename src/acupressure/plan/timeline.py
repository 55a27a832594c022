"""Turn chosen points into a timeline of steps, each with its seconds and a cue.

Per point: ``find`` (15 s), an optional ``breathe`` (5 s, when the article gives a breathing
cue), then the presses of the article's protocol (``hold_seconds`` x ``repetitions`` per side)
each followed by a ``release`` (3 s). Between two presses on the same side comes a ``rest``
of ``rest_seconds``; between presses on different sides a ``switch`` of ``rest_seconds``
(at least 5 s to move the hand). Side order follows ``technique.sides``: ``alternate``
(L R L R...), ``one-then-other`` (all L, then all R), ``both-together`` and ``midline``.

Points are grouped by posture (seated first, then standing, lying on the back, lying on the
front, and in pregnancy lying on the side instead of the front) to keep changes of position
few; each group starts with a ``position`` step (15 s). Posture, method and breathing are the
candidate's (``Candidate.posture``, ``method_text``, ``breathing``), never the atlas's as is.
A session opens with a ``breathe`` step to settle (10 s) and ends with one to rest (10 s).
"""

from __future__ import annotations

from collections.abc import Sequence

from acupressure.atlas.models import Posture, Pressure
from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _
from acupressure.plan.models import Step, StepKind, StepSide
from acupressure.plan.select import Candidate

SETTLE_SECONDS = 10
POSITION_SECONDS = 15
FIND_SECONDS = 15
BREATHE_SECONDS = 5
RELEASE_SECONDS = 3
SWITCH_MIN_SECONDS = 5
CLOSE_SECONDS = 10

POSTURE_GROUP: dict[Posture, int] = {
    "seated": 0,
    "any": 0,  # hand points: done wherever the person already is, seated by default
    "standing": 1,
    "lying-supine": 2,
    "lying-prone": 3,
    "side-lying": 4,  # in pregnancy, instead of face down
}
POSTURE_TEXT = Labels(
    {
        0: N_("Sit upright in a chair with both feet on the floor."),
        1: N_("Stand with your feet hip-width apart."),
        2: N_("Lie on your back with your knees bent."),
        3: N_("Lie on your front; your helper kneels or stands beside you."),
        4: N_(
            "Lie on your left side with a pillow between your knees and one under your bump "
            "(or sit leaning forward on a pillow); your helper sits or kneels behind you."
        ),
    }
)
SIDE_TEXT: Labels[StepSide] = Labels(
    {
        "left": N_("on the left side"),
        "right": N_("on the right side"),
        "both": N_("on both sides at once"),
        "midline": N_("on the midline"),
    }
)
PRESSURE_TEXT: Labels[Pressure] = Labels(
    {
        "gentle": N_("gently"),
        "moderate": N_("moderately"),
        "firm": N_("firmly"),
        "strong": N_("strongly, within comfort"),
    }
)


def order(cands: Sequence[Candidate]) -> list[Candidate]:
    """Posture group first, then priority: few changes of position."""
    return sorted(cands, key=lambda c: (POSTURE_GROUP[c.posture], c.priority))


def press_sides(cand: Candidate) -> list[StepSide]:
    t, reps = cand.point.technique, cand.reps
    if t.sides == "midline":
        return ["midline"] * reps
    if t.sides == "both-together":
        return ["both"] * reps
    if t.sides == "alternate":
        return ["left", "right"] * reps
    left: list[StepSide] = ["left"] * reps
    right: list[StepSide] = ["right"] * reps
    return left + right


def _name(cand: Candidate) -> str:
    p = cand.point
    return f"{p.code} {p.names.pinyin}"


def point_steps(cand: Candidate) -> list[tuple[StepKind, StepSide | None, int, str]]:
    """The steps of one point, without start times: (kind, side, seconds, cue)."""
    t = cand.point.technique
    name = _name(cand)
    breathing = cand.breathing
    sides = press_sides(cand)
    first_side: StepSide = sides[0]
    out: list[tuple[StepKind, StepSide | None, int, str]] = [
        (
            "find",
            first_side,
            FIND_SECONDS,
            _("Find {name} {side}. {method}").format(
                name=name, side=SIDE_TEXT[first_side], method=cand.method_text
            ),
        )
    ]
    if breathing:
        out.append(("breathe", first_side, BREATHE_SECONDS, breathing))
    for i, side in enumerate(sides):
        if i:
            if side != sides[i - 1]:
                seconds = max(t.rest_seconds, SWITCH_MIN_SECONDS)
                cue = _("Switch to {name} {side}.").format(name=name, side=SIDE_TEXT[side])
                out.append(("switch", side, seconds, cue))
            elif t.rest_seconds:
                out.append(("rest", side, t.rest_seconds, _("Rest. Keep breathing slowly.")))
        cue = _("Press {name} {side}, {pressure}; steady.").format(
            name=name, side=SIDE_TEXT[side], pressure=PRESSURE_TEXT[cand.pressure]
        )
        out.append(("press", side, cand.hold, cue))
        out.append(("release", side, RELEASE_SECONDS, _("Release slowly.")))
    return out


def build(cands: Sequence[Candidate]) -> list[Step]:
    """The whole timeline for points already in session order; empty when no points."""
    if not cands:
        return []
    raw: list[tuple[StepKind, str | None, StepSide | None, int, str]] = [
        ("breathe", None, None, SETTLE_SECONDS, _("Settle in. Breathe slowly in and out."))
    ]
    group: int | None = None
    for cand in cands:
        g = POSTURE_GROUP[cand.posture]
        if g != group:
            group = g
            raw.append(("position", None, None, POSITION_SECONDS, POSTURE_TEXT[g]))
        point_code = cand.point.code
        raw.extend((k, point_code, side, sec, cue) for k, side, sec, cue in point_steps(cand))
    raw.append(("breathe", None, None, CLOSE_SECONDS, _("Rest and notice how your body feels.")))
    steps: list[Step] = []
    start = 0
    for kind, code, side, seconds, cue in raw:
        steps.append(Step(kind=kind, code=code, side=side, seconds=seconds, start=start, cue=cue))
        start += seconds
    return steps


def total(steps: Sequence[Step]) -> int:
    return sum(s.seconds for s in steps)
