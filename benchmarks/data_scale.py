"""The web app at the sizes real people reach, on SQLite and PostgreSQL side by side.

The data is made through the product's own code, with an injected clock (no waiting):

- a person who practises every day: through the views, as a browser does (POST
  /session/start/, the pain before, /finish/ with the pain after and a note, and a daily
  check-in), for 1 year, then 4 more (5 years: 1,825 sessions and 1,825 check-ins), with a
  52-week program of several sessions a day (the longest calendar feed);
- a person who did that program in full (1,456 sessions through the program store): the
  weekly summary on /diary/ and the program page;
- a practitioner with 10, then 100, then 1,000 clients (acupressure.records.practice and the
  program store: invited, consenting, a prescribed 6-week program, 40 sessions, 6 weekly
  checks each).

/diary/ is measured as the person sees it after a write ("made afresh": their records
version drawn anew first, as every write does, so the page is built again), one month of it
(``?month=``) and as her practitioner sees it (``?client=``; she took up his invitation with
her own account).

At each size every endpoint is requested ``--runs`` times one at a time (Django's test
client, in the process) and reports p50 and p99 in ms, the queries of one request, its
bytes, and the peak of Python allocations during one more request (tracemalloc, MiB); last,
the growth factor from the smallest size to the largest. Each database runs in a process of
its own (Django's settings are per process), and its peak RSS is printed too.

    python benchmarks/data_scale.py [--database-url postgres://...] [--runs 20]
        [--clients 10 100 1000] [--years 1 5]
    # PostgreSQL: scripts/pg_test_cluster.sh prints a URL (ACUPRESSURE_TEST_DATABASE_URL is
    # used when set; each run makes a new database on that server and drops it after);
    # without one only SQLite is measured. --databases sqlite (or postgres)
    # runs one of them (both run at the same time, each in its own process; --in-turn: one
    # after the other, on a machine with few cores); --diary-runs: timed runs of /diary/
    # made afresh, its month, the practitioner's, the 52-week program's (a p99 of --runs 20
    # is the slowest of 20); --big-runs:
    # timed runs at 1,000 clients (default 20).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

START = datetime(2021, 1, 4, 7, 0, tzinfo=UTC)
PERSON_INTAKE = json.dumps({"areas": ["lower-back", "neck"], "helper": True, "red_flags": []})


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def setup(folder: str, database: str | None) -> None:
    os.environ["ACUPRESSURE_DATA_DIR"] = folder
    os.environ.setdefault("ACUPRESSURE_SECRET_KEY", "benchmark-secret-key-not-for-production")
    os.environ["DJANGO_SETTINGS_MODULE"] = "acupressure.web.settings"
    if database:
        os.environ["DATABASE_URL"] = database
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def browser(user: Any) -> Any:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def practise_days(client: Any, clock: Clock, first: int, days: int) -> None:
    """Days ``first`` .. ``first + days - 1`` of daily practice, through the views."""
    for day in range(first, first + days):
        clock.now = START + timedelta(days=day, hours=1)
        started = client.post("/session/start/", {"intake": PERSON_INTAKE})
        assert started.status_code == 302, started.content[:300]
        session = started["Location"]
        assert client.post(f"{session}pain/", {"pain": 3 + day % 5}).status_code == 200
        clock.now += timedelta(minutes=14)
        done = client.post(
            f"{session}finish/",
            {"pain_after": 2 + day % 4, "completed_steps": 6, "pressed_seconds": 300,
             "note": f"day {day}: stiff after sitting"},
        )  # fmt: skip
        assert done.status_code in (200, 302), done.content[:300]
        clock.now += timedelta(hours=10)
        checked = client.post("/diary/checkin/", {"area": "neck", "pain": day % 11})
        assert checked.status_code == 302, checked.content[:300]


def longest_program(client: Any, clock: Clock) -> str:
    clock.now = START
    intake = json.dumps({"areas": ["upper-back"], "red_flags": []})
    form = {"intake": intake, "weeks": "52", "per_day": "4", "tz": "UTC"}
    made = client.post("/program/new/", form)
    assert made.status_code == 302, made.content[:300]
    return str(made["Location"]).split("/check/")[0] + "/"


def add_clients(practitioner: Any, clock: Clock, count: int, offset: int) -> None:
    """``count`` clients, each consenting, with a prescribed 6-week program, 40 sessions
    and 6 weekly checks (acupressure.records.practice and the program store)."""
    from django.db import transaction

    from acupressure.plan.prescribe import PrescribedPoint
    from acupressure.safety import Intake

    intake = Intake(areas=["neck", "shoulders"], red_flags=[])
    items = [
        PrescribedPoint(code="KI27", hold_seconds=120, repetitions=3, pressure="gentle"),
        PrescribedPoint(code="TE3", hold_seconds=4, repetitions=1, pressure="firm"),
    ]
    for n in range(offset, offset + count):
        with transaction.atomic():  # one commit a client (the writes are the product's own)
            add_client_records(practitioner, clock, n, intake, items)


def add_client_records(
    practitioner: Any, clock: Clock, n: int, intake: Any, items: list[Any]
) -> None:
    """Client ``n``: invited, consenting, prescribed, 40 sessions and the weekly checks."""
    from acupressure.program import design, plan_for_slot
    from acupressure.records.practice import add_client, answer, prescribe
    from acupressure.records.program_store import ProgramStore

    clock.now = START + timedelta(minutes=n)
    link = add_client(practitioner, f"Client {n:04d}", named=False, year_of_birth=1970)
    answer(link, yes=True, share_notes=n % 2 == 0)
    made = design(intake, clock.now.date(), weeks=6, per_day=1)
    pk = prescribe(link, practitioner, made, items)
    store = ProgramStore(link.client_id)
    plan = plan_for_slot(intake, "routine", [], items).model_dump(mode="json")
    for k in range(40):
        at = clock.now + timedelta(days=k, hours=2)
        store.add_session(
            pk, "routine", at, at + timedelta(minutes=8), plan,
            pain_before=5 + k % 3, pain_after=3 + k % 3, completed_steps=2, total_steps=2,
            areas=["neck", "shoulders"], seconds_pressed=360,
        )  # fmt: skip
    for week in range(6):
        at = clock.now + timedelta(days=7 * week, hours=3)
        store.save_answers(pk, week, "pain-week", {"pain": str(6 - week % 4)}, at)
        if week:
            store.save_answers(pk, week, "change", {"rating": str(week % 3)}, at)


def measure(
    client: Any,
    path: str,
    runs: int,
    headers: dict[str, str] | None = None,
    before: Any = None,
) -> dict[str, float]:
    """``before``: called before each request (to empty a cache)."""
    from django.db import connection

    calls = [0]

    def count(execute: Any, *args: Any) -> Any:
        calls[0] += 1
        return execute(*args)

    def once() -> int:
        if before is not None:
            before()
        response = client.get(path, headers=headers or {})
        assert response.status_code in (200, 304), (path, response.status_code)
        chunks = response.streaming_content if response.streaming else [response.content]
        return sum(len(chunk) for chunk in chunks)

    with connection.execute_wrapper(count):  # every query, whatever closes the connection
        size = once()
    tracemalloc.start()
    once()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        once()
        times.append((time.perf_counter() - t0) * 1000)
    p99 = statistics.quantiles(times, n=100, method="inclusive")[98] if runs > 1 else times[0]
    return {
        "p50": statistics.median(times), "p99": p99, "queries": calls[0],
        "bytes": size, "peak_mib": peak / 2**20,
    }  # fmt: skip


@contextmanager
def injected(clock: Clock) -> Iterator[None]:
    from acupressure.records.clock import use_clock

    with use_clock(clock):
        yield


def person_endpoints(program: str) -> list[tuple[str, dict[str, str]]]:
    return [
        ("/diary/", {}),
        ("/diary/export.csv", {}),
        ("/privacy/export.json", {}),
        ("/privacy/fhir.json", {}),
        (program, {}),
        ("/api/diary/sessions", {}),
    ]


def her_practitioner(owner: Any) -> Any:
    """A practitioner whose invitation the person took up with her own account, sharing her
    notes (acupressure.records.practice, as /consent/ does)."""
    from acupressure.records.practice import add_client, add_practitioner, answer, redeem_code

    pat = add_practitioner("pat@example.org", "Dr Pat Lee")
    link = redeem_code(
        owner, str(add_client(pat, "Daily", named=False, year_of_birth=None).invite_code)
    )
    assert link is not None
    answer(link, yes=True, share_notes=True)
    return browser(pat)


def diary_views(me: Any, pat: Any, owner: Any, month: str, runs: int) -> Iterator[tuple[str, Any]]:
    """/diary/ made afresh (as just after a write), one month of it, the practitioner's."""
    from acupressure.records.records_version import bump

    yield "/diary/ (made afresh)", measure(me, "/diary/", runs, before=lambda: bump([owner.pk]))
    yield "/diary/?month= (one month)", measure(me, f"/diary/?month={month}", runs)
    yield "/diary/?client= (practitioner)", measure(pat, f"/diary/?client={owner.pk}", runs)


