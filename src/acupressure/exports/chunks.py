"""Exports as UTF-8 chunks of about :data:`CHUNK` bytes, made as they are read: a file of any
length takes the memory of one batch (the web streams them as downloads)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

CHUNK = 64 * 1024  # bytes handed on at a time


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
