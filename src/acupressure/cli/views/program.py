"""Terminal views of a program: schedule, today, adherence, the weekly summary."""

from __future__ import annotations

from datetime import datetime

from rich.cells import set_cell_size
from rich.console import Console
from rich.table import Table

from acupressure.i18n import gettext as _
from acupressure.i18n import number
from acupressure.outcomes.legend import meaningful_legend
from acupressure.program import Program, Today, WeekAdherence
from acupressure.program.summary import Cell, Summary
from acupressure.program.words import STATE, STATUS, minutes


def _clock(times: list[object]) -> str:
    return ", ".join(f"{t:%H:%M}" for t in times)


def adherence_table(weeks: list[WeekAdherence]) -> Table:
    table = Table(title=_("Adherence"), title_justify="left")
    for column in (_("Week"), _("Sessions done of due"), _("Pressed of prescribed")):
        table.add_column(column, overflow="fold")
    for w in weeks:
        share = f" ({100 * w.done // w.due}%)" if w.due else ""
        table.add_row(
            _("{week} (from {start})").format(week=w.week, start=w.start),
            _("{done} of {due}").format(done=w.done, due=w.due) + share,
            _("{done} of {due}").format(
                done=minutes(w.seconds_pressed), due=minutes(w.seconds_prescribed)
            ),
        )
    return table


def print_program(
    console: Console, program: Program, weeks: list[WeekAdherence], now: datetime
) -> None:
    s = program.schedule
    lines = [
        _("Program {id}: {status}").format(id=program.id, status=STATUS[program.status(now)]),
        "  " + _("points: {codes}").format(codes=", ".join(program.points)),
        "  "
        + _("{weeks} weeks from {start} to {end} ({zone})").format(
            weeks=s.weeks, start=s.start, end=s.last_day, zone=s.timezone
        ),
        "  " + _("routine sessions at {times}").format(times=_clock(list(s.times))),
    ]
    if s.extra_times:
        lines.append(
            "  "
            + _("short extra sessions ({codes}) at {times}").format(
                codes=", ".join(program.extra_points), times=_clock(list(s.extra_times))
            )
        )
    if program.stopped_at:
        lines.append(
            "  "
            + _("stopped {day}: {reason}").format(
                day=f"{program.stopped_at:%Y-%m-%d}",
                reason=_(program.stop_reason) if program.stop_reason else "-",
            )
        )
    lines += [f"  {a}" for a in program.advice]
    for line in lines:
        console.print(line, markup=False, highlight=False)
    if weeks:
        console.print(adherence_table(weeks))


def print_today(console: Console, program: Program, day: Today, weeks: list[WeekAdherence]) -> None:
    week = (
        _("week {week} of {weeks}").format(week=day.week, weeks=program.schedule.weeks)
        if day.week
        else _("outside the program")
    )
    console.print(
        _("Today, {day} ({week}), program {id}").format(day=day.day, week=week, id=program.id),
        highlight=False,
    )
    if day.rescreen_due:
        console.print(
            (
                _("Your pain got much worse: answer the safety questions first: {command}")
                if program.rescreen_requested
                else _("New week: answer the safety questions first: {command}")
            ).format(command="acupressure program rescreen"),
            markup=False,
            highlight=False,
        )
    for item in day.slots:
        what = (
            _("routine")
            if item.slot.kind == "routine"
            else _("short extra ({codes})").format(codes=", ".join(program.extra_points))
        )
        console.print(
            f"  {item.slot.local:%H:%M}  {set_cell_size(what, 30)} {STATE[item.state]}",
            markup=False,
            highlight=False,
        )
    if weeks:
        console.print(adherence_table(weeks[-1:]))


def _cell(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return "-"
    text = number(cell.value)
    if cell.change is not None:
        text += f" ({cell.change:+g})"
    return text + (" *" if cell.meaningful else "")


def print_summary(console: Console, program: Program, summary: Summary) -> None:
    table = Table(
        title=_("Weekly summary, program {id}").format(id=program.id), title_justify="left"
    )
    table.add_column(_("Week"), overflow="fold")
    for _qid, label in summary.columns:
        table.add_column(label, overflow="fold")
    table.add_column(_("Sessions"), overflow="fold")
    table.add_column(_("Pressing"), overflow="fold")
    for row, cells in summary.table():
        a = row.adherence
        table.add_row(
            str(row.week) if row.week else _("start"),
            *[_cell(c) for c in cells],
            _("{done} of {due}").format(done=a.done, due=a.due) if a else "-",
            _("{done} of {due}").format(
                done=minutes(a.seconds_pressed), due=minutes(a.seconds_prescribed)
            )
            if a
            else "-",
        )
    console.print(table)
    console.print(
        "* " + meaningful_legend(),
        markup=False,
        highlight=False,
    )
    console.print(
        _("Weekly check: on the web ({command}), {path}").format(
            command="acupressure serve", path=f"/program/{program.id}/check/"
        ),
        markup=False,
        highlight=False,
    )
    if not summary.rows:
        console.print(_("No weekly check answered yet."), markup=False, highlight=False)
