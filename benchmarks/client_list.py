"""The practitioner's client list at real size: /clients/ and /clients/export.csv for 10, 100
and 1,000 consenting clients, each with a 6-week prescribed program, 40 sessions and 6 weekly
checks (issue 26). Prints, per size, the queries, the INSERT statements, the bytes and the
p50/p99 time of sequential requests in this process (Django's test client, no server), with
the growth from the smallest size to the largest.

    python benchmarks/client_list.py [--sizes 10 100 1000] [--repeat 20]

The data is written with the ORM in bulk (the rows the product stores); a fresh SQLite
database in a temporary folder, or PostgreSQL with DATABASE_URL (a throwaway database: the
script adds to it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import timedelta
from typing import Any


def _clinic(practitioner: Any, count: int, start: int) -> None:
    from django.contrib.auth.models import User

    from acupressure.program import design
    from acupressure.records import clock
    from acupressure.records.models import (
        ListVersion,
        PracticeSession,
        PractitionerLink,
        ProgramRecord,
        QuestionnaireAnswer,
    )
    from acupressure.safety import Intake

    now = clock.now()
    made = design(Intake(areas=["neck"], red_flags=[]), now.date() - timedelta(days=41))
    users = User.objects.bulk_create(User(username=f"c-{start + i:05d}") for i in range(count))
    PractitionerLink.objects.bulk_create(
        PractitionerLink(practitioner=practitioner, client=u, created_at=now, consented_at=now,
                         label=f"Client {start + i:05d}")
        for i, u in enumerate(users)
    )  # fmt: skip
    programs = ProgramRecord.objects.bulk_create(
        ProgramRecord(owner=u, created_at=now, prescriber=practitioner,
                      intake=made.intake.model_dump(mode="json"), points=made.points,
                      schedule=made.schedule.model_dump(mode="json"), prescription=[])
        for u in users
    )  # fmt: skip
    PracticeSession.objects.bulk_create(
        (PracticeSession(owner_id=p.owner_id, program=p, created_at=now - timedelta(days=d),
                         started_at=now - timedelta(days=d), finished_at=now - timedelta(days=d),
                         slot_kind="routine")
         for p in programs for d in range(40)),
        batch_size=2000,
    )  # fmt: skip
    QuestionnaireAnswer.objects.bulk_create(
        (QuestionnaireAnswer(owner_id=p.owner_id, program=p, week=w, questionnaire="pain-week",
                             answers={"pain": max(0, 7 - w)}, at=now)
         for p in programs for w in range(6)),
        batch_size=2000,
    )  # fmt: skip
    ListVersion.renew([practitioner.pk])  # as saving each link would


def _measure(desk: Any, path: str, repeat: int) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, inserts, size = [], 0, 0, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as seen:
            began = time.perf_counter()
            response = desk.get(path)
            body = b"".join(response) if response.streaming else response.content
            times.append(time.perf_counter() - began)
        assert response.status_code == 200, response.status_code
        queries, size = len(seen.captured_queries), len(body)
        inserts = sum(1 for q in seen.captured_queries if q["sql"].lstrip()[:6] == "INSERT")
    times.sort()
    return {
        "p50_ms": 1000 * statistics.median(times),
        "p99_ms": 1000 * times[min(len(times) - 1, round(0.99 * (len(times) - 1)))],
        "queries": queries,
        "inserts": inserts,
        "kb": size / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("ACUPRESSURE_DATA_DIR", tempfile.mkdtemp(prefix="client-list-"))
    from acupressure.records.store import setup_records

    setup_records()
    from django.conf import settings
    from django.test import Client

    from acupressure.records.practice import add_practitioner

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    ana = add_practitioner("bench@example.org", "Dr Bench")
    desk = Client()
    desk.force_login(ana)
    made, results = 0, {}
    for size in sorted(args.sizes):
        _clinic(ana, size - made, made)
        made = size
        for path in ("/clients/", "/clients/export.csv"):
            results[(size, path)] = _measure(desk, path, args.repeat)
            r = results[(size, path)]
            print(f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]:>10} "
                  f"{size:>5} clients {path:<20} p50 {r['p50_ms']:8.1f} ms  "
                  f"p99 {r['p99_ms']:8.1f} ms  queries {r['queries']:3d}  "
                  f"inserts {r['inserts']}  {r['kb']:8.1f} KB")  # fmt: skip
    low, high = min(args.sizes), max(args.sizes)
    for path in ("/clients/", "/clients/export.csv"):
        a, b = results[(low, path)], results[(high, path)]
        print(f"growth {low} -> {high} clients {path}: time x{b['p50_ms'] / a['p50_ms']:.1f}, "
              f"queries {a['queries']} -> {b['queries']}")  # fmt: skip


if __name__ == "__main__":
    main()
