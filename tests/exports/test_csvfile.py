"""The one CSV writer: byte-order mark, formulas neutralised, one text per type, chunks."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time

from acupressure.exports import csvfile


def test_cells_are_written_one_way_per_type() -> None:
    at = datetime(2026, 3, 1, 8, 5, 9, 123456, tzinfo=UTC)
    row = [6.0, 6.5, 7, True, None, at, date(2026, 3, 1), time(8, 5, 9), "-2 worse", "@x"]
    data = csvfile.content(["a"] * len(row), [row])
    assert data.startswith(csvfile.BOM.encode())
    (_, written) = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert written == [
        "6", "6.5", "7", "yes", "", "2026-03-01T08:05:09+00:00", "2026-03-01", "08:05:09",
        "'-2 worse", "'@x",
    ]  # fmt: skip


def test_every_formula_start_is_neutralised() -> None:
    for start in csvfile.FORMULA_STARTS:
        assert csvfile.text(start + "1+2") == "'" + start + "1+2"
    assert csvfile.text("plain = text") == "plain = text"
    assert csvfile.text(-3) == "-3"  # a number is a number, not a formula


def test_a_long_file_comes_in_chunks_that_join_to_the_whole() -> None:
    rows = [[n, f"note {n}"] for n in range(1000)]
    parts = list(csvfile.chunks(["n", "note"], rows))
    assert len(parts) == 1000 // csvfile.ROWS_PER_CHUNK + 1
    read = list(csv.reader(io.StringIO(b"".join(parts).decode("utf-8-sig"))))
    assert read[0] == ["n", "note"] and read[-1] == ["999", "note 999"] and len(read) == 1001
