""" "My routine": each point's chart, how to find it, technique, timing, cautions, the
schedule, and a QR code to the player. Every word in the current language; translated
safety text carries the "not yet reviewed" mark.

Paper: the first page has the summary, the QR code, the plan's warnings and the schedule;
then each point has a page of its own, with its cautions on that page. A point whose text
would not fit beside its chart at the usual size gets a smaller chart: the layout is checked
(no point's section on two pages) and laid out again, at most four times, with smaller charts.
The sizes that fitted are remembered (``_FITTED``): the same routine is laid out once the
next time."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from html import escape
from typing import Any

from acupressure import atlas, safety
from acupressure.atlas.labels import PRESSURE, dose_text
from acupressure.exports.links import only_here
from acupressure.exports.pdf import (
    Paper,
    chart_url,
    css,
    draw_charts,
    layout,
    page,
    qr_svg,
    write,
)
from acupressure.i18n import gettext as _
from acupressure.i18n import review_mark
from acupressure.plan import Plan, PlannedPoint
from acupressure.program import Schedule
from acupressure.program.schedule import week_start
from acupressure.program.words import minutes


def _mark(reviewer: str | None) -> str:
    mark = review_mark(reviewer)
    return f'<p class="small">{escape(mark)}</p>' if mark else ""


# A point's chart height (mm) when its text fits beside it, and the smaller one otherwise.
CHART_MM: dict[str, float] = {"a4": 118.0, "letter": 104.0}
SMALLER = (0.62, 0.42, 0.3, 0.2)  # tried in turn for a point that does not fit


def _point(p: PlannedPoint, chart_mm: float) -> str:
    point = atlas.get(p.code)
    t = point.technique
    find = "".join(f"<li>{escape(s)}</li>" for s in p.how_to_find)
    steps = "".join(f"<li>{escape(s)}</li>" for s in p.steps)
    dose = dose_text(p.hold_seconds, p.repetitions, p.rest_seconds)
    timing = (
        _("{dose}, on each side: about {total} in all.")
        if len(p.sides) > 1
        else _("{dose}: about {total} in all.")
    ).format(dose=dose, total=minutes(p.seconds))
    timing = timing[:1].upper() + timing[1:]
    cautions = "".join(f'<p class="warn">{escape(n)}</p>' for n in p.notes)
    if cautions:
        heading = escape(_("Cautions"))
        cautions = f"<h3>{heading}</h3>{cautions}{_mark(atlas.reviewer())}"
    technique = _("{method}; pressure: {pressure}.").format(
        method=p.method.rstrip(".。"), pressure=PRESSURE[p.pressure]
    )
    alt = _("Chart of {code}").format(code=p.code)
    find_it, how, when = _("Find it"), _("Technique"), _("Timing")
    often = _("How often: {frequency}").format(frequency=t.frequency)
    return f"""<section class="point" id="point-{p.code}">
<h2>{escape(p.code)} {escape(p.name)}</h2>
<img class="chart" alt="{escape(alt)}" src="{chart_url(p.code)}" style="height: {chart_mm:g}mm">
<h3>{escape(find_it)}</h3><ol>{find}</ol>
<h3>{escape(how)}</h3><p>{escape(technique)}
{escape(p.posture_note)}</p>
<ol>{steps}</ol>
<h3>{escape(when)}</h3><p>{escape(timing)}
{escape(often)}</p>
{cautions}
</section>"""


# Up to WEEKS_DOWN weeks, one week a row; more, WEEKS_ACROSS weeks a row (a year's program
# on a page). The sessions a day are the same every week: the lead says when they are.
WEEKS_DOWN, WEEKS_ACROSS = 8, 4


def _schedule(schedule: Schedule, extra_points: list[str]) -> str:
    times = ", ".join(f"{t:%H:%M}" for t in schedule.times)
    extra = ""
    if schedule.extra_times:
        extra_at = ", ".join(f"{t:%H:%M}" for t in schedule.extra_times)
        words = _(
            "Short extra sessions with {codes} at {times}: their protocol asks for several "
            "presses a day."
        ).format(codes=", ".join(extra_points), times=extra_at)
        extra = f"<p>{escape(words)}</p>"
    week = _("Week {week}")
    cells = [
        f"<td>{escape(week.format(week=w))}</td><td>{week_start(schedule, w)}</td>"
        for w in range(1, schedule.weeks + 1)
    ]
    across = 1 if schedule.weeks <= WEEKS_DOWN else WEEKS_ACROSS
    rows = "".join(
        "<tr>" + "".join(cells[i : i + across]) + "</tr>" for i in range(0, len(cells), across)
    )
    lead = _(
        "{weeks} weeks, from {start} to {end}: your routine every day at {times} ({zone})."
    ).format(
        weeks=schedule.weeks,
        start=schedule.start,
        end=schedule.last_day,
        times=times,
        zone=schedule.timezone,
    )
    week_h, from_h = escape(_("Week")), escape(_("From"))
    head = f"<th>{week_h}</th><th>{from_h}</th>" * across
    title = escape(_("Schedule"))
    return f"""<h2>{title}</h2>
