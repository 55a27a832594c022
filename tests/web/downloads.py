"""Read a download whole, whether it was streamed or not."""

from __future__ import annotations

from typing import Any

from django.http import StreamingHttpResponse


def body(response: Any) -> bytes:
    """The response's bytes (a streamed download joined; the test client's response)."""
    if isinstance(response, StreamingHttpResponse) or getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def text(response: Any) -> str:
    """The download as text: UTF-8, its byte-order mark (CSV files have one) left out."""
    return body(response).decode("utf-8-sig")
