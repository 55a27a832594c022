"""`acupressure serve`: migrate, then serve the web app on this machine.

With fork (Linux, macOS) gunicorn runs ``--workers`` processes, one per core by default;
elsewhere waitress serves from one process with threads. The first PDF is got ready in the
background as it starts: charts drawn ahead in a process of its own, WeasyPrint loaded in
each serving process (``exports/warm.py``).
"""

from __future__ import annotations

import gc
import getpass
import os
import threading
import webbrowser
from typing import Annotated, Any

import typer

from acupressure.cli.common import err_console, fail
from acupressure.i18n import gettext as _

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def setup_django(host: str) -> None:
    """Configure and start Django; the host being served is allowed unless configured.

    The static files are built first (once per release, ``staticbuild``) so that whitenoise
    serves them compressed and with far-future cache headers."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")
    if "ACUPRESSURE_COMPILED_STATIC" not in os.environ:
        from acupressure.web.staticbuild import compiled_static

        os.environ["ACUPRESSURE_COMPILED_STATIC"] = str(compiled_static())
    if "ACUPRESSURE_ALLOWED_HOSTS" not in os.environ and host not in LOOPBACK:
        hosts = ["127.0.0.1", "localhost", "[::1]"] + ([] if host in ("0.0.0.0", "::") else [host])  # noqa: S104
        os.environ["ACUPRESSURE_ALLOWED_HOSTS"] = ",".join(hosts)
    import django

    django.setup()


def prepare() -> str:
    """Apply migrations and return a one-time sign-in token for the person running the server."""
    from acupressure.records.migrate_lock import migrate
    from acupressure.records.signin import issue_token, local_user

    migrate()  # under a lock: two servers started at once on one database
    return issue_token(local_user(getpass.getuser()))  # older links stop working


def make_server(host: str, port: int, threads: int = 8) -> Any:
    """Waitress, trusting X-Forwarded-* only from the configured reverse proxy (waitress
    rewrites the request itself, so it serves the Django app unwrapped)."""
    from django.conf import settings
    from waitress import create_server

    from acupressure.web.wsgi import django_application

    proxy = settings.PROXY.waitress_options()
    return create_server(
        django_application, host=host, port=port, threads=threads, ident="acupressure", **proxy
    )


def startup_warnings() -> list[str]:
    from django.conf import settings

    from acupressure.records.paths import folder_warning

    found = folder_warning(settings.DATA_DIR)
    return [found] if found else []


def can_fork() -> bool:
    return hasattr(os, "fork")


class _Forked:
    """The gunicorn path with the waitress server's two attributes ``serve`` uses."""

    def __init__(self, host: str, port: int, workers: int) -> None:
        from acupressure.cli.workers import listen

        self.sock = listen(host, port)
        self.effective_port = self.sock.getsockname()[1]
        self.workers = workers

    def run(self) -> None:
        from acupressure.cli.workers import run_gunicorn

        run_gunicorn(self.sock, self.workers, threads=4)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port; 0 picks a free one.")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the sign-in link in the web browser.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes (gunicorn; default: the number of cores). "
            "Without fork (Windows) one waitress process serves.",
        ),
    ] = None,
    reminders: Annotated[
        bool,
        typer.Option(
            "--reminders/--no-reminders",
            help="Also run a reminder worker (off when a clinic runs `acupressure worker`).",
        ),
    ] = True,
) -> None:
    """Start the web app: atlas, routines, guided sessions and your diary."""
    count = workers or os.cpu_count() or 1
    from acupressure.exports import warm

    drawing = warm.start_drawing()  # PDF charts, while the app is set up (exports/warm.py)
    try:
        setup_django(host)
        token = prepare()
        server = _Forked(host, port, count) if can_fork() else make_server(host, port)
    except OSError as exc:
        warm.stop_drawing(drawing)
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    except Exception as exc:
        warm.stop_drawing(drawing)
        fail(f"cannot start the web app: {exc}")
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):  # noqa: S104 - only to print a usable address
        shown = "127.0.0.1"
    base = f"http://{shown}:{server.effective_port}"
    link = f"{base}/signin/link/{token}/"
    from acupressure.cli.reminders import start_worker, stop_worker

    sender = start_worker() if reminders else None  # before the link: running once it shows
    for warning in startup_warnings():
        typer.echo(warning, err=True)
    typer.echo(_("Serving on {address}/  (Ctrl+C to stop)").format(address=base))
    typer.echo(_("Sign in once with this link (valid 12 hours, single use):") + f"\n  {link}")
    if host not in LOOPBACK:
        err_console.print(
            _("warning: listening beyond this machine; put it behind https (docs/deployment.md)."),
            markup=False,
        )
    if not can_fork() and count > 1:
        err_console.print("note: no fork here; one waitress process serves.", markup=False)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=[link]).start()
    warm.yield_to_requests(drawing)  # requests come first from now on
    if not can_fork():
        warm.start_loading()  # gunicorn's workers start theirs (cli/workers.py)
    # What is loaded by now (Django, the data, the templates) lives as long as the process:
    # kept out of the collector's full passes, which otherwise walk it all again every few
    # hundred requests (the tail of a page made afresh: a 5-year /diary/ at most 122 ms with
    # it walked, 45-52 ms without, made 300 times in one process); shared pages after fork.
    gc.freeze()
    try:
        server.run()
    except KeyboardInterrupt:
        typer.echo(_("Stopped."))
    finally:
        stop_worker(sender)
        warm.stop_drawing(drawing)
