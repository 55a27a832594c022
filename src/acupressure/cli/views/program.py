"""Terminal views of a program: schedule, today, adherence, the weekly summary."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console
from rich.table import Table

from acupressure.program import Program, Today, WeekAdherence, end_of
from acupressure.program.summary import Cell, Summary


def _clock(times: list[object]) -> str:
    return ", ".join(f"{t:%H:%M}" for t in times)


def minutes(seconds: int) -> str:
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def adherence_table(weeks: list[WeekAdherence]) -> Table:
    table = Table(title="Adherence", title_justify="left")
    for column in ("Week", "Sessions done of due", "Pressed of prescribed"):
        table.add_column(column)
    for w in weeks:
        share = f" ({100 * w.done // w.due}%)" if w.due else ""
        table.add_row(
            f"{w.week} (from {w.start})",
            f"{w.done} of {w.due}{share}",
            f"{minutes(w.seconds_pressed)} of {minutes(w.seconds_prescribed)}",
        )
    return table


def print_program(
    console: Console, program: Program, weeks: list[WeekAdherence], now: datetime
) -> None:
    s = program.schedule
    lines = [
        f"Program {program.id}: {program.status(now)}",
        f"  points: {', '.join(program.points)}",
        f"  {s.weeks} weeks from {s.start} to {end_of(s).date()} ({s.timezone})",
        f"  routine sessions at {_clock(list(s.times))}",
    ]
    if s.extra_times:
        lines.append(
            f"  short extra sessions ({', '.join(program.extra_points)}) at "
            f"{_clock(list(s.extra_times))}"
        )
    if program.stopped_at:
        lines.append(f"  stopped {program.stopped_at:%Y-%m-%d}: {program.stop_reason}")
    lines += [f"  {a}" for a in program.advice]
    for line in lines:
        console.print(line, markup=False, highlight=False)
    if weeks:
        console.print(adherence_table(weeks))


def print_today(console: Console, program: Program, day: Today, weeks: list[WeekAdherence]) -> None:
    week = f"week {day.week} of {program.schedule.weeks}" if day.week else "outside the program"
    console.print(f"Today, {day.day} ({week}), program {program.id}", highlight=False)
    if day.rescreen_due:
        console.print(
            ("Your pain got much worse" if program.rescreen_requested else "New week")
            + ": answer the safety questions first: acupressure program rescreen",
            markup=False,
            highlight=False,
        )
    for item in day.slots:
        what = (
            "routine"
            if item.slot.kind == "routine"
            else "short extra (" + ", ".join(program.extra_points) + ")"
        )
        console.print(
            f"  {item.slot.local:%H:%M}  {what:30} {item.state}", markup=False, highlight=False
        )
    if weeks:
        console.print(adherence_table(weeks[-1:]))


def _cell(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return "-"
    text = f"{cell.value:g}"
    if cell.change is not None:
        text += f" ({cell.change:+g})"
    return text + (" *" if cell.meaningful else "")


def print_summary(console: Console, program: Program, summary: Summary) -> None:
    table = Table(title=f"Weekly summary, program {program.id}", title_justify="left")
    table.add_column("Week")
    for _qid, label in summary.columns:
        table.add_column(label)
    table.add_column("Sessions")
    table.add_column("Pressing")
    for row, cells in summary.table():
        a = row.adherence
        table.add_row(
            str(row.week) if row.week else "start",
            *[_cell(c) for c in cells],
            f"{a.done} of {a.due}" if a else "-",
            f"{minutes(a.seconds_pressed)} of {minutes(a.seconds_prescribed)}" if a else "-",
        )
    console.print(table)
    console.print(
        "* a change that matters to most people: pain down 2 points or 30%, activities up "
        "2 points, change 'much better' or more. Weekly check: on the web, /program/ID/check/.",
        markup=False,
        highlight=False,
    )
    if not summary.rows:
        console.print("No weekly check answered yet.", markup=False, highlight=False)
