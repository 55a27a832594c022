"""Rich rendering of a plan and of a screening result."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from acupressure.atlas.labels import SIDES, dose_text
from acupressure.plan.models import Plan, PlannedPoint
from acupressure.safety.screening import RaisedFlag


def duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def blocked_panel(urgency: str | None, advice: list[str], flags: list[RaisedFlag]) -> Panel:
    title = "EMERGENCY: get medical help now" if urgency == "emergency" else "See a doctor soon"
    lines: list[RenderableType] = [Text(a) for a in advice]
    if urgency == "soon":
        lines.append(Text("Once a clinician has seen you, run it again with --seen-clinician."))
    if flags:
        lines.append(Text("\nYou answered yes to: " + ", ".join(f.id for f in flags), "dim"))
    return Panel(Group(*lines), title=title, border_style="red", expand=False)


def _protocol(p: PlannedPoint) -> str:
    dose = dose_text(p.hold_seconds, p.repetitions, p.rest_seconds)
    if p.sides != ["midline"] and p.side_order != "both-together":
        dose += ", each side"
    return f"{dose}\n{SIDES[p.side_order]}"


def print_plan(console: Console, plan: Plan) -> None:
    if plan.blocked:
        console.print(blocked_panel(plan.urgency, plan.advice, plan.red_flags))
        return
    table = Table(title=f"Your routine: {', '.join(plan.areas)} ({duration(plan.total_seconds)})")
    for column in ("#", "Point", "Position", "Press", "Protocol", "Notes"):
        table.add_column(column)
    for n, p in enumerate(plan.points, 1):
        who = " (helper)" if p.performer == "helper" else ""
        table.add_row(
            str(n),
            f"{p.code}\n{p.name}",
            p.posture + who,
            f"{p.pressure}\n{p.method}",
            _protocol(p),
            "\n".join(p.notes),
        )
    if plan.points:
        console.print(table)
    if plan.excluded:
        console.print("[bold]Left out[/bold]")
        for e in plan.excluded:
            console.print(f"  {e.code}: {e.reason}", markup=False, highlight=False)
    for warning in plan.warnings:
        console.print(Text("! " + warning, "yellow"))
