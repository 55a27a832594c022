"""Downloads streamed as they are made: a file of any length takes the memory of one batch.

Each export yields bytes (the CSV writer, the JSON and FHIR writers fetch rows in batches);
the response hands them to the server as they come, so a worker never holds the whole file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.http import StreamingHttpResponse

CHUNK = 64 * 1024  # bytes handed to the server at a time


def attachment(chunks: Iterator[bytes], content_type: str, filename: str) -> StreamingHttpResponse:
    """A streamed download saved as ``filename``."""
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_attachment(chunks: Iterator[bytes], filename: str) -> StreamingHttpResponse:
    return attachment(chunks, "text/csv; charset=utf-8", filename)


def json_chunks(head: Mapping[str, Any], lists: Mapping[str, Iterable[Any]]) -> Iterator[bytes]:
    """One JSON object: the keys of ``head``, then each of ``lists`` as an array written item
    by item (one item a line), in chunks of about :data:`CHUNK` bytes."""
    buffer = Buffer()
    opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2]  # without "\n}"
    yield from buffer.add(opening)
    for name, items in lists.items():
        yield from buffer.add(f",\n  {json.dumps(name)}: [")
        first = True
        for item in items:
            text = json.dumps(item, ensure_ascii=False)
            yield from buffer.add(("\n    " if first else ",\n    ") + text)
            first = False
        yield from buffer.add("]" if first else "\n  ]")
    yield from buffer.add("\n}\n")
    yield buffer.rest()


class Buffer:
    """Text gathered into UTF-8 chunks of about :data:`CHUNK` bytes."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, text: str) -> Iterator[bytes]:
        data = text.encode()
        self.parts.append(data)
        self.size += len(data)
        if self.size >= CHUNK:
            yield self.rest()

    def rest(self) -> bytes:
        data = b"".join(self.parts)
        self.parts, self.size = [], 0
        return data


def buffered(pieces: Iterable[str]) -> Iterator[bytes]:
    """Text pieces as UTF-8 chunks of about :data:`CHUNK` bytes."""
    buffer = Buffer()
    for piece in pieces:
        yield from buffer.add(piece)
    yield buffer.rest()
