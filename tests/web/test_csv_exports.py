"""Every CSV we hand out, read back by the tools people open it with: pandas with its default
options (types right, accents kept) and LibreOffice's default import (a formula-looking label
stays text). One writer makes them all (acupressure.exports.csvfile)."""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.practice import make_practice, practise, signed_in

from acupressure.records.models import CheckIn, PracticeSession

pytestmark = pytest.mark.django_db(transaction=True)
ACCENTS = "María José Núñez"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def diary_csv(clock: FakeWallClock) -> tuple[bytes, bytes]:
    """The client's own diary CSV and the practitioner's clients CSV, with a session, a
    check-in, a formula-looking note and label, and accented text."""
    practice = make_practice()
    practice.link.label = "=1+2"
    practice.link.save(update_fields=["label"])
    me = signed_in(practice.client)
    practise(me, practice.program.pk, before=6, after=4, note=ACCENTS)
    clock.advance(days=1)
    answer = me.post("/diary/checkin/", {"area": "neck", "pain": "3", "note": "=HYPERLINK(1)"})
    assert answer.status_code == 302
    own = downloads.body(me.get("/diary/export.csv"))
    clients = downloads.body(signed_in(practice.practitioner).get("/clients/export.csv"))
    return own, clients


def test_diary_csv_reads_back_in_pandas_with_its_defaults(clock: FakeWallClock) -> None:
    own, _ = diary_csv(clock)
    assert own.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark
    table = pd.read_csv(io.BytesIO(own))
    assert list(table["kind"]) == ["session", "check-in"]
    assert list(table.columns)[:3] == ["kind", "date", "time"]
    # one format per column: pandas parses each without format="mixed"
    days = pd.to_datetime(table["date"])
    assert [d.date() for d in days] == [
        PracticeSession.objects.get().created_at.date(),
        CheckIn.objects.get().day,
    ]
    assert pd.to_datetime(table["time"].dropna(), format="%H:%M:%S").notna().all()
    assert str(table["completed_steps"].dtype).startswith(("int", "float"))
    assert (table["pain_before"].dropna() == [6]).all() and (table["pain"].dropna() == [3]).all()
    assert b"6.0" not in own and b",3.0" not in own  # whole numbers written as integers
    assert list(table["note"]) == [ACCENTS, "'=HYPERLINK(1)"]


def test_practitioner_csv_reads_back_in_pandas_with_its_defaults(clock: FakeWallClock) -> None:
    _, clients = diary_csv(clock)
    assert clients.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(clients))
    assert list(table["client"]) == ["'=1+2"]
    assert table["total_done"].dtype == "int64" and table["total_due"].dtype == "int64"
    assert pd.to_datetime(table["last_session"]).notna().all()  # one timestamp format
    assert list(table["pain_meaningful_change"]) == ["no"]


def cells(fods: Path) -> list[tuple[str, str, bool]]:
    """(value type, text, has a formula) of every non-empty cell of a flat ODF spreadsheet."""
    found = []
    for cell in ET.parse(fods).iter(f"{{{TABLE}}}table-cell"):
        words = "".join(cell.itertext()).strip()
        if words:
            kind = cell.get(f"{{{OFFICE}}}value-type", "")
            found.append((kind, words, cell.get(f"{{{TABLE}}}formula") is not None))
    return found


def libreoffice_cells(data: bytes, folder: Path, name: str) -> list[tuple[str, str, bool]]:
    """The file opened by LibreOffice's CSV import, saved as a flat ODF sheet: comma, double
    quote and UTF-8, what its import dialog picks for a file with a UTF-8 byte-order mark
    (a headless conversion has no dialog and, in LibreOffice 7.4, ignores the mark)."""
    source = folder / f"{name}.csv"
    source.write_bytes(data)
    profile = folder / "profile"  # its own profile: no other LibreOffice is disturbed
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--infilter=CSV:44,34,UTF8", "--convert-to", "fods", "--outdir", str(folder),
         str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return cells(folder / f"{name}.fods")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (scripts/test.sh)")
def test_libreoffice_keeps_formulas_inert_and_accents(clock: FakeWallClock, tmp_path: Path) -> None:
    own, clients = diary_csv(clock)
    # the check can fail: an unguarded formula in a CSV becomes a computed cell
    raw = libreoffice_cells(b"client,n\r\n=1+2,5\r\n", tmp_path, "raw")
    assert any(formula for _, _, formula in raw)
    sheet = libreoffice_cells(clients, tmp_path, "clients")
    assert not any(formula for _, _, formula in sheet)
    assert ("string", "'=1+2", False) in sheet or ("string", "=1+2", False) in sheet
    diary = libreoffice_cells(own, tmp_path, "diary")
    assert not any(formula for _, _, formula in diary)
    assert ("string", ACCENTS, False) in diary
    assert ("float", "6", False) in diary  # numbers stay numbers
