"""Serve with gunicorn worker processes (Linux and other systems with fork).

The listening socket is opened here, before any worker starts, so the printed address is
the real one even with ``--port 0``; gunicorn takes it over by file descriptor. The app is
loaded once and forked; database connections are closed first so that no two processes
share one. Workers keep nothing that another needs: sessions, sign-in tokens and the diary
live in the database, caches are recomputed from the data in each process.
"""

from __future__ import annotations

import socket
from typing import Any


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=2048)
    sock.set_inheritable(True)
    return sock


def _proxy_options() -> dict[str, Any]:
    """Whom gunicorn believes about X-Forwarded-*: the app's one proxy setting
    (``settings.PROXY``, ``web.proxy``), the same trust waitress gets."""
    from django.conf import settings

    options: dict[str, Any] = settings.PROXY.gunicorn_options()
    return options


# A keep-alive connection is closed after this many requests (Apache's MaxKeepAliveRequests
# default). Workers share one listening socket, and a client that keeps its connection
# stays with the worker that accepted it: 20 keep-alive clients opened at once were measured
# splitting 18/2, 1/19 and 19/1 between two workers, so that one core sat idle. A client
# reconnecting every 100 requests lands on whichever worker is free to accept.
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
