"""The reminder work, as django-tasks tasks run by `acupressure worker` (django-tasks-db).

- ``tick`` (every 30 s, and at the next reminder's moment): drops what is too late,
  releases claims of dead workers, and enqueues enough ``send_due`` tasks for what is due.
  It enqueues its successor first, so a worker killed in the middle does not end the chain.
- ``send_due``: claims due reminders in batches and sends them, until none is left.
Any number of workers, on any number of machines, may run these: claims make each reminder
go out once (acupressure.records.reminders.store).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

import requests
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from acupressure.records import clock
from acupressure.records.reminders import channels, store, summary
from acupressure.records.reminders.models import Reminder

log = logging.getLogger(__name__)
PERIOD = timedelta(seconds=30)
AGAIN = timedelta(seconds=2)
BATCH = 50
MAX_SENDERS = 16


def ensure_tick(now: datetime) -> None:
    """Enqueue the next tick unless one is already waiting to run by then."""
    pending = Reminder.objects.filter(state="pending").order_by("fire_at")
    soonest = pending.values_list("fire_at", flat=True).first()
    # what is due already is the senders' work: the next look comes a little later
    at = max(now + AGAIN, min(now + PERIOD, soonest)) if soonest else now + PERIOD
    waiting = DBTaskResult.objects.filter(
        task_path=f"{__name__}.tick", status="READY", run_after__lte=at
    )
    if not waiting.exists():
        tick.using(run_after=at).enqueue()


def dispatch(now: datetime) -> int:
    """Housekeeping, then senders for what is due; returns how many reminders are due."""
    dropped = store.drop_late(now)
    released = store.release_stale(now)
    if dropped or released:
        log.warning(
            "reminders: %d dropped as too late, %d released from dead workers", dropped, released
        )
    due = Reminder.objects.filter(state="pending", fire_at__lte=now).count()
    wanted = min(MAX_SENDERS, -(-due // (4 * BATCH)))
    running = DBTaskResult.objects.filter(
        task_path=f"{__name__}.send_due",
        status__in=("READY", "RUNNING"),
        enqueued_at__gt=timezone.now() - store.lease(),
    ).count()
    for _ in range(max(0, wanted - running)):
        send_due.using(run_after=timezone.now()).enqueue()  # in turn with the ticks
    return due


def send_batch(now: datetime, session: requests.Session | None = None) -> int:
    """Claim one batch and send it; returns how many were claimed (0: nothing due).

    While it sends, the worker renews its claim (every third of the lease), and it sends
    only rows that are still its own, so a slow worker is never taken for a dead one."""
    claim, rows = store.claim_due(now, BATCH)
    renewed = time.monotonic()
    mine = {r.pk for r in rows}
    for reminder in rows:
        if time.monotonic() - renewed > store.lease().total_seconds() / 3:
            mine = store.renew(claim, clock.now())
            renewed = time.monotonic()
        if reminder.pk not in mine:
            continue
        try:
            outcome = deliver(reminder, session)
        except Exception as exc:  # one bad address or server must not stop the batch
            log.exception("reminder %s failed", reminder.pk)
            outcome = channels.Outcome(False, f"{type(exc).__name__}: {exc}")
        store.finish(reminder, claim, clock.now(), outcome.error)
    return len(rows)


def deliver(reminder: Reminder, session: requests.Session | None) -> channels.Outcome:
    """The weekly summary is an email of its own; every other reminder says what is due."""
    if reminder.kind == "summary":
        return summary.send_summary(reminder)
    return channels.send(reminder, session)


def http_session() -> requests.Session:
    """One connection pool for a sender. The environment's proxy settings are read once here
    (requests reads the whole environment again on every request otherwise: most of the
    time of sending one reminder)."""
    from urllib.request import getproxies

    session = requests.Session()
    session.trust_env = False
    session.proxies = {k: v for k, v in getproxies().items() if k in ("http", "https")}
    return session


@task()
def tick() -> int:
    now = clock.now()
    ensure_tick(now)  # first: a worker killed below leaves the chain going
    return dispatch(now)


@task()
def send_due() -> int:
    sent = 0
    with http_session() as session:
        while claimed := send_batch(clock.now(), session):
            sent += claimed
    return sent
