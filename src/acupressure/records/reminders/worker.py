"""`acupressure worker`: django-tasks-db's worker, with the reminder tick kept going.

Run as many as you like, on as many machines as share the database; `acupressure serve`
starts one beside the web server.
"""

from __future__ import annotations

import os
import socket

from django_tasks_db.management.commands.db_worker import Worker

from acupressure.records import clock
from acupressure.records.reminders.tasks import ensure_tick


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"[:64]


def run(interval: float = 0.5, batch: bool = False, max_tasks: int | None = None) -> None:
    """Run tasks until stopped (SIGTERM or Ctrl+C finish the task at hand first)."""
    ensure_tick(clock.now())
    worker = Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=not batch,
        max_tasks=max_tasks,
        worker_id=worker_id(),
        excluded_queue_names=[],
    )
    if not batch:
        worker.configure_signals()
    worker.run()
