"""Pain over time as a server-drawn SVG, with the baseline and the band of meaningful change.

A long diary is drawn in summary: beyond ``DETAIL_DAYS`` of readings each point is the mean
of a week (up to ``WEEKS_UP_TO`` days) or of a month, so the page stays small whatever the
diary's length; any one month can be drawn in full detail (``/diary/?month=``). What is drawn
(the points, the baseline) is worked out in ``records/diary_marks.py``, from a list of
readings or in the database. A change counts as meaningful when it reaches the weekly pain
questionnaire's threshold (``outcomes.legend.pain_threshold``), so the band spans baseline ±
that amount; readings outside it are real change, those inside are everyday variation.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from acupressure import i18n
from acupressure.i18n import gettext as _
from acupressure.outcomes.legend import pain_threshold
from acupressure.records.diary import Reading
from acupressure.records.diary_marks import (
    DETAIL_DAYS,
    WEEKS_UP_TO,
    ChartData,
    Mark,
    baseline,
    chart_data,
    grouping,
    marks,
)

__all__ = [
    "DETAIL_DAYS", "WEEKS_UP_TO", "Reading", "baseline", "draw", "grouping", "marks",
    "meaningful_change", "pain_chart",
]  # fmt: skip

KIND_WORDS = i18n.Labels(
    {"check-in": i18n.N_("check-in"), "before": i18n.N_("before"), "after": i18n.N_("after")}
)


def _day(at: datetime, with_time: bool = False) -> str:
    """A short date: "03 Mar" in English, numbers elsewhere (no English month names)."""
    if i18n.current() == "en":
        return f"{at:%d %b %H:%M}" if with_time else f"{at:%d %b}"
    return f"{at:%m-%d %H:%M}" if with_time else f"{at:%m-%d}"


WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 16, 36


def _mark_title(m: Mark) -> str:
    if not m.period:
        return f"{escape(KIND_WORDS[m.kind])} {_day(m.at, True)}: {m.pain:g}"
    when = _("week of {day}") if m.period == "week" else _("month of {day}")
    text = _("{kind}, {when}: mean {mean} of {count} readings").format(
        kind=KIND_WORDS[m.kind],
        when=when.format(day=f"{m.at:%Y-%m-%d}"),
        mean=f"{m.pain:.1f}",
        count=m.count,
    )
    return escape(text)


def meaningful_change(base: float) -> float:
    """Smallest change that counts: the weekly pain questionnaire's rule (2 points, or 30% of
    the baseline but at least 1 point, whichever is smaller)."""
    return pain_threshold(base)


def _axis(start: datetime, end: datetime) -> tuple[str, str]:
    """The time axis's two end labels: the day once, with the times, when both are on the
    same day (sessions minutes apart); one label when there is one moment."""
    if start == end:
        return _day(start, True), ""
    if start.date() == end.date():
        return _day(start, True), f"{end:%H:%M}"
    return _day(start), _day(end)


def _y(value: float) -> float:
    return TOP + (10 - value) / 10 * (HEIGHT - TOP - BOTTOM)


def pain_chart(readings: list[Reading], base: float | None = None) -> str:
    """An accessible SVG (role img, title and description) of the readings over time;
    ``base``: the baseline to draw (by default that of these readings)."""
    return draw(chart_data(readings, base))


def draw(data: ChartData | None) -> str:
    """The SVG of the chart's data (records/diary_marks.py); words for no readings."""
    title = escape(_("Pain over time, 0 to 10"))
    if data is None:  # words at the page's size (a scaled SVG shrank them on a phone)
        none = escape(_("No readings yet."))
        return f'<p class="chart-empty">{none}</p>'

    start, end, base = data.start, data.end, data.base
    span = max((end - start).total_seconds(), 1.0)

    def x(at: datetime) -> float:
        if start == end:
            return LEFT + (WIDTH - LEFT - RIGHT) / 2
        share = min(max((at - start).total_seconds() / span, 0.0), 1.0)  # a week may start
        return LEFT + share * (WIDTH - LEFT - RIGHT)  # before the first reading

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="pc-t pc-d" class="pain-chart">',
        f'<title id="pc-t">{title}</title>',
        '<desc id="pc-d">' + escape(_describe(data)) + "</desc>",
    ]
    if base is not None:
        delta = meaningful_change(base)
        top, bottom = _y(min(10.0, base + delta)), _y(max(0.0, base - delta))
        parts.append(
            f'<rect class="band" x="{LEFT}" y="{top:.1f}" width="{WIDTH - LEFT - RIGHT}" '
            f'height="{bottom - top:.1f}" fill="#e3efe9"/>'
        )
    for tick in range(0, 11, 2):
        y = _y(tick)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#333">{tick}</text>'
        )
    if base is not None:
        yb = _y(base)
        parts.append(
            f'<line class="baseline" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{yb:.1f}" '
            f'y2="{yb:.1f}" stroke="#1d5c4d" stroke-dasharray="6 4" stroke-width="2"/>'
        )
    drawn = data.marks
    for kind, colour in (("check-in", "#555"), ("before", "#b3261e"), ("after", "#1d5c4d")):
        series = [m for m in drawn if m.kind == kind]
        if len(series) > 1:
            points = " ".join(f"{x(m.at):.1f},{_y(m.pain):.1f}" for m in series)
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for m in series:
            parts.append(
                f'<circle cx="{x(m.at):.1f}" cy="{_y(m.pain):.1f}" r="{3 if m.period else 4}" '
                f'fill="{colour}"><title>{_mark_title(m)}</title></circle>'
            )
    first, last = _axis(start, end)
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 10}" font-size="12" fill="#333">{first}</text>')
    if last:
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 10}" font-size="12" fill="#333" '
            f'text-anchor="end">{last}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _describe(data: ChartData) -> str:
    start, end, base = data.start, data.end, data.base
    fields = {
        "count": data.count,
        "start": f"{start:%d %b %Y}" if i18n.current() == "en" else f"{start:%Y-%m-%d}",
        "end": f"{end:%d %b %Y}" if i18n.current() == "en" else f"{end:%Y-%m-%d}",
        "latest": data.latest,
    }
    if base is None:
        return _("{count} readings from {start} to {end}. Latest {latest}.").format(**fields)
    return _(
        "{count} readings from {start} to {end}. Baseline {baseline}; change of "
        "{change} or more counts as meaningful. Latest {latest}."
    ).format(
        **fields,
        baseline=i18n.number(base, 1),
        change=i18n.number(meaningful_change(base), 1),
    )
