"""PDF downloads on the web and from the terminal (`handout`, `report`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.doubles import FakeWallClock
from tests.web.personas import Personas
from tests.web.programs import check, make
from typer.testing import CliRunner

from acupressure.cli import app
from acupressure.records.models import ProgramRecord


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_routine_and_progress_downloads(
    owner_client: object, clock: FakeWallClock, people: Personas, tmp_path: Path
) -> None:
    program = make(owner_client)
    check(owner_client, program.pk, 0, 6, None, [4])
    clock.advance(days=7)
    check(owner_client, program.pk, 1, 3, 2, [6])
    routine = owner_client.get(f"/program/{program.pk}/routine.pdf?paper=letter")  # type: ignore[attr-defined]
    assert routine["Content-Type"] == "application/pdf"
    text = text_of(routine.content, tmp_path)
    assert all(code in text for code in program.points) and "2 weeks, from 2025-03-03" in text
    progress = owner_client.get("/diary/progress.pdf")  # type: ignore[attr-defined]
    text = text_of(progress.content, tmp_path)
    assert "My progress" in text and "3 (-3) ★" in text
    stranger = people.client_for(people.stranger)
    assert stranger.get(f"/program/{program.pk}/routine.pdf").status_code == 404
    assert stranger.get("/diary/progress.pdf").status_code == 404  # no program of their own
    assert stranger.get(f"/diary/progress.pdf?client={people.owner.pk}").status_code == 404


def test_cli_handout_and_report(db: None, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "routine.pdf"
    made = runner.invoke(
        app, ["handout", "--area", "neck", "--no-red-flags", "--not-pregnant", "-o", str(out)]
    )
    assert made.exit_code == 0, made.output
    assert "GB21" in text_of(out.read_bytes(), tmp_path)
    blocked = runner.invoke(
        app, ["handout", "--area", "neck", "-o", str(out), "--not-pregnant", "--red-flag", "fever"]
    )
    assert blocked.exit_code == 4
    assert (
        runner.invoke(app, ["handout", "--area", "neck", "-o", str(out)]).exit_code == 2
    )  # unscreened
    bad_name = ["handout", "--area", "neck", "--no-red-flags", "--not-pregnant", "-o", "x.txt"]
    assert runner.invoke(app, bad_name).exit_code == 2
    assert runner.invoke(app, ["report", "-o", str(tmp_path / "p.pdf")]).exit_code == 3
    runner.invoke(app, ["program", "create", "--area", "neck", "--no-red-flags", "--not-pregnant"])
    assert ProgramRecord.objects.count() == 1
    report = runner.invoke(app, ["report", "-o", str(tmp_path / "p.pdf"), "--paper", "letter"])
    assert report.exit_code == 0, report.output
    assert "My progress" in text_of((tmp_path / "p.pdf").read_bytes(), tmp_path)


def _links(data: bytes) -> list[str]:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            str(annot["/A"]["/URI"])
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if annot.get("/Subtype") == "/Link"
        ]


def test_the_routine_links_to_the_address_the_server_is_reachable_at(
    owner_client: object, settings: object, tmp_path: Path
) -> None:
    program = make(owner_client)
    url = f"/program/{program.pk}/routine.pdf"
    # The request's own host and port (here a server on port 8123 of this computer) ...
    local = owner_client.get(url, HTTP_HOST="127.0.0.1:8123")  # type: ignore[attr-defined]
    assert _links(local.content) == [f"http://127.0.0.1:8123/program/{program.pk}/"]
    assert "a phone cannot open" in " ".join(text_of(local.content, tmp_path).split())
    # ... unless a public address is configured, which a phone can reach.
    settings.PUBLIC_URL = "https://acupressure.clinic.example"  # type: ignore[attr-defined]
    public = owner_client.get(url, HTTP_HOST="127.0.0.1:8123")  # type: ignore[attr-defined]
    assert _links(public.content) == [f"https://acupressure.clinic.example/program/{program.pk}/"]
    assert "a phone cannot open" not in " ".join(text_of(public.content, tmp_path).split())
