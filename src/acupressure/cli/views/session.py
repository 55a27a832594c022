"""The live view of a guided session (Rich): point, big countdown, progress, next step."""

from __future__ import annotations

import math

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from acupressure.atlas.labels import PRESSURE
from acupressure.cli.views.plan import duration
from acupressure.cli.views.text import labelled
from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _
from acupressure.plan.models import Plan, PlannedPoint, Step
from acupressure.session.player import Player
from acupressure.session.record import SessionRecord

DIGITS = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": ["  █", "  █", "  █", "  █", "  █"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    ":": [" ", "█", " ", "█", " "],
}
KIND_STYLE = {"press": "bold red", "release": "bold green", "find": "bold cyan"}
KEYS_HELP = N_("p/space pause  s skip step  n skip point  q quit")
KIND_TITLE = Labels(
    {
        "find": N_("Find"),
        "breathe": N_("Breathe"),
        "press": N_("Press"),
        "release": N_("Release"),
        "rest": N_("Rest"),
        "switch": N_("Switch"),
        "position": N_("Position"),
    }
)
SIDE_TITLE = Labels({"left": N_("left side"), "right": N_("right side")})


def big(text: str) -> str:
    rows = ["  ".join(DIGITS[c][r] for c in text) for r in range(5)]
    return "\n".join(rows)


def clock_text(seconds: float) -> str:
    whole = math.ceil(seconds - 1e-9)
    minutes, secs = divmod(max(whole, 0), 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def _title(step: Step, points: dict[str, PlannedPoint]) -> str:
    if step.code is None:
        return KIND_TITLE[step.kind]
    point = points[step.code]
    side = f", {SIDE_TITLE[step.side]}" if step.side in ("left", "right") else ""
    return f"{KIND_TITLE[step.kind].upper()}  {point.code} {point.name}{side}"


def render(player: Player, plan: Plan) -> RenderableType:
    points = {p.code: p for p in plan.points}
    step = player.current()
    if step is None:
        return Panel(Text(_("Session finished. Well done."), "bold green"), title=_("Acupressure"))
    parts: list[RenderableType] = [Text(step.cue, KIND_STYLE.get(step.kind, "bold"))]
    if step.kind == "find" and step.code is not None:
        point = points[step.code]
        parts.append(labelled([(f"{n}.", line) for n, line in enumerate(point.how_to_find, 1)]))
        pressure = _("Pressure: {pressure}.").format(pressure=PRESSURE[point.pressure])
        parts.append(Text(f"  {pressure}", "yellow"))
        parts.append(labelled([("!", note) for note in point.notes], "yellow"))
    remaining = player.remaining()
    parts.append(Text("\n" + big(clock_text(remaining)), KIND_STYLE.get(step.kind, "bold")))
    bars = Table.grid(padding=(0, 1))
    bars.add_row(
        _("step"),
        ProgressBar(total=step.seconds, completed=step.seconds - remaining, width=40),
        f"{player.index + 1}/{len(player.steps)}",
    )
    position = player.position()
    bars.add_row(
        _("session"),
        ProgressBar(total=player.total, completed=position, width=40),
        _("{done} of {total}").format(done=duration(position), total=duration(player.total)),
    )
    parts += [Text(""), bars]
    upcoming = player.upcoming()
    if upcoming is not None:
        text = _("Next: {cue} ({seconds} s)").format(cue=upcoming.cue, seconds=upcoming.seconds)
        parts.append(Text(text, "dim"))
    paused = _("PAUSED - press p or space to go on")
    status = paused if player.state == "paused" else _(KEYS_HELP)
    parts.append(Text(status, "reverse" if player.state == "paused" else "dim"))
    return Panel(Group(*parts), title=_title(step, points), border_style="blue")


def print_summary(console: Console, record: SessionRecord) -> None:
    """What the session did: time, steps done and skipped, pain before and after."""
    console.print(Text(_("Summary"), "bold"))
    lines = [
        "  " + _("time pressing and resting: {time}").format(time=duration(record.seconds_done)),
        "  "
        + _("steps done {done}, skipped {skipped}").format(
            done=record.steps_completed, skipped=record.steps_skipped
        ),
    ]
    if record.pain_before is not None and record.pain_after is not None:
        lines.append(
            "  "
            + _("pain {before} -> {after}").format(
                before=record.pain_before, after=record.pain_after
            )
        )
    for line in lines:
        console.print(line, highlight=False, markup=False)
