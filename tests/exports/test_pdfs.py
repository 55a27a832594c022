"""Handouts: text (pdftotext) has every point code and the schedule; charts are embedded
images; fonts embedded; A4 and Letter; pages render to PNG (pdftoppm)."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.exports.samples import stored_program

from acupressure.exports.handout import routine_pdf
from acupressure.exports.pdf import render
from acupressure.exports.progress import progress_pdf
from acupressure.outcomes import questionnaires
from acupressure.program import design
from acupressure.program.summary import summarise
from acupressure.safety import Intake

LINK = "http://127.0.0.1:8000/program/7/"


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def write(tmp_path: Path, data: bytes, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def upper(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    made = design(Intake(areas=["upper-back"], red_flags=[]), date(2026, 3, 2), per_day=1)
    data = routine_pdf(made.plan, made.schedule, made.extra_points, LINK)
    return write(tmp_path_factory.mktemp("pdf"), data), made.points


@pytest.mark.parametrize("area", ["lower-back", "neck", "shoulders"])
def test_every_point_code_and_the_schedule_are_in_the_text(area: str, tmp_path: Path) -> None:
    made = design(Intake(areas=[area], red_flags=[]), date(2026, 3, 2))
    path = write(tmp_path, routine_pdf(made.plan, made.schedule, made.extra_points, LINK))
    text = run("pdftotext", "-layout", str(path), "-")
    for code in made.points:
        assert f"{code} " in text
    assert "6 weeks, from 2026-03-02 to 2026-04-12" in text and "every day at 08:00" in text
    assert "Week 6" in text and "2026-04-06" in text
    assert "Find it" in text and "Technique" in text and "Timing" in text


def test_upper_back_has_extra_sessions_and_cautions(upper: tuple[Path, list[str]]) -> None:
    path, codes = upper
    text = run("pdftotext", str(path), "-")
    assert "Short extra sessions with KI27, TE3 at 11:00, 15:00" in text
    assert "Cautions" in text and "Stop if pain gets sharply worse" in text
    assert all(code in text for code in codes)


def test_each_chart_is_an_embedded_image_and_only_the_player_is_linked(
    upper: tuple[Path, list[str]],
) -> None:
    import pikepdf

    path, codes = upper
    listing = run("pdfimages", "-list", str(path)).splitlines()[2:]
    images = [line for line in listing if line.split()[2] == "image"]
    assert len(images) == len(codes)  # one chart per point, as image data inside the PDF
    with pikepdf.open(path) as pdf:
        actions = [
            annot.get("/A")
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if annot.get("/Subtype") == "/Link"
        ]
        assert [str(a["/URI"]) for a in actions] == [LINK]  # the QR code's target, as a link
        assert all(a["/S"] == "/URI" for a in actions)  # no Launch or file actions
        assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {})


def test_refuses_to_fetch_anything_from_outside() -> None:
    with pytest.raises(ValueError, match=r"refused: .*http:"):
        render('<html><body><img src="http://example.invalid/chart.png"></body></html>')


def test_fonts_are_embedded(upper: tuple[Path, list[str]]) -> None:
    path, _ = upper
    rows = run("pdffonts", str(path)).splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)  # the "emb" column
    assert all("DejaVu" in row for row in rows)


def test_a4_and_letter(tmp_path: Path) -> None:
    made = design(Intake(areas=["neck"], red_flags=[]), date(2026, 3, 2))
    for paper, size in (("a4", "595.276 x 841.89"), ("letter", "612 x 792")):
        data = routine_pdf(made.plan, made.schedule, made.extra_points, LINK, paper)  # type: ignore[arg-type]
        info = run("pdfinfo", str(write(tmp_path, data, f"{paper}.pdf")))
        assert f"Page size:       {size} pts" in info


def test_pages_render_to_png(upper: tuple[Path, list[str]], tmp_path: Path) -> None:
    from PIL import Image

    path, _ = upper
    run("pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    with Image.open(pages[1]) as image:
        histogram = image.convert("L").histogram()
    dark = sum(histogram[:128])
    assert dark > 1000  # a chart and text, not a blank page


def test_progress_report_has_weeks_scores_and_adherence(tmp_path: Path) -> None:
    from acupressure.program import adherence

    p = stored_program("neck")
    answers = {
        (0, "pain-week"): {"pain": 7},
        (1, "pain-week"): {"pain": 5},
        (1, "change"): {"rating": 2},
    }
    known = questionnaires()
    weeks = adherence(p, [], datetime(2026, 3, 10, 12, tzinfo=UTC))
    summary = summarise([known["pain-week"], known["change"]], answers, weeks)
    path = write(tmp_path, progress_pdf(p, summary, "letter"))
    text = run("pdftotext", "-layout", str(path), "-")
    assert "My progress" in text and "no meaningful change from the start (7 ± 2.0)" in text
    assert "5 (-2) ★" in text and "0 of" in text
    run("pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "progress"))
    assert (tmp_path / "progress-1.png").stat().st_size > 1000


def test_making_a_pdf_leaves_pillows_truncated_image_guard_alone() -> None:
    from PIL import ImageFile

    render("<html><body><p>x</p></body></html>")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False  # WeasyPrint sets it on import


def test_progress_without_a_weekly_check_says_why_there_is_no_chart(tmp_path: Path) -> None:
    from acupressure.program import adherence

    p = stored_program("neck")
    weeks = adherence(p, [], datetime(2026, 3, 10, 12, tzinfo=UTC))
    summary = summarise([questionnaires()["pain-week"]], {}, weeks)
    path = write(tmp_path, progress_pdf(p, summary))
    text = " ".join(run("pdftotext", str(path), "-").split())
    assert "No weekly check yet: the chart starts with your first weekly check" in text
    assert run("pdfimages", "-list", str(path)).splitlines()[2:] == []  # no empty chart


@pytest.mark.parametrize("start", [0.0, 3.0, 5.5, 6.0, 8.0, 10.0])
def test_no_chart_label_lies_on_a_grid_line(start: float) -> None:
    """Labels sit outside the plot (left of it or under it); what the shading means is
    printed under the chart (band_note), not on a grid line."""
    import xml.etree.ElementTree as ET

    from acupressure.exports.progress import LEFT, band_note, pain_chart

    svg = ET.fromstring(pain_chart([(0, start), (1, 4.0)], 6))
    ns = "{http://www.w3.org/2000/svg}"
    grid = [float(line.get("y1", "0")) for line in svg.iter(f"{ns}line")]
    bottom = max(grid)
    for text in svg.iter(f"{ns}text"):
        x, y = float(text.get("x", "0")), float(text.get("y", "0"))
        assert x < LEFT or y > bottom + 8, f"{text.text!r} inside the plot"
    assert band_note([(0, start)]).startswith("shaded: no meaningful change from the start")


def test_the_last_day_is_the_same_in_the_terminal_and_the_handout(tmp_path: Path) -> None:
    from rich.console import Console

    from acupressure.cli.views.program import print_program

    p = stored_program("neck")
    assert p.schedule.last_day == date(2026, 4, 12)  # 6 weeks from Monday 2 March, inclusive
    console = Console(record=True, width=120)
    print_program(console, p, [], datetime(2026, 3, 10, tzinfo=UTC))
    assert "6 weeks from 2026-03-02 to 2026-04-12" in console.export_text()
    made = design(Intake(areas=["neck"], red_flags=[]), date(2026, 3, 2))
    handout = write(tmp_path, routine_pdf(made.plan, made.schedule, made.extra_points, LINK))
    assert "from 2026-03-02 to 2026-04-12" in run("pdftotext", str(handout), "-")
