"""The diary chart's data: its points (each reading, or the mean of a week's or a month's
readings per kind), the baseline, the span and the latest reading.

Worked out either from a list of readings (:func:`chart_data`) or in the database
(:func:`overview`): a constant number of queries whatever the diary's length, the means
summed and counted in SQL (a week or a month of UTC days, as the readings' own dates are UTC),
each reading fetched only where the chart draws each one (a span of :data:`DETAIL_DAYS` or
less, or one month, :func:`month_readings`). Both give the same chart.

The baseline (the starting level) is the mean of the first three readings taken before
practice: pain before a session and daily check-ins. Pain just after a session is left out:
it shows the session's short-term effect, not where the person started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db.models import Count, DateField, F, IntegerField, Max, Min, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth, TruncWeek

from acupressure.records.diary import Reading
from acupressure.records.models import CheckIn, PracticeSession

DETAIL_DAYS = 92  # every reading drawn up to about three months
WEEKS_UP_TO = 2 * 365  # then a point per week, beyond two years a point per month
KINDS = ("before", "after", "check-in")  # a reading's kind; its place breaks ties in time


@dataclass(frozen=True)
class Mark:
    """One point of the chart: a reading, or the mean of a week's or a month's readings."""

    at: datetime
    pain: float
    kind: str
    count: int = 1
    period: str = ""  # "", "week" or "month"


@dataclass(frozen=True)
class ChartData:
    """What the chart draws: its points, how many readings they stand for, from when to
    when, the latest reading's pain and the baseline (None before there is one)."""

    marks: list[Mark]
    count: int
    start: datetime
    end: datetime
    latest: int
    base: float | None


def period_of(start: datetime, end: datetime) -> str:
    """How the chart draws readings from ``start`` to ``end``: "" (each one), "week" or
    "month"."""
    days = (end - start).days
    return "" if days <= DETAIL_DAYS else "week" if days <= WEEKS_UP_TO else "month"


def grouping(readings: list[Reading]) -> str:
    """How the chart draws these (sorted) readings: "" (each one), "week" or "month"."""
    if len(readings) < 2:
        return ""
    return period_of(readings[0].at, readings[-1].at)


def _first_day(day: date, period: str) -> date:
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


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
            start = starts[day] = _first_day(day, period)
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


def baseline(readings: list[Reading]) -> float | None:
    """The starting level: the mean of the first three readings that are not "after" a
    session; None before there is one."""
    first = sorted((r for r in readings if r.kind != "after"), key=lambda r: r.at)[:3]
    if not first:
        return None
    return sum(r.pain for r in first) / len(first)


def chart_data(readings: list[Reading], base: float | None = None) -> ChartData | None:
    """The chart's data from these readings (None for none); ``base``: the baseline to draw
    (by default that of these readings)."""
    if not readings:
        return None
    ordered = sorted(readings, key=lambda r: r.at)
    base = baseline(ordered) if base is None else base
    start, end = ordered[0].at, ordered[-1].at
    return ChartData(marks(ordered), len(ordered), start, end, ordered[-1].pain, base)


# --- in the database ------------------------------------------------------------------------


def _sessions(owner_id: int) -> QuerySet[Any]:
    """The person's sessions that happened, with ``began`` and ``ended`` (as ``diary.readings``
    times their pain before and after)."""
    sessions = PracticeSession.objects.started().filter(owner_id=owner_id).order_by()
    return sessions.annotate(
        began=Coalesce("started_at", "created_at"), ended=Coalesce("finished_at", "created_at")
    )


def _parts(owner_id: int) -> dict[str, QuerySet[Any]]:
    """Each kind of reading as rows of ``t`` (its time), ``v`` (the pain), ``src`` and ``n``
    (the row's table and id) and ``k`` (the kind's place): one union orders them as
    :func:`acupressure.records.diary.readings` does."""
    sessions = _sessions(owner_id)
    rows = {
        "before": sessions.filter(pain_before__isnull=False).annotate(
            t=F("began"), v=F("pain_before")
        ),
        "after": sessions.filter(pain_after__isnull=False).annotate(
            t=F("ended"), v=F("pain_after")
        ),
        "check-in": CheckIn.objects.filter(owner_id=owner_id)
        .order_by()
        .annotate(t=F("updated_at"), v=F("pain")),
    }
    return {
        kind: rows[kind].annotate(
            src=Value(int(kind == "check-in"), IntegerField()),
            n=F("id"),
            k=Value(KINDS.index(kind), IntegerField()),
        )
        for kind in KINDS
    }


