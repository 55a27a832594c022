""" "My progress": pain over the weeks with the band of meaningful change, activities and the
change rating, and adherence beside them, to bring to a clinician."""

from __future__ import annotations

from html import escape

from acupressure.exports.pdf import Paper, data_uri, page, render
from acupressure.program import Program
from acupressure.program.summary import Cell, Summary

WIDTH, HEIGHT, LEFT, TOP, BOTTOM = 640.0, 260.0, 40.0, 14.0, 30.0


def _threshold(baseline: float) -> float:
    """The smallest drop that counts: 2 points or 30% of the baseline, whichever is less."""
    return min(2.0, 0.3 * baseline)


def pain_chart(points: list[tuple[int, float]], weeks: int) -> str:
    """An SVG line chart of weekly pain (0-10) over the program's weeks, with the band of
    no meaningful change around the starting value shaded."""
    weeks = max([w for w, _ in points] + [weeks, 1])
    plot_w, plot_h = WIDTH - LEFT - 30, HEIGHT - TOP - BOTTOM

    def x(week: float) -> float:
        return LEFT + plot_w * week / weeks

    def y(pain: float) -> float:
        return TOP + plot_h * (10 - pain) / 10

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        'font-family="DejaVu Sans" font-size="11">'
    ]
    base = next((p for w, p in points if w == 0), None)
    if base is not None:
        t = _threshold(base)
        top, bottom = y(min(10.0, base + t)), y(max(0.0, base - t))
        parts.append(
            f'<rect x="{LEFT}" y="{top:.1f}" width="{plot_w:.1f}" height="{bottom - top:.1f}" '
            'fill="#e5e7eb"/>'
            f'<text x="{LEFT + 4}" y="{top - 3:.1f}" fill="#444">shaded: no meaningful change '
            f"from the start ({base:g} ± {t:.1f})</text>"
        )
    for level in range(0, 11, 2):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w:.1f}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'stroke="#ccc"/><text x="{LEFT - 6}" y="{y(level) + 4:.1f}" '
            f'text-anchor="end">{level}</text>'
        )
    for week in range(weeks + 1):
        label = "start" if week == 0 else f"wk {week}"
        parts.append(
            f'<text x="{x(week):.1f}" y="{HEIGHT - 10}" text-anchor="middle">{label}</text>'
        )
    if points:
        line = " ".join(f"{x(w):.1f},{y(p):.1f}" for w, p in points)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#1d5c4d" stroke-width="2"/>')
        parts += [
            f'<circle cx="{x(w):.1f}" cy="{y(p):.1f}" r="4" fill="#1d5c4d"/>' for w, p in points
        ]
    parts.append("</svg>")
    return "".join(parts)


def _cell(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return "–"
    text = f"{cell.value:g}"
    if cell.change is not None:
        text += f" ({cell.change:+g})"
    return text + (" ★" if cell.meaningful else "")


def _minutes(seconds: int) -> str:
    return f"{seconds // 60} min" if seconds >= 60 else f"{seconds} s"


def progress_html(program: Program, summary: Summary, paper: Paper) -> str:
    pain = [
        (row.week, cell.value)
        for row in summary.rows
        if (cell := row.cells.get("pain-week")) is not None and cell.value is not None
    ]
    chart = data_uri("image/svg+xml", pain_chart(pain, program.schedule.weeks).encode())
    head = "".join(f"<th>{escape(label)}</th>" for _qid, label in summary.columns)
    rows = []
    for row, cells in summary.table():
        a = row.adherence
        rows.append(
            f"<tr><td>{'start' if row.week == 0 else f'week {row.week}'}</td>"
            + "".join(f"<td>{_cell(c)}</td>" for c in cells)
            + (
                f"<td>{a.done} of {a.due}</td><td>{_minutes(a.seconds_pressed)} of "
                f"{_minutes(a.seconds_prescribed)}</td>"
                if a
                else "<td>–</td><td>–</td>"
            )
            + "</tr>"
        )
    s = program.schedule
    body = f"""<h1>My progress</h1>
<p>Acupressure program {program.id}: {escape(", ".join(program.points))}, {s.weeks} weeks from
{s.start}. Self-reported; for discussion with a clinician.</p>
<h2>Pain on average each week (0-10)</h2>
<img alt="Pain each week" src="{chart}" style="width:100%">
<h2>Week by week</h2>
<table><thead><tr><th>Week</th>{head}<th>Sessions done of due</th><th>Pressing of prescribed</th>
</tr></thead><tbody>{"".join(rows)}</tbody></table>
<p class="small">★ a change that matters to most people: pain down 2 points or 30%; activities
(the mean of up to three activities rated 0-10) up 2 points; change since the start "much
better" or more. Numbers in brackets: change from the start.</p>"""
    return page("My progress", body, paper)


def progress_pdf(program: Program, summary: Summary, paper: Paper = "a4") -> bytes:
    return render(progress_html(program, summary, paper))
