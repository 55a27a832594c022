"""What makes the first and later PDFs fast changes nothing in them: a routine made again
(its chart sizes and image streams kept) is the same file, byte for byte, laid out once; the
charts drawn ahead are the ones a handout then reads; the server's head start
(``exports/warm.py``) draws in a process of its own and loads WeasyPrint without leaving
Pillow's truncated-image guard off."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from acupressure import i18n
from acupressure.exports import handout, pdf, warm
from acupressure.program import design
from acupressure.safety import Intake

pytestmark = pytest.mark.slow  # renders PDFs
LINK = "https://clinic.example/program/7/"


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache folder, and nothing kept in this process's memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pdf, "_CHARTS", {})
    monkeypatch.setattr(pdf, "_IMAGES", {})
    monkeypatch.setattr(pdf, "_STREAMS", {})
    monkeypatch.setattr(handout, "_FITTED", {})
    return tmp_path / "acupressure" / "pdf-charts"


def _count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = handout.layout

    def counted(html: str) -> Any:
        calls.append(1)
        return real(html)

    monkeypatch.setattr(handout, "layout", counted)
    return calls


@pytest.mark.parametrize(("language", "paper"), [("en", "a4"), ("zh-Hans", "letter")])
def test_a_routine_made_again_is_the_same_file_laid_out_once(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch, language: i18n.Language, paper: Any
) -> None:
    layouts = _count_layouts(monkeypatch)
    made = design(Intake(areas=["neck"], red_flags=[]), date(2026, 3, 2))
    with i18n.use(language):
        first = handout.routine_pdf(made.plan, made.schedule, made.extra_points, LINK, paper)
        first_time = len(layouts)
        if (language, paper) == ("en", "a4"):
            assert first_time == 2  # GB21 needs a smaller chart: laid out again
        assert pdf._STREAMS  # each chart's image stream, kept
        again = handout.routine_pdf(made.plan, made.schedule, made.extra_points, LINK, paper)
        other = "https://clinic.example/program/8/"
        elsewhere = handout.routine_pdf(made.plan, made.schedule, made.extra_points, other, paper)
    assert again == first
    assert (
        len(layouts) == first_time + 2
    )  # once each: the sizes that fitted do not depend on the link
    assert elsewhere != first and len(elsewhere) > 0.9 * len(first)


def test_charts_drawn_ahead_are_the_ones_a_handout_reads(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm.draw_charts_ahead(languages=["en", "es"], codes=["LI4", "GB21"])
    assert len(list(cache_folder.glob("*.png"))) == 4
    monkeypatch.setattr(pdf, "_CHARTS", {})  # a new process: only the disk cache

    def refuse(*_args: object) -> bytes:
        raise AssertionError("drawn again")

    monkeypatch.setattr(pdf, "_flat_png", refuse)
    with i18n.use("es"):
        pdf.draw_charts(["GB21", "LI4"])
    assert set(pdf._CHARTS) == {("es", "GB21"), ("es", "LI4")}


def _niceness(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_drawing_process_runs_apart_yields_to_requests_and_stops(cache_folder: Path) -> None:
    drawing = warm.start_drawing()
    assert drawing is not None
    assert drawing.args[1:] == ["-m", "acupressure.exports.warm"]
    assert _niceness(drawing.pid) == _niceness(os.getpid())  # while the server starts
    warm.yield_to_requests(drawing)
    assert _niceness(drawing.pid) == max(_niceness(os.getpid()), warm.NICENESS)
    warm.stop_drawing(drawing)
    assert drawing.returncode is not None
    warm.stop_drawing(drawing)  # ended already: nothing to do
    warm.stop_drawing(None)


def test_the_drawing_process_keeps_every_chart_in_every_language(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "acupressure.exports.warm"], env=env, check=True)
    from acupressure import atlas

    kept = list((tmp_path / "acupressure" / "pdf-charts").glob("*.png"))
    assert len(kept) == len(atlas.all_points()) * len(i18n.LANGUAGES)


def test_the_language_of_the_person_who_starts_the_server_is_drawn_first() -> None:
    assert warm.languages_first({"LANG": "zh_CN.UTF-8"}) == ["zh-Hans", "en", "es"]
    assert warm.languages_first({"LANG": "es_ES.UTF-8"}) == ["es", "en", "zh-Hans"]
    assert warm.languages_first({}) == list(i18n.LANGUAGES)


def test_loading_the_engine_beside_a_pdf_leaves_the_truncated_image_guard_on() -> None:
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES on import; the server's warm-up thread
    and a request may import it at once: the guard must be back on after both."""
    script = textwrap.dedent(
        """
        import threading
        from PIL import ImageFile
        from acupressure.exports import pdf, warm
        threads = [warm.start_loading() for _ in range(3)]
        threads += [threading.Thread(target=pdf._weasyprint) for _ in range(3)]
        for t in threads[3:]:
            t.start()
        for t in threads:
            t.join()
        import sys
        assert "weasyprint" in sys.modules
        print(ImageFile.LOAD_TRUNCATED_IMAGES)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "False"