def _union(parts: list[QuerySet[Any]]) -> QuerySet[Any]:
    first, *rest = [p.values_list("t", "v", "k", "src", "n") for p in parts]
    return first.union(*rest, all=True)


def _readings(rows: QuerySet[Any]) -> list[Reading]:
    return [Reading(t, v, KINDS[k]) for t, v, k, _src, _n in rows]


@dataclass(frozen=True)
class Span:
    """How many readings a diary holds, from when to when."""

    count: int
    start: datetime
    end: datetime

    @property
    def period(self) -> str:
        return period_of(self.start, self.end) if self.count > 1 else ""


def span(owner_id: int) -> Span | None:
    """The diary's readings counted, first and last (two queries); None for none."""
    before, after = Q(pain_before__isnull=False), Q(pain_after__isnull=False)
    found = _sessions(owner_id).aggregate(
        nb=Count("pain_before"), b0=Min("began", filter=before), b1=Max("began", filter=before),
        na=Count("pain_after"), a0=Min("ended", filter=after), a1=Max("ended", filter=after),
    )  # fmt: skip
    check_ins = CheckIn.objects.filter(owner_id=owner_id).order_by()
    found |= check_ins.aggregate(nc=Count("id"), c0=Min("updated_at"), c1=Max("updated_at"))
    count = found["nb"] + found["na"] + found["nc"]
    if not count:
        return None
    firsts = [found[f] for f in ("b0", "a0", "c0") if found[f] is not None]
    lasts = [found[f] for f in ("b1", "a1", "c1") if found[f] is not None]
    return Span(count, min(firsts), max(lasts))


def first_baseline(owner_id: int) -> float | None:
    """The baseline (:func:`baseline`) from the first three readings before practice, read
    alone (one query)."""
    parts = _parts(owner_id)
    rows = _union([parts["before"], parts["check-in"]]).order_by("t", "src", "n")[:3]
    return baseline(_readings(rows))


def _latest(parts: dict[str, QuerySet[Any]]) -> int:
    row = _union(list(parts.values())).order_by("-t", "-src", "-n", "-k")[:1]
    return int(row[0][1])


class _WeekOf(TruncWeek):
    """The Monday of a time's week (UTC) as a date. SQLite's own date functions: Django's
    Trunc calls Python for every row there (a millisecond per 150 readings)."""

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.lhs)  # text: UTC, as Django stores it
        return f"date({sql}, '-6 days', 'weekday 1')", params


class _MonthOf(TruncMonth):
    """The first day of a time's month (UTC) as a date (SQLite: see :class:`_WeekOf`)."""

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, 'start of month')", params


def _means(parts: dict[str, QuerySet[Any]], period: str) -> list[Mark]:
    """A mean per kind and week or month, summed and counted in SQL (one query)."""
    trunc = _WeekOf if period == "week" else _MonthOf
    grouped = [
        part.annotate(first=trunc("t", tzinfo=UTC, output_field=DateField()))
        .values("first", "k")
        .annotate(total=Sum("v"), count=Count("n"))
        .values_list("first", "k", "total", "count")
        for part in parts.values()
    ]
    first, *rest = grouped
    found = []
    for day, k, total, count in first.union(*rest, all=True):
        start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        found.append(Mark(start, total / count, KINDS[k], count, period))
    return sorted(found, key=lambda m: (m.at, KINDS.index(m.kind)))


def overview(owner_id: int, whole: Span | None, base: float | None) -> ChartData | None:
    """The whole diary's chart data (:func:`chart_data` of every reading) in two queries:
    ``whole`` and ``base`` are :func:`span` and :func:`first_baseline`."""
    if whole is None:
        return None
    parts = _parts(owner_id)
    latest = _latest(parts)
    if not whole.period:  # a few months at most: each reading
        rows = _union(list(parts.values())).order_by("t", "src", "n", "k")
        shown = marks(_readings(rows))
    else:
        shown = _means(parts, whole.period)
    return ChartData(shown, whole.count, whole.start, whole.end, latest, base)


def month_readings(owner_id: int, year: int, month: int) -> list[Reading]:
    """The readings of one month (UTC, as the readings' dates), in time order (one query;
    none for a month outside the calendar's years 1 to 9999)."""
    if not 1 <= year <= 9999:
        return []
    parts = [
        p.filter(t__gte=datetime(year, month, 1, tzinfo=UTC)) for p in _parts(owner_id).values()
    ]
    if (year, month) < (9999, 12):
        until = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        parts = [p.filter(t__lt=until) for p in parts]
    return _readings(_union(parts).order_by("t", "src", "n", "k"))
