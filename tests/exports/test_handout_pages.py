"""Handouts do not waste paper: for every area, language and paper size, at most the points
plus two pages, no page with under five lines of text, and each point on one page with its
cautions (nothing orphaned on the next page)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from acupressure import i18n
from acupressure.exports.handout import routine_pdf
from acupressure.exports.pdf import Paper
from acupressure.program import Design, design
from acupressure.safety import Intake

pytestmark = pytest.mark.slow
LINK = "https://acupressure.clinic.example/program/7/"
AREAS = ["neck", "shoulders", "upper-back", "lower-back"]
LANGUAGES: list[i18n.Language] = ["en", "es", "zh-Hans"]
PAPERS: list[Paper] = ["a4", "letter"]
MIN_LINES = 5


def pages_of(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def squeeze(text: str) -> str:
    return "".join(text.split())


def check_paper(made: Design, path: Path) -> None:
    pages = pages_of(path)
    assert len(pages) <= len(made.plan.points) + 2
    lines = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    assert min(lines) >= MIN_LINES, f"a page with {min(lines)} lines: {lines}"
    for p in made.plan.points:
        holding = [n for n, page in enumerate(pages) if f"{p.code} " in page.split("\n", 3)[0]]
        assert len(holding) == 1, f"{p.code} heads {len(holding)} pages"
        page = squeeze(pages[holding[0]])
        assert all(squeeze(note) in page for note in p.notes), f"{p.code}: a caution elsewhere"
        assert all(squeeze(step) in page for step in p.how_to_find)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("area", AREAS)
def test_each_point_has_one_page_with_its_cautions(
    area: str, language: i18n.Language, paper: Paper, tmp_path: Path
) -> None:
    with i18n.use(language):
        made = design(Intake(areas=[area], red_flags=[]), date(2026, 3, 2))  # type: ignore[list-item]
        path = tmp_path / "routine.pdf"
        path.write_bytes(routine_pdf(made.plan, made.schedule, made.extra_points, LINK, paper))
        check_paper(made, path)


@pytest.mark.parametrize("paper", PAPERS)
def test_a_long_program_and_many_cautions_still_fit(paper: Paper, tmp_path: Path) -> None:
    """52 weeks of schedule, two areas, a pregnancy and a condition: the most text."""
    intake = Intake(
        areas=["upper-back", "lower-back"],
        conditions=["bleeding-risk"],
        red_flags=[],
        pregnant=True,
        trimester=2,
    )
    with i18n.use("es"):
        made = design(intake, date(2026, 3, 2), weeks=52)
        path = tmp_path / "routine.pdf"
        path.write_bytes(routine_pdf(made.plan, made.schedule, made.extra_points, LINK, paper))
        check_paper(made, path)
