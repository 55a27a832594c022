"""SQLite writers taking turns across processes (records/sqlite/base.py): several processes
each run short write transactions (BEGIN IMMEDIATE, one INSERT, COMMIT) on one database file
as fast as they can. Prints the transactions per second of all of them together and the
p50/p99 of one transaction's time (waiting for the turn included), per round.

    python benchmarks/sqlite_turns.py [--processes 4] [--each 500] [--rounds 3]

A fresh database in a temporary folder; nothing else touches it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any


def _wrapper(path: str) -> Any:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")
    os.environ.setdefault("ACUPRESSURE_SECRET_KEY", "benchmark-not-secret")
    os.environ.setdefault("ACUPRESSURE_DATA_DIR", str(Path(path).parent))
    import django

    django.setup()
    from django.db import connections

    from acupressure.records.sqlite.base import DatabaseWrapper

    options = {"timeout": 30, "transaction_mode": "IMMEDIATE"}
    settings = {**connections["default"].settings_dict, "NAME": path, "OPTIONS": options}
    return DatabaseWrapper(settings, alias=f"bench-{os.getpid()}")


def _writer(path: str, each: int, start: Any, out: Any) -> None:
    wrapper = _wrapper(path)
    wrapper.ensure_connection()
    times = []
    start.wait()
    for n in range(each):
        began = time.perf_counter()
        wrapper._start_transaction_under_autocommit()
        wrapper.cursor().execute("INSERT INTO t VALUES (%s)", [n])
        wrapper.commit()
        times.append(time.perf_counter() - began)
    wrapper.close()
    out.put(times)


def _round(path: str, processes: int, each: int) -> tuple[float, list[float]]:
    start, out = multiprocessing.Event(), multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_writer, args=(path, each, start, out))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    time.sleep(1)  # every worker set up and waiting for the start
    began = time.perf_counter()
    start.set()
    times = [t for _ in workers for t in out.get()]
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    return elapsed, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--each", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "turns.sqlite3")
        made = _wrapper(path)
        made.cursor().execute("PRAGMA journal_mode=WAL")
        made.cursor().execute("CREATE TABLE t (x INTEGER)")
        made.close()
        for number in range(args.rounds):
            elapsed, times = _round(path, args.processes, args.each)
            ms = sorted(t * 1000 for t in times)
            p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
            print(
                f"round {number + 1}: {args.processes} processes x {args.each}: "
                f"{len(ms) / elapsed:,.0f} transactions/s, "
                f"p50 {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms"
            )
        counted = _wrapper(path)
        with counted.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM t")
            (rows,) = cursor.fetchone()
        counted.close()
        print(f"rows written: {rows:,} of {args.rounds * args.processes * args.each:,}")


if __name__ == "__main__":
    main()
