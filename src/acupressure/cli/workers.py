"""Serve with gunicorn worker processes (Linux and other systems with fork).

The listening socket is opened here, before any worker starts, so the printed address is
the real one even with ``--port 0``; gunicorn takes it over by file descriptor. The app is
loaded once and forked; database connections are closed first so that no two processes
share one. Workers keep nothing that another needs: sessions, sign-in tokens and the diary
live in the database, caches are recomputed from the data in each process.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

BACKLOG = 2048
# Linux spreads connections over the sockets that share a port; other systems may hand
# them all to one, so there the workers share the one socket only.
REUSE_PORT = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, opened before the workers fork. With ``REUSE_PORT`` it lets
    each worker add its own socket on the same port (:func:`_own_socket`); a plain socket is
    bound first, so that a port another server holds is still refused (OSError)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if REUSE_PORT:
        with socket.create_server((host, port), family=family) as probe:
            port = probe.getsockname()[1]  # the free port that 0 picked
    sock = socket.create_server((host, port), family=family, backlog=BACKLOG, reuse_port=REUSE_PORT)
    sock.set_inheritable(True)
    return sock


def _own_socket(server: Any, worker: Any) -> None:
    """gunicorn's post_fork hook: give the worker a listening socket of its own on the same
    address, beside the shared one, so that the kernel spreads new connections over the
    workers (SO_REUSEPORT) instead of whichever worker wakes first taking them all."""
    if not REUSE_PORT:
        return
    shared = worker.sockets[0]
    own = socket.socket(shared.family, socket.SOCK_STREAM)
    own.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    own.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    own.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as gunicorn's own: no 40 ms
    own.bind(shared.getsockname())
    own.listen(BACKLOG)
    worker.sockets = [own, *worker.sockets]


def _warm_up(worker: Any) -> None:
    """gunicorn's post_worker_init hook: WeasyPrint and its fonts loaded in a background
    thread of the new worker, so that its first PDF does not wait for them."""
    from acupressure.exports.warm import start_loading

    start_loading()


def _proxy_options() -> dict[str, Any]:
    """Whom gunicorn believes about X-Forwarded-Proto: the app's one proxy setting
    (``settings.PROXY``, ``web.proxy``), the same trust waitress gets. gunicorn never takes
    the client's address from X-Forwarded-For; the app it serves (``wsgi.application``, a
    ``proxy.ForwardedApp``) does, from the same trusted proxy only."""
    from django.conf import settings

    options: dict[str, Any] = settings.PROXY.gunicorn_options()
    return options


# A keep-alive connection is closed after this many requests (Apache's MaxKeepAliveRequests
# default). A client that keeps its connection stays with the worker that accepted it: on
# one shared socket, 20 keep-alive clients opened at once were measured splitting 18/2, 1/19,
# 19/1 and 20/0 between two workers, so that one core sat idle. Own sockets spread new
# connections; closing now and then spreads again clients that stay connected for long
# (a proxy's pooled connections), whatever the system.
KEEPALIVE_REQUESTS = 100


def _close_now_and_then(worker: Any, req: Any) -> None:
    """gunicorn's pre_request hook: ask for the connection to close after this answer on
    every ``KEEPALIVE_REQUESTS``-th request it carries."""
    if req.req_number % KEEPALIVE_REQUESTS == 0:
        req.must_close = True


def run_gunicorn(sock: socket.socket, workers: int, threads: int) -> None:
    """Serve the already-loaded Django app on ``sock`` with ``workers`` processes until stopped."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from acupressure.web.wsgi import application

    options: dict[str, Any] = {
        "bind": [f"fd://{sock.fileno()}"],
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "preload_app": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "acupressure",
        "graceful_timeout": 10,
        "pre_request": _close_now_and_then,
        "post_fork": _own_socket,
        "post_worker_init": _warm_up,
        **_proxy_options(),
    }

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    connections.close_all()  # never share a connection opened by `migrate` with the workers
    Server().run()
