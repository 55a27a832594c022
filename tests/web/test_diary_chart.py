"""The server-drawn pain chart: baseline and the band of meaningful change."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from acupressure.web.diary_chart import Reading, baseline, meaningful_change, pain_chart

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def readings(*values: int) -> list[Reading]:
    return [Reading(T0 + timedelta(days=i), v, "check-in") for i, v in enumerate(values)]


def test_baseline_is_the_mean_of_the_first_three_readings() -> None:
    assert baseline(readings(6, 8, 7, 1, 1)) == 7
    assert baseline([]) is None


def test_meaningful_change_is_two_points_or_thirty_percent_whichever_is_smaller() -> None:
    assert meaningful_change(8) == 2.0
    assert meaningful_change(5) == 1.5


def test_chart_is_labelled_and_draws_every_reading() -> None:
    svg = pain_chart(readings(6, 8, 7, 3))
    assert 'role="img"' in svg and "<title" in svg and "Baseline 7.0" in svg
    assert svg.count("<circle") == 4


def test_empty_chart_says_so() -> None:
    assert "No readings yet" in pain_chart([])


def test_a_long_diary_is_drawn_as_weekly_then_monthly_means() -> None:
    from acupressure.web.diary_chart import DETAIL_DAYS, grouping, marks

    daily = [Reading(T0 + timedelta(days=i), i % 7, "check-in") for i in range(DETAIL_DAYS)]
    assert grouping(daily) == "" and len(marks(daily)) == DETAIL_DAYS
    year = [Reading(T0 + timedelta(days=i), 5, "check-in") for i in range(365)]
    assert grouping(year) == "week" and len(marks(year)) == 53  # 2025-01-01 is a Wednesday
    five = [Reading(T0 + timedelta(days=i), i % 2 * 10, "before") for i in range(5 * 365)]
    monthly = marks(five)
    assert grouping(five) == "month" and len(monthly) == 60
    assert monthly[0].count == 31 and monthly[0].pain == 150 / 31  # 15 tens in January
    svg = pain_chart(five)
    assert svg.count("<circle") == 60 and "mean 4.8 of 31 readings" in svg
    assert len(svg) < 20_000


def test_the_starting_level_leaves_out_pain_just_after_a_session() -> None:
    session = [Reading(T0, 5, "before"), Reading(T0 + timedelta(minutes=12), 3, "after")]
    assert baseline(session) == 5  # not 4.0: the 3 is the session's effect
    assert "Baseline 5.0" in pain_chart(session)
    only_after = [Reading(T0, 3, "after")]
    assert baseline(only_after) is None
    svg = pain_chart(only_after)
    assert 'class="baseline"' not in svg and 'class="band"' not in svg and "<circle" in svg


def test_sessions_minutes_apart_name_the_day_once() -> None:
    session = [Reading(T0, 5, "before"), Reading(T0 + timedelta(minutes=12), 3, "after")]
    labels = re.findall(
        r'font-size="12" fill="#333"(?: text-anchor="end")?>([^<]+)<', pain_chart(session)
    )
    assert labels[-2:] == ["01 Jan 00:00", "00:12"]
    days = readings(6, 8)
    labels = re.findall(
        r'font-size="12" fill="#333"(?: text-anchor="end")?>([^<]+)<', pain_chart(days)
    )
    assert labels[-2:] == ["01 Jan", "02 Jan"]
