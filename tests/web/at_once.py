"""Requests at once, as two workers get them: each POST in a thread of its own."""

from __future__ import annotations

import threading
from typing import Any

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
