""" "My progress": pain over the weeks with the band of meaningful change, activities and the
change rating, and adherence beside them, to bring to a clinician."""

from __future__ import annotations

from html import escape

from acupressure.exports.pdf import Paper, data_uri, font_stack, page, render
from acupressure.i18n import gettext as _
from acupressure.i18n import number
from acupressure.outcomes.legend import meaningful_legend, pain_threshold
from acupressure.program import Program
from acupressure.program.summary import Cell, Summary
from acupressure.program.words import whole_minutes

WIDTH, HEIGHT, LEFT, TOP, BOTTOM = 640.0, 260.0, 40.0, 14.0, 30.0


def _threshold(baseline: float) -> float:
    """The smallest drop that counts: the pain questionnaire's own rule."""
    return pain_threshold(baseline)


def band_note(points: list[tuple[int, float]]) -> str:
    """What the shaded band means, printed under the chart (a label inside the plot would
    cross its grid lines); empty without a starting value."""
    base = next((p for w, p in points if w == 0), None)
    if base is None:
        return ""
    return _("shaded: no meaningful change from the start ({value} ± {band})").format(
        value=number(base), band=number(_threshold(base), 1)
    )


def pain_chart(points: list[tuple[int, float]], weeks: int) -> str:
    """An SVG line chart of weekly pain (0-10) over the program's weeks, with the band of
    no meaningful change around the starting value shaded (``band_note`` says so)."""
    weeks = max([w for w, _ in points] + [weeks, 1])
    plot_w, plot_h = WIDTH - LEFT - 30, HEIGHT - TOP - BOTTOM

    def x(week: float) -> float:
        return LEFT + plot_w * week / weeks

    def y(pain: float) -> float:
        return TOP + plot_h * (10 - pain) / 10

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        f"font-family='{escape(font_stack())}' font-size=\"11\">"
    ]
    base = next((p for w, p in points if w == 0), None)
    if base is not None:
        t = _threshold(base)
        top, bottom = y(min(10.0, base + t)), y(max(0.0, base - t))
        parts.append(
            f'<rect x="{LEFT}" y="{top:.1f}" width="{plot_w:.1f}" height="{bottom - top:.1f}" '
            'fill="#e5e7eb"/>'
        )
    for level in range(0, 11, 2):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w:.1f}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'stroke="#ccc"/><text x="{LEFT - 6}" y="{y(level) + 4:.1f}" '
            f'text-anchor="end">{level}</text>'
        )
    for week in range(weeks + 1):
        label = escape(_("start") if week == 0 else _("wk {week}").format(week=week))
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
    text = number(cell.value)
    if cell.change is not None:
        text += f" ({cell.change:+g})"
    return text + (" ★" if cell.meaningful else "")


def progress_html(program: Program, summary: Summary, paper: Paper) -> str:
    pain = [
        (row.week, cell.value)
        for row in summary.rows
        if (cell := row.cells.get("pain-week")) is not None and cell.value is not None
    ]
    chart = _chart_block(pain, program.schedule.weeks)
    rows = []
    for row, cells in summary.table():
        week = _("start") if row.week == 0 else _("week {week}").format(week=row.week)
        texts = [week, *[_cell(c) for c in cells]]
        a = row.adherence
        if a:
            pressed, due = whole_minutes(a.seconds_pressed), whole_minutes(a.seconds_prescribed)
            texts += [
                _("{done} of {due}").format(done=a.done, due=a.due),
                _("{done} of {due}").format(done=pressed, due=due),
            ]
        else:
            texts += ["–", "–"]
        rows.append("<tr>" + "".join(f"<td>{escape(t)}</td>" for t in texts) + "</tr>")
    s = program.schedule
    title = _("My progress")
    lead = _(
        "Acupressure program {id}: {codes}, {weeks} weeks from {start}. Self-reported; for "
        "discussion with a clinician."
    ).format(id=program.id, codes=", ".join(program.points), weeks=s.weeks, start=s.start)
    columns = [_("Week"), *[label for _qid, label in summary.columns]]
    columns += [_("Sessions done of due"), _("Pressing of prescribed")]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    note = (
        _("★ {legend}. Activities: the mean of up to three activities rated 0-10.").format(
            legend=meaningful_legend()
        )
        + " "
        + _("Numbers in brackets: change from the start.")
    )
    pain_h, weekly_h = _("Pain on average each week (0-10)"), _("Week by week")
    body = f"""<h1>{escape(title)}</h1>
<p>{escape(lead)}</p>
<h2>{escape(pain_h)}</h2>
{chart}
<h2>{escape(weekly_h)}</h2>
<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>
<p class="small">{escape(note)}</p>"""
    return page(title, body, paper)


def _chart_block(pain: list[tuple[int, float]], weeks: int) -> str:
    """The pain chart with what its shading means, or why there is none yet."""
    if not pain:
        empty = _(
            "No weekly check yet: the chart starts with your first weekly check, which "
            "records the pain you start from."
        )
        return f"<p>{escape(empty)}</p>"
    chart = data_uri("image/svg+xml", pain_chart(pain, weeks).encode())
    alt = escape(_("Pain each week"))
    note = band_note(pain)
    caption = f'<p class="small">{escape(note)}</p>' if note else ""
    return f'<img alt="{alt}" src="{chart}" style="width:100%">{caption}'


def progress_pdf(program: Program, summary: Summary, paper: Paper = "a4") -> bytes:
    return render(progress_html(program, summary, paper))
