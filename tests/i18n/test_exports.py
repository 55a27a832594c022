"""Handouts, progress reports, the calendar feed and the FHIR texts in Spanish and Chinese:
nothing left in English; a Chinese PDF embeds the bundled font and the font draws every
character of its text, with no CJK font on the machine."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from icalendar import Calendar
from tests.exports.samples import stored_program
from tests.i18n.english import english_left

from acupressure import i18n
from acupressure.charts.fonts import subset_path
from acupressure.exports.calendar import program_calendar
from acupressure.exports.fhir import Export, PainReading, Person, WeeklyCheck, bundle_json
from acupressure.exports.handout import routine_html, routine_pdf
from acupressure.exports.progress import progress_pdf
from acupressure.outcomes import questionnaires
from acupressure.program import adherence, design
from acupressure.program.summary import summarise
from acupressure.safety import Intake

LANGUAGES: list[i18n.Language] = ["es", "zh-Hans"]
LINK = "http://127.0.0.1:8000/program/7/"
# Leg and hand points, a condition's warning and extra sessions: every part of the handout.
INTAKE = Intake(areas=["upper-back", "lower-back"], conditions=["bleeding-risk"], red_flags=[])


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def handout(language: i18n.Language, folder: Path) -> Path:
    with i18n.use(language):
        made = design(INTAKE, date(2026, 3, 2))
        data = routine_pdf(made.plan, made.schedule, made.extra_points, LINK)
    path = folder / f"handout-{language}.pdf"
    path.write_bytes(data)
    return path


# A fontconfig that knows only DejaVu (the PDFs' Latin font): no CJK font on this "machine".
FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir></fontconfig>
"""
MAKE = """
import sys
from pathlib import Path
from tests.i18n.test_exports import handout
handout(sys.argv[1], Path(sys.argv[2]))
"""


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each language's handout, made where fontconfig sees no font but DejaVu Sans."""
    import os
    import sys

    folder = tmp_path_factory.mktemp("handouts")
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(cache=folder / "cache"))
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    root = Path(__file__).resolve().parents[2]
    for language in LANGUAGES:
        subprocess.run(
            [sys.executable, "-c", MAKE, language, str(folder)], check=True, env=env, cwd=root
        )
    return {language: folder / f"handout-{language}.pdf" for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_handout_has_no_english_left(language: i18n.Language, handouts: dict[str, Path]) -> None:
    text = run("pdftotext", str(handouts[language]), "-")
    assert "BL60" in text and "KI27" in text  # codes stay
    assert english_left(text, language) == []
    word = {"es": "Cómo encontrarlo", "zh-Hans": "找法"}[language]
    assert word in text


def test_the_scan_finds_an_english_handout(tmp_path: Path) -> None:
    text = run("pdftotext", str(handout("en", tmp_path)), "-")
    assert len(english_left(text, "es")) > 10 and len(english_left(text, "zh-Hans")) > 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_says_its_language(language: i18n.Language) -> None:
    with i18n.use(language):
        made = design(INTAKE, date(2026, 3, 2))
        html = routine_html(made.plan, made.schedule, made.extra_points, LINK, "a4")
    assert f'<html lang="{language}">' in html


def _fonts(path: Path) -> list[list[str]]:
    lines = run("pdffonts", str(path)).splitlines()[2:]
    return [line.split() for line in lines]


def test_a_chinese_handout_embeds_the_subset_and_it_draws_every_character(
    handouts: dict[str, Path],
) -> None:
    path = handouts["zh-Hans"]
    fonts = _fonts(path)
    names = [f[0] for f in fonts]
    # every font in the PDF is the bundled subset, embedded ("emb" column: yes)
    assert names and all("Acupressure-Noto-Sans-SC" in n for n in names), names
    assert all(f[-5] == "yes" for f in fonts), fonts
    cmap = TTFont(str(subset_path())).getBestCmap()
    text = run("pdftotext", str(path), "-")
    used = {ch for ch in text if not ch.isspace()}
    assert sum(1 for ch in used if ord(ch) >= 0x2E80) > 300  # the Chinese is really there
    assert sorted(ch for ch in used if ord(ch) not in cmap) == []


def test_a_chinese_handout_renders_to_png(handouts: dict[str, Path], tmp_path: Path) -> None:
    from PIL import Image

    run(
        "pdftoppm",
        "-r",
        "40",
        "-png",
        "-f",
        "1",
        "-l",
        "2",
        str(handouts["zh-Hans"]),
        str(tmp_path / "p"),
    )
    first = sorted(tmp_path.glob("p-*.png"))[0]  # p-1.png, or p-01.png from 10 pages on
    with Image.open(first) as image:
        dark = sum(image.convert("L").histogram()[:128])
    assert dark > 1000  # text drawn, not a blank page


def test_a_spanish_handout_embeds_its_fonts(handouts: dict[str, Path]) -> None:
    fonts = _fonts(handouts["es"])
    assert fonts and all(f[-5] == "yes" for f in fonts)
    assert all("DejaVu" in f[0] for f in fonts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_progress_report_has_no_english_left(language: i18n.Language, tmp_path: Path) -> None:
    p = stored_program("upper-back")
    answers = {
        (0, "pain-week"): {"pain": 7},
        (0, "activities"): {"activity-1": {"name": "x", "rating": 3}},
        (1, "pain-week"): {"pain": 5},
        (1, "change"): {"rating": 2},
    }
    with i18n.use(language):
        known = questionnaires()
        weeks = adherence(p, [], datetime(2026, 3, 10, 12, tzinfo=UTC))
        summary = summarise(list(known.values()), answers, weeks)
        path = tmp_path / "progress.pdf"
        path.write_bytes(progress_pdf(p, summary))
    text = run("pdftotext", str(path), "-")
    assert english_left(text, language) == []
    assert {"es": "Mi progreso", "zh-Hans": "我的进展"}[language] in text
    assert {"es": "Dolor", "zh-Hans": "疼痛"}[language] in text  # the questionnaire's column


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_feed_speaks_the_language(language: i18n.Language) -> None:
    with i18n.use(language):
        feed = Calendar.from_ical(program_calendar(stored_program("upper-back"), LINK, "0" * 32))
        expected = i18n.gettext("Acupressure session")
    events = list(feed.walk("VEVENT"))
    alarms = list(feed.walk("VALARM"))
    texts = [str(e["summary"]) for e in events] + [str(e["description"]) for e in events]
    texts += [str(a["description"]) for a in alarms] + [str(feed["x-wr-calname"])]
    assert english_left("\n".join(texts), language) == []
    assert {str(e["summary"]) for e in events} == {expected} != {"Acupressure session"}
    assert events[0]["summary"].params["LANGUAGE"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_fhir_texts_are_translated_and_codes_are_not(language: i18n.Language) -> None:
    p = stored_program("upper-back")
    export = Export(
        installation="0123456789abcdef0123456789abcdef",
        patient=Person(key="user-1", label="C-1", named=False),
        program=p,
        readings=[PainReading(at=datetime(2026, 3, 3, tzinfo=UTC), value=4, context="before")],
        checks=[
            WeeklyCheck(
                program=7,
                week=1,
                questionnaire="pain-week",
                answers={"pain": 4},
                at=datetime(2026, 3, 8, tzinfo=UTC),
            )
        ],
        generated_at=datetime(2026, 3, 9, tzinfo=UTC),
    )
    with i18n.use("en"):
        english = json.loads(bundle_json(export))
    with i18n.use(language):
        data = json.loads(bundle_json(export))
    assert data["language"] == language
    resources = {e["resource"]["resourceType"]: e["resource"] for e in data["entry"]}
    plan, en_plan = resources["CarePlan"], english["entry"][1]["resource"]
    readable = [plan["title"], resources["Observation"]["method"]["text"]]
    readable += [a["detail"]["description"] for a in plan["activity"]]
    readable += [i["text"] for i in resources["QuestionnaireResponse"]["item"]]
    assert english_left("\n".join(readable), language) == []
    assert plan["title"] != en_plan["title"]
    # codes, LOINC, units and extension values are the English bundle's
    codes = [a["detail"]["code"]["coding"][0]["code"] for a in plan["activity"]]
    assert codes == [a["detail"]["code"]["coding"][0]["code"] for a in en_plan["activity"]]
    coding = resources["Observation"]["code"]["coding"][0]
    assert coding["code"] == "72514-3" and coding["system"] == "http://loinc.org"
    assert resources["Observation"]["valueQuantity"]["code"] == "{score}"
