"""Pain over time as a server-drawn SVG, with the baseline and the band of meaningful change.

A long diary is drawn in summary: beyond :data:`DETAIL_DAYS` of readings each point is the
mean of a week (up to :data:`WEEKS_UP_TO` days) or of a month, so the page stays small
whatever the diary's length; any one month can be drawn in full detail (``/diary/?month=``).

The baseline (the starting level) is the mean of the first three readings taken before
practice: pain before a session and daily check-ins. Pain just after a session is left out:
it shows the session's short-term effect, not where the person started. A change counts as
meaningful when it reaches the weekly pain questionnaire's threshold
(``outcomes.legend.pain_threshold``), so the band spans baseline ± that amount; readings
outside it are real change, those inside are everyday variation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

from acupressure import i18n
from acupressure.i18n import gettext as _
from acupressure.outcomes.legend import pain_threshold
from acupressure.records.diary import Reading

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


DETAIL_DAYS = 92  # every reading drawn up to about three months
WEEKS_UP_TO = 2 * 365  # then a point per week, beyond two years a point per month


@dataclass(frozen=True)
class Mark:
    """One point of the chart: a reading, or the mean of a week's or a month's readings."""

    at: datetime
    pain: float
    kind: str
    count: int = 1
    period: str = ""  # "", "week" or "month"


def grouping(readings: list[Reading]) -> str:
    """How the chart draws these (sorted) readings: "" (each one), "week" or "month"."""
    if len(readings) < 2:
        return ""
    days = (readings[-1].at - readings[0].at).days
    return "" if days <= DETAIL_DAYS else "week" if days <= WEEKS_UP_TO else "month"


def marks(readings: list[Reading]) -> list[Mark]:
    """The chart's points: each reading, or a mean per kind and week or month."""
    period = grouping(readings)
    if not period:
        return [Mark(r.at, r.pain, r.kind) for r in readings]
    starts: dict[date, date] = {}  # a day -> the first day of its week or month
    groups: dict[tuple[str, date], list[int]] = {}
    for r in readings:
        day = r.at.date()
        start = starts.get(day)
        if start is None:
            start = day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)
            starts[day] = start
        groups.setdefault((r.kind, start), []).append(r.pain)
    zone = readings[0].at.tzinfo
    return sorted(
        (
            Mark(
                datetime(s.year, s.month, s.day, tzinfo=zone), sum(v) / len(v), kind, len(v), period
            )
            for (kind, s), v in groups.items()
        ),
        key=lambda m: m.at,
    )


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


def baseline(readings: list[Reading]) -> float | None:
    """The starting level: the mean of the first three readings that are not "after" a
    session; None before there is one."""
    first = sorted((r for r in readings if r.kind != "after"), key=lambda r: r.at)[:3]
    if not first:
        return None
    return sum(r.pain for r in first) / len(first)


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
    title = escape(_("Pain over time, 0 to 10"))
    if not readings:  # words at the page's size (a scaled SVG shrank them on a phone)
        none = escape(_("No readings yet."))
        return f'<p class="chart-empty">{none}</p>'

    ordered = sorted(readings, key=lambda r: r.at)
    start, end = ordered[0].at, ordered[-1].at
    span = max((end - start).total_seconds(), 1.0)

    def x(at: datetime) -> float:
        if start == end:
            return LEFT + (WIDTH - LEFT - RIGHT) / 2
        share = min(max((at - start).total_seconds() / span, 0.0), 1.0)  # a week may start
        return LEFT + share * (WIDTH - LEFT - RIGHT)  # before the first reading

    base = baseline(ordered) if base is None else base
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="pc-t pc-d" class="pain-chart">',
        f'<title id="pc-t">{title}</title>',
        '<desc id="pc-d">' + escape(_describe(ordered, base)) + "</desc>",
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
    drawn = marks(ordered)
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


def _describe(ordered: list[Reading], base: float | None) -> str:
    start, end = ordered[0].at, ordered[-1].at
    fields = {
        "count": len(ordered),
        "start": f"{start:%d %b %Y}" if i18n.current() == "en" else f"{start:%Y-%m-%d}",
        "end": f"{end:%d %b %Y}" if i18n.current() == "en" else f"{end:%Y-%m-%d}",
        "latest": ordered[-1].pain,
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