<p>{escape(lead)}</p>{extra}
<table><thead><tr>{head}</tr></thead>
<tbody>{rows}</tbody></table>"""


def _local_note(link: str) -> str:
    """Said on the page when the QR code names an address only this computer can open."""
    if not only_here(link):
        return ""
    note = _(
        "This link works only on the computer that made this handout: a phone cannot open "
        "it. Ask for a handout with your server's web address."
    )
    return f'<p class="warn">{escape(note)}</p>'


def _points(plan: Plan, paper: Paper, chart_mm: Mapping[str, float]) -> str:
    return "".join(_point(p, chart_mm.get(p.code, CHART_MM[paper])) for p in plan.points)


def routine_html(
    plan: Plan,
    schedule: Schedule | None,
    extra_points: list[str],
    link: str,
    paper: Paper,
    chart_mm: Mapping[str, float] | None = None,
) -> str:
    warnings = "".join(f'<p class="warn">{escape(w)}</p>' for w in plan.warnings)
    if warnings:
        warnings += _mark(safety.reviewer("conditions"))
    points = _points(plan, paper, chart_mm or {})
    codes = ", ".join(p.code for p in plan.points)
    title = _("My routine")
    summary = _("{n} points ({codes}), about {total} a session.").format(
        n=len(plan.points), codes=codes, total=minutes(plan.total_seconds)
    )
    scan = _("Scan the code to open the guided session:")
    qr_alt = escape(_("QR code: open the guided session"))
    footer = _(
        "Self-care information, not a diagnosis. Stop and see a clinician if pain gets "
        "sharply worse or new symptoms appear."
    )
    body = f"""<img class="qr" alt="{qr_alt}" src="{qr_svg(link)}">
<h1>{escape(title)}</h1>
<p>{escape(summary)}
{escape(scan)} <a class="small" href="{escape(link)}">{escape(link)}</a></p>
{_local_note(link)}
{warnings}
<p class="small">{escape(footer)}</p>
{_schedule(schedule, extra_points) if schedule else ""}
{points}"""
    return page(title, body, paper)


def routine_pdf(
    plan: Plan,
    schedule: Schedule | None,
    extra_points: list[str],
    link: str,
    paper: Paper = "a4",
) -> bytes:
    if plan.blocked or not plan.points:
        raise ValueError(_("no routine to print: the screening blocks it or no point fits"))
    codes = [p.code for p in plan.points]
    draw_charts(codes)
    sizes = dict.fromkeys(codes, CHART_MM[paper])
    fit = _fit_key(plan, paper)
    sizes.update(_FITTED.get(fit, {}))
    document = layout(routine_html(plan, schedule, extra_points, link, paper, sizes))
    for factor in SMALLER:
        split = split_points(document, codes)
        if not split:
            _remember(fit, sizes)
            break
        sizes.update(dict.fromkeys(split, CHART_MM[paper] * factor))
        document = layout(routine_html(plan, schedule, extra_points, link, paper, sizes))
    return write(document)


# The chart sizes that made each point fit, by the points' pages as first laid out: a point
# starts a page of its own, so whether it fits depends on its section and the page alone,
# and the same routine (any program, link or schedule) is laid out once, not again.
_FITTED: dict[str, dict[str, float]] = {}
_FITTING = threading.Lock()
KEPT_FITS = 256


def _fit_key(plan: Plan, paper: Paper) -> str:
    sections = _points(plan, paper, {})
    return hashlib.sha256(f"{css(paper)}\0{sections}".encode()).hexdigest()


def _remember(key: str, sizes: dict[str, float]) -> None:
    """Keep the sizes of a layout in which every point fitted (the newest KEPT_FITS)."""
    with _FITTING:  # server threads: one at a time drops the oldest
        if key not in _FITTED and len(_FITTED) >= KEPT_FITS:
            _FITTED.pop(next(iter(_FITTED)), None)
        _FITTED[key] = dict(sizes)


def split_points(document: Any, codes: list[str]) -> list[str]:
    """The points whose section is on more than one page (WeasyPrint lists a section's
    anchor on every page that holds part of it)."""
    pages = [set(page.anchors) for page in document.pages]
    return [code for code in codes if sum(f"point-{code}" in names for names in pages) > 1]
