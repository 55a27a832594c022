"""The one CSV writer for every export (the diary, the practitioner's clients).

What a spreadsheet sees, whatever program opens the file:

- UTF-8 with a byte-order mark, so Excel's and LibreOffice's default import keep accents;
- a text cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)
  gets a leading apostrophe, so it stays text (the OWASP advice against CSV injection);
- one type per column, decided by the caller: numbers as numbers (a whole float such as
  ``6.0`` is written ``6``), dates as ``YYYY-MM-DD``, times as ``HH:MM:SS``, timestamps in
  ISO 8601 with their offset, nothing as an empty cell;
- written row by row: :func:`chunks` yields bytes for a streamed response, so a file of any
  length takes the memory of one batch of rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 200

Cell = str | int | float | bool | date | datetime | time | None


def text(value: Cell) -> str:
    """The cell as the file shows it (see the module's rules)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds")
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def chunks(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Iterator[bytes]:
    """The whole file as UTF-8 byte chunks: the BOM and header first, then batches of rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    out.write(BOM)
    writer.writerow([text(name) for name in header])
    for count, row in enumerate(rows, start=1):
        writer.writerow([text(value) for value in row])
        if count % ROWS_PER_CHUNK == 0:
            yield out.getvalue().encode()
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode()


def content(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The whole file at once (small files, tests)."""
    return b"".join(chunks(header, rows))
