"""The press check in Spanish and Chinese: verdicts, directions in the person's words, the
advice and the picture to take, as `acupressure locate --press` prints them; the verdict
and the geometry are the same in every language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from tests.i18n.english import english_left
from tests.vision.pressing import hand_spot, presser_at, target_hand

from acupressure import i18n
from acupressure.cli.views.locate import print_press
from acupressure.vision.press import PressResult, judge

LANGUAGES: list[i18n.Language] = ["es", "zh-Hans"]
# (along, across) in cun from LI4: on the point, close (toward the wrist), off (toward the
# little finger), on a rotated and a mirrored hand
SPOTS = [(0.0, 0.0), (0.8, 0.0), (0.0, 3.0), (0.8, 0.8)]


def _checks(language: i18n.Language) -> list[PressResult]:
    results = []
    with i18n.use(language):
        for angle, mirrored in ((0.0, False), (75.0, True)):
            target = target_hand(200.0, angle, mirrored)
            for along, across in SPOTS:
                spot, placement, _cun = hand_spot(target, "LI4", along, across, mirrored)
                presser = presser_at(spot, 200.0, (placement.x, placement.y))
                results.append(judge("LI4", [target, presser], None, mirrored=mirrored))
        results.append(judge("LI4", [], None))  # cannot tell: no hand
        results.append(judge("BL23", [], None))  # cannot tell: no body
        results.append(judge("BL60", [], None))  # the camera cannot check this point
    return results


def _printed(results: list[PressResult], language: i18n.Language) -> str:
    console = Console(width=400, record=True, file=io.StringIO())
    with i18n.use(language):
        for result in results:
            print_press(console, result)
            if result.supported:
                console.print(result.supported)
    return console.export_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_press_lines_have_no_english_left(language: i18n.Language) -> None:
    results = _checks(language)
    assert {r.verdict for r in results} == {"on", "close", "off", "cannot tell"}
    text = _printed(results, language)
    assert english_left(text, language) == []
    assert "LI4" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_verdict_is_the_same_in_every_language(language: i18n.Language) -> None:
    english, translated = _checks("en"), _checks(language)
    keep = ("verdict", "distance_cun", "certainty", "target")
    assert [r.model_dump(include=set(keep)) for r in english] == [
        r.model_dump(include=set(keep)) for r in translated
    ]
    # the words differ: directions, advice and the picture to take
    pairs = [(e, t) for e, t in zip(english, translated, strict=True) if e.direction]
    assert pairs and all(e.direction != t.direction for e, t in pairs)
    assert all(e.advice != t.advice for e, t in zip(english, translated, strict=True))


def test_directions_read_in_the_persons_words() -> None:
    target = target_hand(200.0, 0.0, False)
    spot, placement, _cun = hand_spot(target, "LI4", 0.8, 0.0, False)
    presser = presser_at(spot, 200.0, (placement.x, placement.y))
    with i18n.use("es"):
        spanish = judge("LI4", [target, presser], None)
    with i18n.use("zh-Hans"):
        chinese = judge("LI4", [target, presser], None)
    assert spanish.direction == "hacia la muñeca" and "muévase un poco" in spanish.advice
    assert chinese.direction == "朝手腕" and "朝手腕" in chinese.advice


def test_the_scan_finds_english_press_lines() -> None:
    text = _printed(_checks("en"), "en")
    assert len(english_left(text, "es")) >= 5 and len(english_left(text, "zh-Hans")) >= 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_camera_advice_per_point_is_translated(language: i18n.Language) -> None:
    """Where each point is, what to show and the picture to take, for every point."""
    from acupressure import atlas
    from acupressure.vision import advice

    lines = []
    with i18n.use(language):
        for point in atlas.all_points():
            for side in ("left", "right", None):
                lines.append(advice.where(point.code, side))
            lines += [advice.show(point.code), advice.picture(point.code)]
    text = "\n".join(lines)
    assert english_left(text, language) == []
    english = []
    with i18n.use("en"):
        english = [advice.show(p.code) for p in atlas.all_points()]
    assert len(english_left("\n".join(english), language)) >= 5  # the scan sees English


@pytest.mark.vision
@pytest.mark.parametrize("language", LANGUAGES)
def test_locate_press_prints_in_the_language(language: i18n.Language, tmp_path: Path) -> None:
    """The real command with real MediaPipe: a grey picture shows nothing, so "cannot tell"
    with what to change, in the language."""
    import numpy as np
    from PIL import Image
    from typer.testing import CliRunner

    from acupressure.cli import app

    grey = tmp_path / "grey.png"
    Image.fromarray(np.full((480, 640, 3), 128, np.uint8)).save(grey)
    result = CliRunner().invoke(
        app, ["--lang", language, "locate", str(grey), "--press", "LI4"], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 0, result.output
    assert {"es": "no se sabe", "zh-Hans": "无法判断"}[language] in result.output
    assert english_left(result.output, language) == []
