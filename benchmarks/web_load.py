"""Load test of the web app as served by `acupressure serve`, on loopback only.

For each ``--workers`` count it starts the server and measures, under ``--clients``
concurrent keep-alive clients, requests per second and p50/p95/p99 latency for a point page,
POST /api/plan, GET /plan/ (the form), the point page and the form again as a returning
visitor asks them (with the CSRF and language cookies an earlier visit left), the point
page, diary page, program page and check-in POST (htmx's, answered 200) of a signed-in
person, and the static file closest in size to the point page, with each endpoint's share of
the static file's rate (the same worker count, the same run). Each is asked twice: with
``Accept-Encoding: br, gzip`` as every browser asks, and without compression, each against
the static file asked the same way. The first five are public and answered without the
database (made once per process); the signed-in person's own pages are made once per change
of the person's records (web/personal.py) and answered after one statement (the session with
its account and records version: web/signed.py), and the check-in writes
(web/quick_checkin.py), so they are the ones that tell SQLite from PostgreSQL (their point
page is the public page kept for their role, after the same statement). ``--diary-years 5``
gives the person five years of daily sessions and check-ins first. With a PostgreSQL URL
(``--database-url`` or ACUPRESSURE_TEST_DATABASE_URL) it runs on SQLite, then PostgreSQL,
and prints the two side by side (``--databases`` picks one). Each figure is the median of
``--rounds`` rounds in which the endpoints take turns, so that other work on the machine
hits them alike; an endpoint's share of the static file is the median of its rounds' shares,
each against the static file asked in the same round, printed with the lowest and highest.
The load comes from ApacheBench (`ab`, Debian's apache2-utils: `apt-get
install apache2-utils`), a C client that leaves the cores to the server; without it a Python
client does, and eats much of a small machine. ab rounds latencies to whole milliseconds.

Each endpoint also gets the server's CPU time per request (all its processes, from /proc, on
Linux): it moves much less than req/s when other work shares the machine, so it tells more
of what a change did on a busy machine; and the load average is printed with each run.

Then, once: the bytes over the wire of a first visit (HTML plus the scripts, styles, icon and
manifest it references, as a browser asking for brotli and gzip gets them; bodies only) for
/, a point page, /plan/ and the session player, and the bytes the service worker fetches.
Last, for two or more worker counts: each endpoint's throughput over the first count's.

    python benchmarks/web_load.py [--workers 1 2] [--clients 20] [--requests 2000] [--rounds 3]
        [--signed-in-requests 1000] [--diary-years 5] [--no-wire]
        [--database-url postgres://...] [--databases sqlite postgres]
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

PLAN_BODY = json.dumps({"areas": ["lower-back", "neck"], "helper": True, "red_flags": []})
ASSETS = re.compile(r'<(?:script[^>]+src|link[^>]+href)="(/[^"]+)"')
BROWSER = {"Accept-Encoding": "br, gzip, deflate"}
SERVE = [sys.executable, "-m", "acupressure", "serve", "--host", "127.0.0.1", "--port", "0"]
STATIC = Path(__file__).parent.parent / "src/acupressure/web/static/web"


def start_server(
    folder: Path, workers: int, database: str | None
) -> tuple[subprocess.Popen[str], str, str]:
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder), "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if database:
        env["DATABASE_URL"] = database
    proc = subprocess.Popen(
        [*SERVE, *(["--workers", str(workers)] if workers else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"(http://127\.0\.0\.1:(\d+))/signin/link/\S+/", line)
        if found:
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            return proc, found.group(1), found.group(0)
    raise SystemExit("server did not start")


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its descendants (0.0 without /proc)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        todo += [int(c) for c in children]
    return total


# name, path, POST body, Cookie header, extra headers
Case = tuple[str, str, "str | None", "str | None", "dict[str, str]"]
ENCODINGS = {"br/gzip": {"Accept-Encoding": "br, gzip"}, "none": {}}


def ab_load(
    base: str,
    path: str,
    clients: int,
    total: int,
    body: str | None,
    cookie: str | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, float]:
    command = ["ab", "-q", "-k", "-c", str(clients), "-n", str(total)]
    if cookie:
        command += ["-C", cookie]
    headers = dict(headers or {})
    content_type = headers.pop("Content-Type", "application/json")
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if body is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".body", delete=False) as f:
            f.write(body)
        command += ["-p", f.name, "-T", content_type]
    out = subprocess.run([*command, base + path], capture_output=True, text=True, check=True)
    text = out.stdout
    failed = re.search(r"Failed requests:\s+(\d+)", text)
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", text)
    # ab counts a body of another length than the first as failed; compressed answers made
    # per request (GZipMiddleware pads them at random against BREACH) differ in length
    length = re.search(r"Length: (\d+), Exceptions", text)
    real = int(failed.group(1)) - (int(length.group(1)) if length else 0) if failed else 0
    if real or non2xx:
        raise SystemExit(f"ab saw failures on {path}:\n{text}")
    rps = re.search(r"Requests per second:\s+([\d.]+)", text)
    assert rps, text
    pct = {int(p): float(ms) for p, ms in re.findall(r"^\s+(\d+)%\s+(\d+)", text, re.M)}
    return {"n": total, "rps": float(rps.group(1)), "p50": pct[50], "p95": pct[95], "p99": pct[99]}


def py_load(
    base: str,
    path: str,
    clients: int,
    total: int,
    body: str | None,
    cookie: str | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, float]:
    port = int(base.rsplit(":", 1)[1])
    headers = {"Cookie": cookie} if cookie else {}
    headers.update(extra or {})
    lock = threading.Lock()
    counter = iter(range(total))

    def send(conn: http.client.HTTPConnection) -> None:
        if body is None:
            conn.request("GET", path, headers=headers)
        else:
            conn.request(
                "POST", path, body=body, headers={"Content-Type": "application/json", **headers}
            )
        response = conn.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)

    def due(client: int, k: int) -> float | None:
        with lock:
            return None if next(counter, None) is None else 0.0

    return summary(*run_clients(port, clients, send, due))


def run_clients(
    port: int,
    clients: int,
    send: Callable[[http.client.HTTPConnection], object],
    due: Callable[[int, int], float | None],
) -> tuple[list[float], float]:
    """``clients`` threads, each on its own keep-alive connection, time ``send`` request by
    request. ``due(client, k)`` gives when that client's k-th request is due (a perf_counter
    time; at once when it has passed) or None when the client is done. Returns every
    latency and the wall time."""
    latencies: list[float] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while (when := due(index, len(mine))) is not None:
            if (wait := when - time.perf_counter()) > 0:
                time.sleep(wait)
            t0 = time.perf_counter()
            send(conn)
            mine.append(time.perf_counter() - t0)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - started


def summary(latencies: list[float], seconds: float) -> dict[str, float]:
    """Requests per second over ``seconds``, and latency percentiles in ms."""
    q = statistics.quantiles(latencies, n=100)
    return {
        "n": len(latencies),
        "rps": len(latencies) / seconds,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
    }


def first_visit(opener: urllib.request.OpenerDirector, base: str, path: str) -> tuple[int, int]:
    def fetch(url: str) -> bytes:
        with opener.open(urllib.request.Request(base + url, headers=BROWSER)) as r:
            data: bytes = r.read()
            return data

    html = fetch(path)
    plain = opener.open(base + path).read().decode()  # uncompressed, to find the assets
    total, count = len(html), 1
    for asset in dict.fromkeys(ASSETS.findall(plain)):
        total += len(fetch(asset))
        count += 1
    return total, count


def sign_in(opener: urllib.request.OpenerDirector, link: str) -> None:
    """The link's page has one button that signs in by POST (older versions signed in on the
    GET itself and redirected away)."""
    with opener.open(link) as response:
        page, landed = response.read().decode(), response.geturl()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if landed == link and token:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1)}).encode()
        opener.open(urllib.request.Request(link, data=body, headers={"Referer": link})).read()


def start_session(opener: urllib.request.OpenerDirector, base: str) -> str:
    page = opener.open(base + "/plan/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    intake = json.dumps(
        {"areas": ["lower-back"], "pregnant": True, "trimester": 2, "helper": True, "red_flags": []}
    )
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "intake": intake})
    request = urllib.request.Request(
        base + "/session/start/", data=data.encode(), headers={"Referer": base + "/plan/"}
    )
    response = opener.open(request)
    return urllib.parse.urlparse(response.geturl()).path


def similar_static(size: int) -> str:
    files = [p for p in STATIC.rglob("*.*") if p.is_file()]
    best = min(files, key=lambda p: abs(p.stat().st_size - size))
    return "/static/web/" + best.relative_to(STATIC).as_posix()


def returning_visitor(base: str) -> str:
    """The Cookie header of an anonymous visitor who came before: the CSRF cookie a form set
    and the language cookie the language switch sets."""
    with urllib.request.urlopen(base + "/plan/") as r:
        found = re.search(r"csrftoken=(\w+)", r.headers.get("Set-Cookie", ""))
    assert found, "the form set no CSRF cookie"
    return f"csrftoken={found.group(1)}; acupressure_language=en"


def cases_for(base: str, session: str, extra: dict[str, str]) -> list[Case]:
    """The endpoints: public cached pages (a first visit, then a returning visitor's with
    its cookies), then signed-in ones, the static file last."""
    with urllib.request.urlopen(base + "/points/BL23/") as r:
        point_size = len(r.read())
    static = similar_static(point_size)
    program, check_in = extra["program"], extra["check_in"]
    form = {"Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true"}
    again = returning_visitor(base)
    return [
        ("point page /points/BL23/", "/points/BL23/", None, None, {}),
        ("POST /api/plan", "/api/plan", PLAN_BODY, None, {}),
        ("GET /plan/", "/plan/", None, None, {}),
        ("point page, returning visitor", "/points/BL23/", None, again, {}),
        ("GET /plan/, returning visitor", "/plan/", None, again, {}),
        ("point page (signed in)", "/points/BL23/", None, session, {}),
        ("diary /diary/ (signed in)", "/diary/", None, session, {}),
        ("program page (signed in)", program, None, session, {}),
        ("check-in POST (signed in)", "/diary/checkin/", check_in, session, form),
        (f"static {static.rsplit('/', 1)[1]}", static, None, None, {}),
    ]


def one_round(
    base: str,
    pid: int,
    group: list[Case],
    session: str,
    load: Callable[..., dict[str, float]],
    args: argparse.Namespace,
) -> dict[tuple[str, str], dict[str, float]]:
    """Each endpoint of the group asked in turn, with and without compression."""
    done: dict[tuple[str, str], dict[str, float]] = {}
    for name, path, body, cookie, headers in group:
        for enc, accept in ENCODINGS.items():
            total = args.signed_in_requests if cookie == session else args.requests
            before = server_cpu(pid)
            result = load(base, path, args.clients, total, body, cookie, {**headers, **accept})
            result["cpu_us"] = (server_cpu(pid) - before) / result["n"] * 1e6
            done[(name, enc)] = result
    return done


def measure(
    base: str, pid: int, session: str, extra: dict[str, str], args: argparse.Namespace
) -> dict[str, dict[str, float]]:
    cases = cases_for(base, session, extra)
    load = ab_load if args.client == "ab" else py_load
    # The check-in writes, so the person's pages are made again on their next view: its
    # rounds come after the others, which measure the pages as a person reads them between
    # writes (benchmarks/data_scale.py times a page made afresh after a write). The static
    # file is asked in both groups, so that every share is taken within one round.
    static = cases[-1]
    writes = [case for case in cases if case[2] is not None and case[3] is not None]
    reads = [case for case in cases if case not in writes]
    for _, path, body, cookie, headers in [*writes, *reads]:  # warm up every worker's caches
        for encoding in ENCODINGS.values():
            load(base, path, args.clients, args.clients * 4, body, cookie, {**headers, **encoding})
    # Rounds over all endpoints in turn, so that a burst of other work on the machine hits
    # them alike; each endpoint's median round (by req/s) is reported, and its share of the
    # static file as the median of its rounds' shares (each against the static file asked
    # in the same round, the same way), with the lowest and highest.
    rounds: dict[tuple[str, str], list[dict[str, float]]] = {}
    for group in (reads, [*writes, static]):
        for _ in range(args.rounds):
            done = one_round(base, pid, group, session, load, args)
            for (name, enc), result in done.items():
                result["share"] = result["rps"] / done[(static[0], enc)]["rps"]
                if group is reads or name != static[0]:  # the static file: its reads' rounds
                    rounds.setdefault((name, enc), []).append(result)
    results = {}
    for (name, enc), runs in rounds.items():
        shares = sorted(r["share"] for r in runs)
        median = {**sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]}
        median.update(share=statistics.median(shares), low=shares[0], high=shares[-1])
        results[f"{name} [{enc}]"] = median
    print(
        f"{args.clients} clients ({args.client}), median of {args.rounds} rounds of "
        f"{args.requests} requests (signed-in ones {args.signed_in_requests}); "
        "[br/gzip]: Accept-Encoding: br, gzip as a browser asks; [none]: no compression; "
        "/static: share of the static file asked the same way in the same round (median of "
        "the rounds; lowest-highest)"
    )
    print(
        f"{'endpoint':44} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'/static':>8}"
        f" {'rounds':>10} {'server CPU us/req':>18}"
    )
    for key, r in results.items():
        print(
            f"{key:44} {r['rps']:8.1f} {r['p50']:7.1f} {r['p95']:7.1f} {r['p99']:7.1f} "
            f"{r['share']:8.2f} {spread(r):>10} {r['cpu_us']:18.0f}"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return results


def spread(result: dict[str, float]) -> str:
    """The lowest and highest of an endpoint's rounds' shares."""
    return f"{result['low']:.2f}-{result['high']:.2f}"


def make_program(opener: urllib.request.OpenerDirector, base: str) -> str:
    """A program made as "Make it a program" does; returns its page's path."""
    page = opener.open(base + "/plan/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    form = {
        "csrfmiddlewaretoken": token.group(1),
        "intake": json.dumps({"areas": ["neck"], "helper": True, "red_flags": []}),
        "weeks": "6",
        "per_day": "2",
        "at": "09:00",
        "tz": "UTC",
    }
    data = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(
        base + "/program/new/", data=data, headers={"Referer": base + "/plan/"}
    )
    landed = urllib.parse.urlparse(opener.open(request).geturl()).path
    found = re.match(r"/program/(\d+)/", landed)
    assert found, landed
    return f"/program/{found.group(1)}/"


