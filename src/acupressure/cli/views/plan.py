"""Rich rendering of a plan and of a screening result."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from acupressure.atlas.labels import AREAS, POSTURE, PRESSURE, SIDES, dose_text
from acupressure.cli.views.text import labelled
from acupressure.i18n import gettext as _
from acupressure.i18n import review_mark
from acupressure.plan.models import Plan, PlannedPoint
from acupressure.safety import reviewer
from acupressure.safety.screening import RaisedFlag


def duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    if minutes:
        return _("{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=secs)
    return _("{seconds} s").format(seconds=secs)


def blocked_panel(urgency: str | None, advice: list[str], flags: list[RaisedFlag]) -> Panel:
    if urgency == "emergency":
        title = _("EMERGENCY: get medical help now")
    else:
        title = _("See a doctor soon")
    lines: list[RenderableType] = [Text(a) for a in advice]
    mark = review_mark(reviewer("red_flags"))
    if mark:
        lines.append(Text(mark, "yellow"))
    if urgency == "soon":
        lines.append(Text(_("Once a clinician has seen you, run it again with --seen-clinician.")))
    if flags:
        answered = _("You answered yes to: {questions}").format(
            questions="; ".join(f.question for f in flags)
        )
        lines.append(Text("\n" + answered, "dim"))
    return Panel(Group(*lines), title=title, border_style="red", expand=False)


def _protocol(p: PlannedPoint) -> str:
    dose = dose_text(p.hold_seconds, p.repetitions, p.rest_seconds)
    if p.sides != ["midline"] and p.side_order != "both-together":
        dose = _("{dose}, each side").format(dose=dose)
    return f"{dose}\n{SIDES[p.side_order]}"


def print_plan(console: Console, plan: Plan) -> None:
    """The routine as a table, then each point's notes (cautions, pregnancy) as lines under
    it, then what was left out and the warnings. Nothing is cut at any width: the table's
    cells fold (Chinese has no spaces to wrap at) and the notes are full paragraphs."""
    if plan.blocked:
        console.print(blocked_panel(plan.urgency, plan.advice, plan.red_flags))
        return
    if plan.points:
        console.print(routine_table(plan))
        print_notes(console, plan)
    if plan.excluded:
        console.print(Text(_("Left out"), "bold"))
        console.print(labelled([(f"{e.code}:", e.reason) for e in plan.excluded]))
    mark = plan.review  # the points' cautions, the red flags and the conditions
    if mark and plan.warnings:
        console.print(Text(mark, "yellow"))
    if plan.warnings:
        console.print(labelled([("!", w) for w in plan.warnings], "yellow", indent=0))


def routine_table(plan: Plan) -> Table:
    areas = ", ".join(AREAS[a] for a in plan.areas)
    table = Table(
        title=_("Your routine: {areas} ({duration})").format(
            areas=areas, duration=duration(plan.total_seconds)
        )
    )
    for column in ("#", _("Point"), _("Position"), _("Press"), _("Protocol")):
        table.add_column(column, overflow="fold")
    for n, p in enumerate(plan.points, 1):
        who = _(" (helper)") if p.performer == "helper" else ""
        table.add_row(
            str(n),
            f"{p.code}\n{p.name}",
            POSTURE[p.posture] + who,
            f"{PRESSURE[p.pressure]}\n{p.method}",
            _protocol(p),
        )
    return table


def print_notes(console: Console, plan: Plan) -> None:
    """Each point's notes in full, numbered as in the table."""
    noted = [(n, p) for n, p in enumerate(plan.points, 1) if p.notes]
    if not noted:
        return
    console.print(Text(_("Notes"), "bold"))
    mark = plan.review  # the points' cautions, the red flags and the conditions
    if mark:
        console.print(Text(mark, "yellow"))
    console.print(labelled([(f"{n}. {p.code}:", note) for n, p in noted for note in p.notes]))
