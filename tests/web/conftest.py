"""Django for the web tests: a throwaway data folder, personas and an injected clock."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

os.environ.setdefault("ACUPRESSURE_DATA_DIR", tempfile.mkdtemp(prefix="acupressure-test-"))
if os.environ.get("PYTEST_XDIST_WORKER"):  # each pytest-xdist worker a data folder of its own
    os.environ["ACUPRESSURE_DATA_DIR"] = tempfile.mkdtemp(
        prefix=f"{os.environ['PYTEST_XDIST_WORKER']}-", dir=os.environ["ACUPRESSURE_DATA_DIR"]
    )
os.environ.setdefault("ACUPRESSURE_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")
# The per-client camera limits would stop the fuzz tests (one client, many requests); the
# limits themselves are tested with small values in test_hardening.py.
os.environ.setdefault("ACUPRESSURE_CAMERA_PER_MINUTE", "100000")
os.environ.setdefault("ACUPRESSURE_LANDMARKS_PER_MINUTE", "100000")
# So would the creation limits (sessions, check-ins, programs per person), which
# test_creation_limits.py tests with small values.
os.environ.setdefault("ACUPRESSURE_SESSIONS_PER_WINDOW", "100000")
os.environ.setdefault("ACUPRESSURE_CHECK_INS_PER_WINDOW", "100000")
os.environ.setdefault("ACUPRESSURE_PROGRAMS_PER_WINDOW", "100000")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402
from tests.doubles import FakeWallClock  # noqa: E402
from tests.reminders.smtpsink import SmtpSink  # noqa: E402
from tests.web.browser import need_chromium  # noqa: E402
from tests.web.personas import Personas  # noqa: E402
from tests.web.server import Served, start_server  # noqa: E402
from tests.web.static_listing import list_static_files_once  # noqa: E402

from acupressure.records.clock import use_clock  # noqa: E402
from acupressure.records.models import PractitionerLink, PractitionerProfile  # noqa: E402

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
list_static_files_once()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """ACUPRESSURE_TEST_SQLITE_FILE: the tests' SQLite database in that file, not in memory
    (where threads share one cache, and a second writer fails at once instead of waiting
    for its turn as it does on a file: records/sqlite)."""
    path = os.environ.get("ACUPRESSURE_TEST_SQLITE_FILE")
    if path:
        from django.conf import settings

        settings.DATABASES["default"]["TEST"]["NAME"] = path


@pytest.fixture
def writers_wait() -> None:
    """For tests of two requests at once (threads): skipped on the tests' in-memory SQLite
    database, where a second writer fails at once instead of waiting for its turn; they run
    on a SQLite file (test_races_on_sqlite_file.py) and on PostgreSQL (test_postgres.py)."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("writers wait for their turn on a database file: test_races_on_sqlite_file.py")


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Rate-limit counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def clock() -> Iterator[FakeWallClock]:
    fake = FakeWallClock(START)
    with use_clock(fake):
        yield fake


@pytest.fixture
def people(db: None, clock: FakeWallClock) -> Personas:
    owner = User.objects.create_user("olivia")
    practitioner = User.objects.create_user("dr-pat")
    stranger = User.objects.create_user("sam")
    PractitionerLink.objects.create(practitioner=practitioner, client=owner, created_at=clock())
    PractitionerProfile.objects.create(user=practitioner, name="dr-pat", created_at=clock())
    return Personas(owner, practitioner, stranger)


@pytest.fixture
def owner_client(people: Personas) -> Client:
    return people.client_for(people.owner)


@pytest.fixture
def smtp(settings: object) -> Iterator[SmtpSink]:
    """A real SMTP server on loopback (aiosmtpd) that the app sends its email to."""
    with SmtpSink() as sink:
        for name, value in {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": sink.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_ENABLED": True,
            "DEFAULT_FROM_EMAIL": "clinic@example.org",
            "PUBLIC_URL": "https://acupressure.example.org",
        }.items():
            setattr(settings, name, value)
        yield sink


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    """For a browser test module: `acupressure serve` of its own, stopped after the module."""
    need_chromium()
    served = start_server()
    yield served
    served.stop()
