"""`acupressure worker` (sends reminders) and `acupressure reminders status`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Annotated

import typer

from acupressure.cli.common import console
from acupressure.i18n import gettext as _

reminders_app = typer.Typer(
    help="Reminders by Web Push and email: what is due, sent and failed.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@reminders_app.callback()
def _reminders() -> None:
    """Reminders by Web Push and email: what is due, sent and failed."""


def worker(
    once: Annotated[
        bool, typer.Option("--once", help="Run what is due now, then exit (for cron or tests).")
    ] = False,
) -> None:
    """Send reminders on time: run one or more, on any machines that share the database.

    `acupressure serve` runs one beside the web server; a clinic runs this as its own
    service (docs/reminders.md). Stop it with Ctrl+C or SIGTERM: the task at hand finishes."""
    from acupressure.records.store import setup_records

    setup_records()
    from acupressure.records.reminders.worker import run

    if not once:
        typer.echo(_("Sending reminders (Ctrl+C to stop)."), err=True)
    run(batch=once)


@reminders_app.command("status")
def status(
    show: Annotated[int, typer.Option("--show", min=1, max=200, help="Rows per list.")] = 10,
) -> None:
    """What is due next, what was sent, and what failed and why."""
    from acupressure.records.store import setup_records

    setup_records()
    from django.conf import settings
    from rich.table import Table

    from acupressure.records import clock
    from acupressure.records.reminders.store import status as reminder_status

    found = reminder_status(clock.now(), show)
    mail = _("on") if settings.EMAIL_ENABLED else _("off (no ACUPRESSURE_SMTP_URL)")
    console.print(_("Email: {state}").format(state=mail), markup=False)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(found.counts.items())) or _("none yet")
    console.print(_("Reminders: {counts}").format(counts=counts), markup=False)
    for title, rows, when in (
        (_("Due next"), found.next_due, "fire_at"),
        (_("Sent lately"), found.recent, "sent_at"),
        (_("Failed"), found.failed, "fire_at"),
    ):
        table = Table(title=title, title_justify="left")
        for header in (_("When (UTC)"), _("Program"), _("Kind"), _("Channel"), _("Why")):
            table.add_column(header, overflow="fold")
        for row in rows:
            moment = getattr(row, when)
            table.add_row(
                f"{moment:%Y-%m-%d %H:%M}" if moment else "",
                str(row.program_id),
                row.kind,
                row.channel,
                row.error,
            )
        console.print(table)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, before exec
    """Linux: the worker gets SIGTERM when `serve` ends, even if `serve` is killed."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def start_worker() -> subprocess.Popen[bytes]:
    """`serve`'s reminder worker: the same command, as a child process."""
    linux = sys.platform.startswith("linux")
    return subprocess.Popen(
        [sys.executable, "-m", "acupressure", "worker"],
        env={**os.environ},
        stdin=subprocess.DEVNULL,
        preexec_fn=_die_with_parent if linux else None,
    )


def stop_worker(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
