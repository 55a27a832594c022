"""The diary chart worked out in SQL (records/diary_marks.py) draws what the readings drawn
in Python draw (records/diary.py ``readings`` with web/diary_chart.py ``pain_chart``: the
way the page was made before, kept as the oracle), for generated diaries of several sizes
and time zones; /diary/ costs the same queries for 10 and 2,000 readings; a month shows that
month's readings (UTC days, as the chart's). Runs on PostgreSQL too (test_postgres.py)."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from tests.doubles import FakeWallClock
from tests.web import programs
from tests.web.personas import Personas
from tests.web.practice import make_practice, signed_in

from acupressure.records import diary_marks
from acupressure.records.diary import Reading, readings
from acupressure.records.models import CheckIn, PracticeSession
from acupressure.records.records_version import bump
from acupressure.web.diary_chart import draw, pain_chart

ZONES = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kolkata"]


def make_diary(owner: User, start: datetime, days: int, seed: int, per_day: float = 1.0) -> None:
    """A random diary from ``start`` (its zone: the person's local times) over ``days``:
    sessions with or without each pain (some never finished, some never started), check-ins,
    times near local midnight and with microseconds."""
    rng = random.Random(seed)
    zone = start.tzinfo
    sessions, check_ins = [], []
    for day in range(days):
        if rng.random() > per_day:
            continue
        local = start + timedelta(days=day)
        at = local.replace(hour=rng.choice([0, 6, 12, 23]), minute=rng.randrange(60))
        at = at.replace(microsecond=rng.randrange(1_000_000)).astimezone(UTC)
        started = None if rng.random() < 0.05 else at + timedelta(seconds=rng.randrange(90))
        finished = None if rng.random() < 0.1 else at + timedelta(minutes=rng.randrange(5, 40))
        sessions.append(
            PracticeSession(
                owner=owner, created_at=at, started_at=started, finished_at=finished,
                pain_before=None if rng.random() < 0.1 else rng.randrange(11),
                pain_after=None if rng.random() < 0.2 else rng.randrange(11),
            )
        )  # fmt: skip
        if rng.random() < 0.8:
            when = (local + timedelta(hours=rng.randrange(24))).astimezone(UTC)
            check_ins.append(
                CheckIn(
                    owner=owner, day=local.date(), area="neck", pain=rng.randrange(11),
                    updated_at=when.replace(tzinfo=zone).astimezone(UTC),
                )
            )  # fmt: skip
    PracticeSession.objects.bulk_create(sessions)
    CheckIn.objects.bulk_create(check_ins)


def sql_chart(owner_id: int) -> str:
    base = diary_marks.first_baseline(owner_id)
    return draw(diary_marks.overview(owner_id, diary_marks.span(owner_id), base))


def python_chart(found: list[Reading]) -> str:
    return pain_chart(found, diary_marks.baseline(found))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("days", "zone"),
    [(0, "UTC"), (1, "Asia/Kolkata"), (30, "Pacific/Kiritimati"), (93, "America/Los_Angeles"),
     (200, "Asia/Kolkata"), (400, "UTC"), (731, "Pacific/Kiritimati"),
     (1000, "America/Los_Angeles")],
)  # fmt: skip
def test_the_chart_from_sql_is_the_chart_from_the_readings(days: int, zone: str) -> None:
    owner, other = User.objects.create_user("olivia"), User.objects.create_user("sam")
    start = datetime(2023, 1, 1, tzinfo=ZoneInfo(zone))
    make_diary(owner, start, days, seed=days)
    make_diary(other, start - timedelta(days=40), days + 80, seed=days + 1)  # not hers
    found = readings(owner.pk)
    with timezone.override(ZoneInfo(zone)):  # the page's zone changes nothing: UTC days
        from_sql = sql_chart(owner.pk)
    assert from_sql == python_chart(found)
    assert diary_marks.first_baseline(owner.pk) == diary_marks.baseline(found)
    if days >= 400:  # summarised: a mean per week or month, fewer points than readings
        assert from_sql.count("<circle") < len(found) / 3


@pytest.mark.django_db
def test_each_month_is_the_readings_of_that_utc_month() -> None:
    owner = User.objects.create_user("olivia")
    make_diary(owner, datetime(2023, 1, 1, tzinfo=ZoneInfo("Pacific/Kiritimati")), 200, seed=7)
    found = readings(owner.pk)
    base = diary_marks.baseline(found)
    months = sorted({(r.at.year, r.at.month) for r in found} | {(2022, 12), (2024, 1)})
    for year, month in months:
        expected = [r for r in found if (r.at.year, r.at.month) == (year, month)]
        assert diary_marks.month_readings(owner.pk, year, month) == expected
        chart = pain_chart(diary_marks.month_readings(owner.pk, year, month), base)
        assert chart == pain_chart(expected, base)


@pytest.mark.django_db
def test_a_month_of_the_page_draws_each_of_its_readings_and_no_other(
    people: Personas, owner_client: Client
) -> None:
    owner = people.owner
    edges = [
        datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=UTC),  # the month's last moment
        datetime(2024, 3, 1, 0, 0, tzinfo=UTC),  # the next month's first
        datetime(2024, 2, 1, 0, 0, tzinfo=UTC),
        datetime(2024, 1, 31, 23, 30, tzinfo=UTC),
    ]
    for n, at in enumerate(edges):
        CheckIn.objects.create(owner=owner, day=at.date(), area="neck", pain=n, updated_at=at)
    page = owner_client.get("/diary/?month=2024-02").content.decode()
    assert page.count("<circle") == 2 and "Every reading of 2024-02." in page
    assert "2 readings from 01 Feb 2024 to 29 Feb 2024" in page
    empty = owner_client.get("/diary/?month=2023-02").content.decode()
    assert "No readings yet." in empty and "Every reading of 2023-02." in empty
    for far in ("0000-01", "9999-12", "0001-01"):  # the calendar's ends: no error
        assert owner_client.get(f"/diary/?month={far}").status_code == 200


def fill_readings(owner: User, count: int) -> None:
    """``count`` readings over ``count`` days: check-ins, and sessions with pain before."""
    start = datetime(2021, 1, 4, 8, tzinfo=UTC)
    days = [start + timedelta(days=d) for d in range(count)]
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, day=at.date(), area="neck", pain=d % 11, updated_at=at)
        for d, at in enumerate(days[: count // 2])
    )
    PracticeSession.objects.bulk_create(
        PracticeSession(owner=owner, created_at=at, started_at=at, pain_before=d % 9)
        for d, at in enumerate(days[count // 2 :])
    )
    bump([owner.pk])  # bulk inserts skip the stores: the page made afresh


def diary_queries(client: Client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as seen:
        response = client.get(path)
    assert response.status_code == 200, response.status_code
    return len(seen), response.content.decode()


@pytest.mark.django_db
def test_the_diary_costs_the_same_queries_for_10_or_2000_readings(people: Personas) -> None:
    owner = people.owner
    own, practitioner = people.client_for(owner), people.client_for(people.practitioner)
    paths = [(own, "/diary/"), (practitioner, f"/diary/?client={owner.pk}"),
             (own, "/diary/?month=2021-01")]  # fmt: skip
    for client, path in paths:
        client.get(path)  # one-offs out of the count (the installation id, the session)
    fill_readings(owner, 10)
    few = {path: diary_queries(client, path) for client, path in paths}
    assert re.search(r"10 readings from", few["/diary/"][1])
    PracticeSession.objects.filter(owner=owner).delete()
    CheckIn.objects.filter(owner=owner).delete()
    fill_readings(owner, 2000)
    many = {path: diary_queries(client, path) for client, path in paths}
    assert re.search(r"2000 readings from", many["/diary/"][1])
    assert "Each point is the mean" in many["/diary/"][1]  # the summarised chart, made afresh
    assert {p: n for p, (n, _) in many.items()} == {p: n for p, (n, _) in few.items()}


@pytest.mark.django_db
def test_the_weekly_summary_reads_the_newest_program_alone(
    people: Personas, owner_client: Client, clock: FakeWallClock
) -> None:
    made = []
    for _ in range(3):
        made.append(programs.make(owner_client).pk)
        clock.advance(days=1)
    with CaptureQueriesContext(connection) as seen:
        page = owner_client.get("/diary/").content.decode()
    assert f"Weekly summary, program {made[-1]}" in page
    read = [q["sql"] for q in seen.captured_queries if 'FROM "web_programrecord"' in q["sql"]]
    assert len(read) == 1 and read[0].rstrip().endswith("LIMIT 1"), read


@pytest.mark.django_db
def test_the_client_page_draws_the_clients_diary_as_the_readings_do(clock: FakeWallClock) -> None:
    practice = make_practice()
    owner = practice.client
    make_diary(owner, datetime(2024, 3, 1, tzinfo=ZoneInfo("Asia/Kolkata")), 400, seed=7)
    page = signed_in(practice.practitioner).get(f"/clients/{practice.link.pk}/")
    assert page.status_code == 200
    svg = re.search(r"<svg.*?</svg>", page.content.decode(), re.S)
    assert svg
    with translation.override("en"):
        assert svg[0] == python_chart(readings(owner.pk))