def program_year(clock: Clock) -> tuple[Any, int, str]:
    """A person who did the longest program (52 weeks, 4 sessions a day) in full: 1,456
    sessions through the program store; her browser, id and program page."""
    from django.contrib.auth.models import User

    from acupressure.program import plan_for_slot
    from acupressure.records.program_store import ProgramStore

    owner = User.objects.create_user("program-year")
    me = browser(owner)
    page = longest_program(me, clock)
    store = ProgramStore(owner.pk)
    program = store.all(limit=1)[0]
    plan = plan_for_slot(program.intake, "routine", [], program.prescription)
    made = plan.model_dump(mode="json")
    for day in range(364):
        for slot in range(4):
            at = START + timedelta(days=day, hours=1 + 4 * slot)
            store.add_session(
                program.id, "routine", at, at + timedelta(minutes=8), made,
                pain_before=3 + day % 5, pain_after=2 + day % 4, completed_steps=len(plan.steps),
                total_steps=len(plan.steps), areas=["upper-back"], seconds_pressed=300,
            )  # fmt: skip
    clock.now = START + timedelta(days=364, hours=-1)  # its last day, still running
    return me, owner.pk, page


def child(args: argparse.Namespace) -> None:
    """One database: make the sizes and print one JSON line per endpoint and size."""
    folder = tempfile.mkdtemp(prefix="acupressure-scale-")
    setup(folder, args.database_url)
    from django.contrib.auth.models import User

    from acupressure.records.models import ProgramRecord
    from acupressure.records.practice import add_practitioner
    from acupressure.records.records_version import bump
    from acupressure.web import feeds

    gc.freeze()  # what is loaded so far kept out of the collector, as `acupressure serve` does
    clock = Clock(START)
    with injected(clock):
        owner = User.objects.create_user("daily")
        me, pat = browser(owner), her_practitioner(owner)
        program = longest_program(me, clock)
        token = ProgramRecord.objects.get(owner=owner).calendar_token
        done = 0
        for years in args.years:
            t0 = time.perf_counter()
            practise_days(me, clock, done, args.year_days * years - done)
            made = time.perf_counter() - t0
            done = args.year_days * years
            clock.now = START + timedelta(days=done)
            size = f"{years} y"
            print(json.dumps({"note": f"person {size}: made in {made:.0f} s"}), flush=True)
            for path, headers in person_endpoints(program):
                emit(args, "person", size, path, measure(me, path, args.runs, headers))
            month = f"{START + timedelta(days=done // 2):%Y-%m}"
            for label, made in diary_views(me, pat, owner, month, args.diary_runs or args.runs):
                emit(args, "person", size, label, made)
            made = measure(me, program, args.runs, before=lambda: bump([owner.pk]))
            emit(args, "person", size, f"{program} (made afresh)", made)
            feed = f"/calendar/{token}.ics"
            built = measure(me, feed, max(2, args.runs // 4), before=feeds.clear)
            emit(args, "person", size, "calendar feed (built)", built)
            emit(args, "person", size, "calendar feed (unchanged)", measure(me, feed, args.runs))
            unchanged = {"If-None-Match": me.get(feed)["ETag"]}
            emit(
                args, "person", size, "calendar feed (304)", measure(me, feed, args.runs, unchanged)
            )
        t0 = time.perf_counter()
        her, her_id, her_page = program_year(clock)
        made = time.perf_counter() - t0
        print(json.dumps({"note": f"a 52-week program done in full: made in {made:.0f} s"}))
        for path in ("/diary/", her_page):  # the weekly summary of 1,456 sessions
            runs = args.diary_runs or args.runs
            found = measure(her, path, runs, before=lambda: bump([her_id]))
            emit(args, "program", "52 w", f"{path} (made afresh)", found)
        ana = add_practitioner("ana@example.org", "Dr Ana Silva")
        desk = browser(ana)
        done = 0
        for count in args.clients:
            t0 = time.perf_counter()
            add_clients(ana, clock, count - done, done)
            made = time.perf_counter() - t0
            done = count
            print(json.dumps({"note": f"{count} clients: made in {made:.0f} s"}), flush=True)
            first_link = ana.client_links.order_by("id").values_list("id", flat=True)[0]
            worked = measure(desk, "/clients/", 2, before=stale_rows)
            emit(args, "clients", str(count), "/clients/ (every row worked out)", worked)
            for path in ("/clients/", "/clients/export.csv", f"/clients/{first_link}/"):
                runs = args.big_runs if count >= 1000 else args.runs
                emit(args, "clients", str(count), path, measure(desk, path, runs))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"note": f"peak RSS of this process: {rss:.0f} MiB"}), flush=True)


