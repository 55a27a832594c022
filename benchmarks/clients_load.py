"""/clients/ under load, as `acupressure serve` runs it (gunicorn, 2 workers by default), for
a practitioner with 1,000 clients (each a 6-week prescribed program, 40 sessions and 6
weekly checks, written in bulk as benchmarks/client_list.py writes them).

Prints the first request (every list row worked out and kept), then (after ``--warm``
requests, so every worker thread has its connection and its copy of the kept page, as in a
server that has been up for a while) ApacheBench's figures
(`ab`, apache2-utils) for ``--clients`` concurrent keep-alive users asking for the first
page with ``Accept-Encoding: br, gzip`` as a browser does, and without compression; then a
later page and the CSV; with the load average and the server's CPU time per request.

    python benchmarks/clients_load.py [--size 1000] [--workers 2] [--clients 20]
        [--requests 1000] [--warm 200] [--database-url postgres://...]   # a throwaway database
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import client_list
import web_load

BROWSER = {"Accept-Encoding": "br, gzip"}


def make_clinic(folder: Path, size: int, database: str | None) -> int:
    """The practitioner and their clients, in the server's database; the practitioner's id."""
    os.environ["ACUPRESSURE_DATA_DIR"] = str(folder)
    if database:
        os.environ["DATABASE_URL"] = database
    from acupressure.records.store import setup_records

    setup_records()
    from acupressure.records.practice import add_practitioner

    ana = add_practitioner("load@example.org", "Dr Load")
    client_list._clinic(ana, size, 0)
    return int(ana.pk)


def signed_in_cookie(base: str, practitioner: int) -> tuple[urllib.request.OpenerDirector, str]:
    from django.contrib.auth.models import User

    from acupressure.records.signin import issue_token

    token = issue_token(User.objects.get(pk=practitioner))
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    web_load.sign_in(opener, f"{base}/signin/link/{token}/")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar if c.name in ("sessionid", "csrftoken"))
    assert "sessionid" in cookie, "sign-in gave no session cookie"
    return opener, cookie


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--warm",
        type=int,
        default=200,
        help="requests of /clients/ before measuring, so every worker thread has its "
        "connection and its kept page (the first view is timed on its own above)",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clients-load-"))
    t0 = time.perf_counter()
    practitioner = make_clinic(folder, args.size, args.database_url)
    print(f"{args.size} clients made in {time.perf_counter() - t0:.0f} s")
    proc, base, _link = web_load.start_server(folder, args.workers, args.database_url)
    try:
        opener, cookie = signed_in_cookie(base, practitioner)
        from acupressure.records.models import ClientSummary

        ClientSummary.mark(ClientSummary.objects.all())  # as after a write to every client
        t0 = time.perf_counter()
        first = opener.open(base + "/clients/").read()
        print(f"first /clients/ (every row worked out): {1000 * (time.perf_counter() - t0):.0f} ms,"
              f" {len(first)} bytes")  # fmt: skip
        cases = [
            ("/clients/", "br, gzip", BROWSER),
            ("/clients/", "none", {}),
            ("/clients/?sort=adherence&page=7", "br, gzip", BROWSER),
            ("/clients/export.csv", "br, gzip", BROWSER),
        ]
        if args.warm:
            web_load.ab_load(base, "/clients/", args.clients, args.warm, None, cookie, BROWSER)
            print(f"warmed by {args.warm} requests of /clients/")
        print(f"load average before: {os.getloadavg()}")
        for path, encoding, headers in cases:
            total = args.requests if "csv" not in path else max(100, args.requests // 10)
            cpu = web_load.server_cpu(proc.pid)
            r = web_load.ab_load(base, path, args.clients, total, None, cookie, headers)
            per = 1000 * (web_load.server_cpu(proc.pid) - cpu) / total
            print(f"{path:34} {encoding:8} {args.clients} users: {r['rps']:7.1f} req/s  p50 "
                  f"{r['p50']:5.0f}  p95 {r['p95']:5.0f}  p99 {r['p99']:5.0f} ms  "
                  f"server CPU {per:5.1f} ms/request")  # fmt: skip
        print(f"load average after: {os.getloadavg()}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