def signed_in(link: str, base: str) -> tuple[urllib.request.OpenerDirector, str, dict[str, str]]:
    """An opener signed in with the server's link, its session and CSRF cookies as a Cookie
    header, a program's page and a check-in form body (with its CSRF token)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    sign_in(opener, link)
    program = make_program(opener, base)
    page = opener.open(base + "/diary/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "the diary has no check-in form"
    wanted = ("sessionid", "csrftoken")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar if c.name in wanted)
    assert "sessionid" in cookie, "sign-in gave no session cookie"
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "area": "neck", "pain": "4", "note": "ok"}
    )
    return opener, cookie, {"program": program, "check_in": body}


FILL = """
import os, sys, django
from datetime import UTC, datetime, timedelta
os.environ["DJANGO_SETTINGS_MODULE"] = "acupressure.web.settings"
django.setup()
from tests.web.diary_data import fill
from acupressure.records.models import ProgramRecord
from acupressure.records.records_version import bump
owner = ProgramRecord.objects.get(pk=int(sys.argv[1])).owner_id
days = int(sys.argv[2])
fill(owner, datetime.now(UTC) - timedelta(days=days + 1), days)
bump([owner])
"""


def fill_diary(folder: Path, database: str | None, program: str, years: int) -> None:
    """Daily sessions (each with its plan) and check-ins for ``years`` years before today,
    for the person signed in (tests/web/diary_data.py's bulk filler, in the server's
    database), then their records version, as the product's writers do."""
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder)}
    if database:
        env["DATABASE_URL"] = database
    pk = program.strip("/").rsplit("/", 1)[1]
    root = Path(__file__).parent.parent
    command = [sys.executable, "-c", FILL, pk, str(years * 365)]
    subprocess.run(command, env=env, cwd=root, check=True)