def stale_rows() -> None:
    """Every kept list row due again (as after a write to each client)."""
    from acupressure.records.models import ClientSummary

    ClientSummary.mark(ClientSummary.objects.all())


def emit(
    args: argparse.Namespace, group: str, size: str, path: str, result: dict[str, float]
) -> None:
    print(json.dumps({"group": group, "size": size, "path": path, **result}), flush=True)


def run_child(database: str | None, args: argparse.Namespace) -> list[dict[str, Any]]:
    command = [sys.executable, __file__, "--child", "--runs", str(args.runs)]
    command += ["--big-runs", str(args.big_runs), "--diary-runs", str(args.diary_runs)]
    command += ["--clients", *map(str, args.clients), "--years", *map(str, args.years)]
    command += ["--year-days", str(args.year_days)]
    if database:
        command += ["--database-url", database]
    env = dict(os.environ)
    env.pop("ACUPRESSURE_TEST_DATABASE_URL", None)  # the SQLite child would take it as its URL
    rows = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            row = json.loads(line)
            if "note" in row:
                print(f"  [{'PostgreSQL' if database else 'SQLite'}] {row['note']}", flush=True)
            else:
                rows.append(row)
    if proc.returncode:
        raise SystemExit(f"the {'PostgreSQL' if database else 'SQLite'} run failed")
    return rows


