"""The streaming tests' worker, run in fresh processes so that peak RSS means this export.

python -m tests.web.export_memory make DIR DAYS   # a database in DIR: "big" with DAYS
                                                  # days of diary, "small" with 3
python -m tests.web.export_memory measure DIR PATH
    # prints JSON: peak RSS (KiB) after a warm-up download of PATH as "small" (imports,
    # caches) and after downloading it as "big", and the big download's size in bytes
"""

from __future__ import annotations

import json
import os
import resource
import sys
from datetime import UTC, datetime


def setup(folder: str) -> None:
    os.environ["ACUPRESSURE_DATA_DIR"] = folder
    os.environ.setdefault("ACUPRESSURE_SECRET_KEY", "test-secret-key-not-for-production")
    os.environ["DJANGO_SETTINGS_MODULE"] = "acupressure.web.settings"
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def make(days: int) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from tests.web.diary_data import fill

    call_command("migrate", verbosity=0)
    start = datetime(2020, 1, 1, 8, 0, tzinfo=UTC)
    fill(User.objects.create_user("big").pk, start, days)
    fill(User.objects.create_user("small").pk, start, 3)


def download(username: str, path: str) -> int:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=username))
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    chunks = response.streaming_content if response.streaming else [response.content]
    return sum(len(chunk) for chunk in chunks)


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def measure(path: str) -> None:
    download("small", path)
    before = peak_kib()
    size = download("big", path)
    print(json.dumps({"before_kib": before, "after_kib": peak_kib(), "bytes": size}))


if __name__ == "__main__":
    command, folder, arg = sys.argv[1:4]
    setup(folder)
    if command == "make":
        make(int(arg))
    else:
        measure(arg)
