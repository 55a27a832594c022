"""CPU per request of signed-in pages answered by the middleware chain and their view (not
by an early answer), in one process through Django's handler (its test client, no network):
what every signed-in page pays before its view (the session, the account and the stored
language: web/primed.py) and the page itself. Prints, per page, the statements of one
request and the median over ``--rounds`` rounds of the CPU time per request, with the load
average. Run it with PYTHONPATH pointing at another checkout's src to compare.

    python benchmarks/signed_floor.py [--requests 1000] [--rounds 5] [--database-url ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

PAGES = ("/about/", "/diary/?from=benchmark", "/clients/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    os.environ["ACUPRESSURE_DATA_DIR"] = tempfile.mkdtemp(prefix="signed-floor-")
    os.environ.setdefault("ACUPRESSURE_SECRET_KEY", "benchmark-secret-key-not-for-production")
    os.environ["DJANGO_SETTINGS_MODULE"] = "acupressure.web.settings"
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    import acupressure
    from acupressure.records.language.models import LanguagePreference
    from acupressure.records.practice import add_practitioner
    from acupressure.records.store import setup_records

    setup_test_environment()  # the test client's host allowed
    setup_records()
    person = add_practitioner("floor@example.org", "Dr Floor")
    LanguagePreference.objects.create(user=person, language="es")
    client = Client()
    client.force_login(person)
    print(f"code: {acupressure.__file__}; database: {connection.vendor}")
    print(f"load average before: {os.getloadavg()}")
    for page in PAGES:
        for _ in range(50):  # warm: the worker knows the session, caches are made
            assert client.get(page).status_code == 200, page
        with CaptureQueriesContext(connection) as seen:
            client.get(page)
        statements = len(seen.captured_queries)  # now: the next request empties the log
        per_round = []
        for _ in range(args.rounds):
            start = time.process_time()
            for _ in range(args.requests):
                client.get(page)
            per_round.append(1000 * (time.process_time() - start) / args.requests)
        rounds = ", ".join(f"{ms:.3f}" for ms in per_round)
        print(f"{page:26} {statements:2} statements  CPU per request: median "
              f"{statistics.median(per_round):.3f} ms (rounds {rounds})")  # fmt: skip
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
