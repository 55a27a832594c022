"""Requests at once, as two workers get them: each POST in a thread of its own."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client


def post(client: Client, url: str, fields: dict[str, Any], answers: list[int]) -> threading.Thread:
    """POST ``fields`` to ``url`` in a thread (started; its own database connection, closed
    when it ends); the answer's status is appended to ``answers``."""

    def run() -> None:
        try:
            answers.append(client.post(url, fields).status_code)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def held(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str
) -> tuple[threading.Event, threading.Event]:
    """``owner.name`` made to wait, after its first call, until told to go on (for ten
    seconds at most): the events (called, go on)."""
    called, go_on = threading.Event(), threading.Event()
    real = getattr(owner, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        done = real(*args, **kwargs)
        if not called.is_set():
            called.set()
            go_on.wait(10)
        return done

    monkeypatch.setattr(owner, name, waiting)
    return called, go_on