def report(results: dict[str, list[dict[str, Any]]]) -> None:
    names = list(results)
    keyed = {
        db: {(r["group"], r["size"], r["path"]): r for r in rows} for db, rows in results.items()
    }
    keys = list(keyed[names[0]])
    head = f"{'endpoint':34} {'size':>6}"
    for db in names:
        head += f" | {db:>10} p50 ms  p99 ms  queries     bytes  peak MiB"
    print(head)
    for key in keys:
        line = f"{key[2][:34]:34} {key[1]:>6}"
        for db in names:
            r = keyed[db].get(key)
            line += " | " + (
                f"{r['p50']:17.1f} {r['p99']:7.1f} {r['queries']:8d} {r['bytes']:9d} "
                f"{r['peak_mib']:9.1f}"
                if r
                else " " * 55
            )
        print(line)
    print("\ngrowth from the smallest size to the largest (p50, queries, bytes):")
    for group in ("person", "clients"):
        paths = dict.fromkeys(k[2] for k in keys if k[0] == group)
        sizes = list(dict.fromkeys(k[1] for k in keys if k[0] == group))
        for path in paths:
            line = f"  {path[:34]:34} {sizes[0]} -> {sizes[-1]}"
            for db in names:
                a, b = keyed[db][(group, sizes[0], path)], keyed[db][(group, sizes[-1], path)]
                queries, size = ratio(b["queries"], a["queries"]), ratio(b["bytes"], a["bytes"])
                line += (
                    f" | {db}: x{b['p50'] / a['p50']:.2f} time, x{queries} queries, x{size} bytes"
                )
            print(line)


@contextmanager
def fresh(url: str | None) -> Iterator[str | None]:
    """A new, empty database on the server of ``url`` for one run, dropped after it (the
    database ``url`` names is left as it was)."""
    if url is None:
        yield None
        return
    import psycopg

    name = f"acupressure_scale_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def ratio(b: float, a: float) -> str:
    return f"{b / a:.2f}" if a else ("1.00" if b == a else "inf")


def main() -> None:
    parser = argparse.ArgumentParser(description="Speed at real size (see the docstring).")
    parser.add_argument("--database-url", default=os.environ.get("ACUPRESSURE_TEST_DATABASE_URL"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--big-runs", type=int, default=20, help="runs at 1,000 clients")
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    parser.add_argument(
        "--diary-runs", type=int, default=0, help="timed runs of the pages made afresh (--runs)"
    )
    parser.add_argument(
        "--in-turn", action="store_true", help="one database after the other, not both at once"
    )
    parser.add_argument("--year-days", type=int, default=365, help=argparse.SUPPRESS)  # smoke
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    print(f"load average at the start: {os.getloadavg()}")
    wanted = {"SQLite": None} if "sqlite" in args.databases else {}
    if args.database_url and "postgres" in args.databases:
        wanted["PostgreSQL"] = args.database_url
    at_once = 1 if args.in_turn else len(wanted) or 1
    with ThreadPoolExecutor(at_once) as pool, fresh(wanted.get("PostgreSQL")) as url:
        wanted = {name: url if name == "PostgreSQL" else None for name in wanted}
        running = {name: pool.submit(run_child, url, args) for name, url in wanted.items()}
        results = {name: future.result() for name, future in running.items()}
    print(f"load average at the end: {os.getloadavg()}\n")
    report(results)


if __name__ == "__main__":
    main()