def wire_bytes(base: str, opener: urllib.request.OpenerDirector) -> None:
    anonymous = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    print("first visit, bytes over the wire (br/gzip as a browser asks; bodies only):")
    for label, path in (("/", "/"), ("point page", "/points/BL23/"), ("/plan/", "/plan/")):
        size, files = first_visit(anonymous, base, path)
        print(f"  {label:28} {size:8d} B in {files} files")
    player = start_session(opener, base)
    size, files = first_visit(opener, base, player)
    # the chart of the first step, which the browser fetches when the session starts
    page = opener.open(base + player).read().decode()
    chart = re.search(r'<img[^>]+src="(/points/\w+/chart\.svg)"', page)
    if chart:
        request = urllib.request.Request(base + chart.group(1), headers=BROWSER)
        with opener.open(request) as r:
            size += len(r.read())
            files += 1
    print(f"  {'player ' + player + ' +chart':28} {size:8d} B in {files} files")
    points = json.loads(opener.open(base + "/api/points").read())
    precache = ["/", "/points/", "/about/", "/plan/", "/offline/", "/api/points"]
    precache += [f"/points/{p['code']}/" for p in points]
    sw_bytes = 0
    for p in precache:
        with opener.open(urllib.request.Request(base + p, headers=BROWSER)) as r:
            sw_bytes += len(r.read())
    print(f"  service worker precache      {sw_bytes:8d} B in {len(precache)} files")


