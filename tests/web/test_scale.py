"""A person with years of data: pages and exports that list things run a number of queries
that does not grow with the diary, /diary/ stays small, and every export of one person is
streamed: a large diary's download grows the worker's peak memory by less than 50 MB (a
resource bound measured in a fresh process, not a timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.diary_data import fill
from tests.web.practice import make_practice, signed_in

from acupressure.records.models import PracticeSession

ROOT = Path(__file__).resolve().parents[2]
BOUND_MIB = 50


def queries(client: Client, path: str) -> int:
    """The queries a GET of ``path`` runs, a streamed body read to its end included."""
    with CaptureQueriesContext(connection) as seen:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        downloads.body(response)
    return len(seen)


@pytest.mark.django_db(transaction=True)
def test_pages_and_exports_of_one_person_run_the_same_queries_for_5_or_200_days(
    clock: FakeWallClock,
) -> None:
    practice = make_practice()
    me, ana = signed_in(practice.client), signed_in(practice.practitioner)
    program, link = practice.program.pk, practice.link.pk
    paths: list[tuple[Client, str]] = [
        (me, "/diary/"),
        (me, "/diary/export.csv"),
        (me, "/privacy/"),
        (me, "/privacy/export.json"),
        (me, "/privacy/fhir.json"),
        (me, f"/program/{program}/"),
        (me, f"/program/{program}/program.ics"),
        (me, "/api/diary/sessions"),
        (me, "/api/diary/checkins"),
        (me, f"/api/programs/{program}/summary"),
        (ana, f"/clients/{link}/"),
        (ana, f"/clients/{link}/fhir.json"),
        (ana, f"/diary/?client={practice.client.pk}"),
        (ana, f"/diary/export.csv?client={practice.client.pk}"),
        (ana, f"/api/clients/{link}/fhir"),
    ]
    start = clock() - timedelta(days=400)
    fill(practice.client.pk, start, 5, program_id=program)
    for client, path in paths:  # one-offs out of the count (a flushed database makes its
        client.get(path)  # installation id on first use)
    few = {path: queries(client, path) for client, path in paths}
    fill(practice.client.pk, start + timedelta(days=5), 195, program_id=program)
    assert PracticeSession.objects.filter(owner=practice.client).count() == 200
    many = {path: queries(client, path) for client, path in paths}
    assert many == few


@pytest.mark.django_db
def test_five_years_of_diary_is_a_small_page_with_each_month_on_demand(
    people: object, owner_client: Client, clock: FakeWallClock
) -> None:
    owner = people.owner  # type: ignore[attr-defined]
    fill(owner.pk, clock() - timedelta(days=5 * 365), 5 * 365)
    page = owner_client.get("/diary/")
    assert len(page.content) < 100_000, len(page.content)
    html = page.content.decode()
    assert html.count("<circle") == 3 * 61  # before, after, check-in: a mean per month
    assert "Show one month in detail" in html
    month = owner_client.get("/diary/?month=2023-06").content.decode()
    assert month.count("<circle") == 3 * 30 and "Every reading of 2023-06." in month


def worker(*args: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    run = subprocess.run(
        [sys.executable, "-m", "tests.web.export_memory", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


@pytest.fixture(scope="module")
def big_diary(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, int]]:
    """2,000 days of sessions (each with its 30 KB plan) and check-ins, in a database of its
    own; returns a function that downloads a path in a fresh process and reports."""
    folder = tmp_path_factory.mktemp("big-diary")
    worker("make", str(folder), "2000")
    return lambda path: dict(json.loads(worker("measure", str(folder), path)))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "at_least"),
    [("/privacy/export.json", 50_000_000), ("/privacy/fhir.json", 4_000_000),
     ("/diary/export.csv", 250_000)],
)  # fmt: skip
def test_a_large_diary_downloads_in_bounded_memory(
    big_diary: Callable[[str], dict[str, int]], path: str, at_least: int
) -> None:
    found = big_diary(path)
    assert found["bytes"] > at_least  # the whole diary came (JSON: more than the bound)
    growth_mib = (found["after_kib"] - found["before_kib"]) / 1024
    assert growth_mib < BOUND_MIB, (path, growth_mib)
