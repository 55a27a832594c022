"""The live view of a guided session (Rich): point, big countdown, progress, next step."""

from __future__ import annotations

import math

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from acupressure.cli.views.plan import duration
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
KEYS_HELP = "p/space pause  s skip step  n skip point  q quit"


def big(text: str) -> str:
    rows = ["  ".join(DIGITS[c][r] for c in text) for r in range(5)]
    return "\n".join(rows)


def clock_text(seconds: float) -> str:
    whole = math.ceil(seconds - 1e-9)
    minutes, secs = divmod(max(whole, 0), 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def _title(step: Step, points: dict[str, PlannedPoint]) -> str:
    if step.code is None:
        return step.kind.capitalize()
    point = points[step.code]
    side = f", {step.side} side" if step.side in ("left", "right") else ""
    return f"{step.kind.upper()}  {point.code} {point.name}{side}"


def render(player: Player, plan: Plan) -> RenderableType:
    points = {p.code: p for p in plan.points}
    step = player.current()
    if step is None:
        return Panel(Text("Session finished. Well done.", "bold green"), title="Acupressure")
    parts: list[RenderableType] = [Text(step.cue, KIND_STYLE.get(step.kind, "bold"))]
    if step.kind == "find" and step.code is not None:
        point = points[step.code]
        parts += [Text(f"  {n}. {line}") for n, line in enumerate(point.how_to_find, 1)]
        parts += [Text(f"  Pressure: {point.pressure}. {note}", "yellow") for note in point.notes]
    remaining = player.remaining()
    parts.append(Text("\n" + big(clock_text(remaining)), KIND_STYLE.get(step.kind, "bold")))
    bars = Table.grid(padding=(0, 1))
    bars.add_row(
        "step   ",
        ProgressBar(total=step.seconds, completed=step.seconds - remaining, width=40),
        f"{player.index + 1}/{len(player.steps)}",
    )
    position = player.position()
    bars.add_row(
        "session",
        ProgressBar(total=player.total, completed=position, width=40),
        f"{duration(position)} of {duration(player.total)}",
    )
    parts += [Text(""), bars]
    upcoming = player.upcoming()
    if upcoming is not None:
        parts.append(Text(f"Next: {upcoming.cue} ({upcoming.seconds} s)", "dim"))
    status = "PAUSED - press p or space to go on" if player.state == "paused" else KEYS_HELP
    parts.append(Text(status, "reverse" if player.state == "paused" else "dim"))
    return Panel(Group(*parts), title=_title(step, points), border_style="blue")


def print_summary(console: Console, record: SessionRecord) -> None:
    """What the session did: time, steps done and skipped, pain before and after."""
    console.print("[bold]Summary[/bold]")
    lines = [
        f"  time pressing and resting: {duration(record.seconds_done)}",
        f"  steps done {record.steps_completed}, skipped {record.steps_skipped}",
    ]
    if record.pain_before is not None and record.pain_after is not None:
        lines.append(f"  pain {record.pain_before} -> {record.pain_after}")
    for line in lines:
        console.print(line, highlight=False, markup=False)
