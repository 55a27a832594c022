"""Downloads streamed as they are made: a file of any length takes the memory of one batch.

Each export yields bytes (the CSV writer, the JSON and FHIR writers of acupressure.exports
fetch rows in batches);
the response hands them to the server as they come, so a worker never holds the whole file.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.http import StreamingHttpResponse


def attachment(chunks: Iterator[bytes], content_type: str, filename: str) -> StreamingHttpResponse:
    """A streamed download saved as ``filename``."""
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_attachment(chunks: Iterator[bytes], filename: str) -> StreamingHttpResponse:
    return attachment(chunks, "text/csv; charset=utf-8", filename)
