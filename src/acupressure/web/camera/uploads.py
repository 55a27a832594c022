"""Uploads kept in memory only: a photo is never written to disk, and its size is capped."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload

from acupressure.vision.images import MAX_BYTES


class InMemoryOnly(MemoryFileUploadHandler):
    """Keep every uploaded file in memory (never a temporary file) and stop past MAX_BYTES
    (per file; ``too_large`` then says so)."""

    too_large = False

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        super().handle_raw_input(*args, **kwargs)
        self.activated = True  # also above FILE_UPLOAD_MAX_MEMORY_SIZE: the size is checked first

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > MAX_BYTES:
            self.too_large = True
            raise StopUpload(connection_reset=False)
        return super().receive_data_chunk(raw_data, start)