def side_by_side(
    runs: dict[str, dict[str, dict[str, float]]], loads: dict[str, tuple[float, float]]
) -> None:
    """One table with a column group per database (the same worker count)."""
    names = list(runs)
    print(
        "\nside by side: req/s, share of the static file (median of the rounds, lowest-highest),"
        " p99 ms, server CPU us/req"
    )
    print(f"{'endpoint':44} " + " ".join(f"{n:>43}" for n in names))
    for key in runs[names[0]]:
        cells = []
        for name in names:
            r = runs[name][key]
            share = f"{r['share']:6.2f} {spread(r):>9}"
            cells.append(f"{r['rps']:8.0f} {share} {r['p99']:7.1f} {r['cpu_us']:9.0f}")
        print(f"{key:44} " + " ".join(f"{c:>43}" for c in cells))
    print(
        "load average (1 min) before / after: "
        + "; ".join(f"{n} {a:.2f} / {b:.2f}" for n, (a, b) in loads.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Load test of `acupressure serve` (see the module's docstring)."
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="counts to run (0: the server's default, for versions without --workers)",
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint and round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all endpoints")
    parser.add_argument(
        "--signed-in-requests", type=int, default=1000, help="per signed-in endpoint and round"
    )
    parser.add_argument(
        "--client", choices=["ab", "python"], default="ab" if shutil.which("ab") else "python"
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL: measured after SQLite, then both printed side by side "
        "(ACUPRESSURE_TEST_DATABASE_URL when unset; scripts/pg_test_cluster.sh makes one)",
    )
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    parser.add_argument(
        "--diary-years",
        type=int,
        default=0,
        help="give the signed-in person this many years of daily sessions and check-ins",
    )
    parser.add_argument("--no-wire", action="store_true", help="skip the first-visit bytes")
    args = parser.parse_args()
    url = args.database_url or os.environ.get("ACUPRESSURE_TEST_DATABASE_URL")
    databases = {"SQLite": None, "PostgreSQL": url}
    if "postgres" not in args.databases or not url:
        databases.pop("PostgreSQL")
    if "sqlite" not in args.databases:
        databases.pop("SQLite")
    by_database: dict[str, dict[str, dict[str, float]]] = {}
    loads: dict[str, tuple[float, float]] = {}
    for label, database in databases.items():
        loads[label] = (os.getloadavg()[0], 0.0)
        print(f"database: {label}; load {os.getloadavg()}")
        runs = run_workers(args, database)
        loads[label] = (loads[label][0], os.getloadavg()[0])
        by_database[label] = runs[args.workers[-1]]
        print_scaling(runs)
    if len(by_database) > 1:
        print(f"\n--workers {args.workers[-1]}, {args.clients} clients")
        side_by_side(by_database, loads)


def run_workers(
    args: argparse.Namespace, database: str | None
) -> dict[int, dict[str, dict[str, float]]]:
    runs: dict[int, dict[str, dict[str, float]]] = {}
    for index, workers in enumerate(args.workers):
        folder = Path(tempfile.mkdtemp(prefix="acupressure-bench-"))
        proc, base, link = start_server(folder, workers, database)
        try:
            print(f"\n== --workers {workers}")
            opener, session, extra = signed_in(link, base)
            if args.diary_years:
                fill_diary(folder, database, extra["program"], args.diary_years)
                print(f"diary: {args.diary_years} years of daily sessions and check-ins")
            runs[workers] = measure(base, proc.pid, session, extra, args)
            if index == 0 and not args.no_wire:
                print()
                wire_bytes(base, opener)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            shutil.rmtree(folder, ignore_errors=True)
    return runs


def print_scaling(runs: dict[int, dict[str, dict[str, float]]]) -> None:
    if len(runs) > 1:
        first, *others = list(runs)
        print(f"\nthroughput over --workers {first}:")
        for n in others:
            cells = ", ".join(
                f"{name} {runs[n][name]['rps'] / r['rps']:.2f}x" for name, r in runs[first].items()
            )
            print(f"  --workers {n}: {cells}")


if __name__ == "__main__":
    main()
