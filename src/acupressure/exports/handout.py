""" "My routine": each point's chart, how to find it, technique, timing, cautions, the
schedule, and a QR code to the player."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from acupressure import atlas
from acupressure.charts import chart_png
from acupressure.exports.pdf import Paper, data_uri, page, qr_svg, render
from acupressure.plan import Plan, PlannedPoint
from acupressure.program import Schedule
from acupressure.program.schedule import end_of


def _minutes(seconds: int) -> str:
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def _point(p: PlannedPoint) -> str:
    point = atlas.get(p.code)
    t = point.technique
    chart = data_uri("image/png", chart_png([p.code], zoom=1.5))
    find = "".join(f"<li>{escape(s)}</li>" for s in p.how_to_find)
    steps = "".join(f"<li>{escape(s)}</li>" for s in t.steps)
    sides = " on each side" if len(p.sides) > 1 else ""
    cautions = "".join(f'<p class="warn">{escape(n)}</p>' for n in p.notes)
    return f"""<section class="point">
<h2>{escape(p.code)} {escape(p.name)}</h2>
<img class="chart" alt="Chart of {escape(p.code)}" src="{chart}">
<h3>Find it</h3><ol>{find}</ol>
<h3>Technique</h3><p>{escape(p.method.rstrip("."))}; pressure: {escape(p.pressure)}.
{escape(t.posture_note)}</p>
<ol>{steps}</ol>
<h3>Timing</h3><p>Hold {p.hold_seconds} s, {p.repetitions} times{sides}, resting {p.rest_seconds} s
between presses: about {_minutes(p.seconds)} in all. How often: {escape(t.frequency)}</p>
{f"<h3>Cautions</h3>{cautions}" if cautions else ""}
</section>"""


def _schedule(schedule: Schedule, extra_points: list[str]) -> str:
    times = ", ".join(f"{t:%H:%M}" for t in schedule.times)
    last = (end_of(schedule) - timedelta(days=1)).date()
    extra = ""
    if schedule.extra_times:
        extra_at = ", ".join(f"{t:%H:%M}" for t in schedule.extra_times)
        extra = (
            f"<p>Short extra sessions with {escape(', '.join(extra_points))} at {extra_at}: "
            "their protocol asks for several presses a day.</p>"
        )
    rows = "".join(
        f"<tr><td>Week {w}</td><td>{schedule.start + timedelta(days=7 * (w - 1))}</td>"
        f"<td>{schedule.per_day + len(schedule.extra_times)} a day</td></tr>"
        for w in range(1, schedule.weeks + 1)
    )
    return f"""<h2>Schedule</h2>
<p>{schedule.weeks} weeks, from {schedule.start} to {last}: your routine every day at {times}
({escape(schedule.timezone)}).</p>{extra}
<table><thead><tr><th>Week</th><th>From</th><th>Sessions</th></tr></thead>
<tbody>{rows}</tbody></table>"""


def routine_html(
    plan: Plan, schedule: Schedule | None, extra_points: list[str], link: str, paper: Paper
) -> str:
    warnings = "".join(f'<p class="warn">{escape(w)}</p>' for w in plan.warnings)
    points = "".join(_point(p) for p in plan.points)
    codes = ", ".join(p.code for p in plan.points)
    body = f"""<img class="qr" alt="QR code: open the guided session" src="{qr_svg(link)}">
<h1>My routine</h1>
<p>{len(plan.points)} points ({escape(codes)}), about {_minutes(plan.total_seconds)} a session.
Scan the code to open the guided session: <span class="small">{escape(link)}</span></p>
{warnings}
{_schedule(schedule, extra_points) if schedule else ""}
{points}
<p class="small">Self-care information, not a diagnosis. Stop and see a clinician if pain gets
sharply worse or new symptoms appear.</p>"""
    return page("My routine", body, paper)


def routine_pdf(
    plan: Plan,
    schedule: Schedule | None,
    extra_points: list[str],
    link: str,
    paper: Paper = "a4",
) -> bytes:
    if plan.blocked or not plan.points:
        raise ValueError("no routine to print: the screening blocks it or no point fits")
    return render(routine_html(plan, schedule, extra_points, link, paper))
