"""`acupressure locate` in the terminal: a requested point that has a row in a table (with
its reason as the note) is not repeated on stderr; one with no row is said there once."""

from __future__ import annotations

import io

from rich.console import Console

from acupressure.cli.views.locate import print_result
from acupressure.vision.result import Detection, ImageSize, LocateResult, NotPlaced, PlacedPoint

BACK = "on the back of the body: turn your back to the camera"


def _result() -> LocateResult:
    row = PlacedPoint(
        code="BL23", side=None, x=None, y=None, radius=None, on_visible_side=False, note=BACK
    )
    body = Detection(
        kind="body",
        hand=None,
        facing="front",
        confidence=0.9,
        size=200.0,
        small=False,
        landmarks=[],
        points=[row],
    )
    return LocateResult(
        image=ImageSize(width=640, height=480),
        detections=[body],
        warnings=[],
        not_placed=[NotPlaced(code="BL23", reason=BACK), NotPlaced(code="LI4", reason="no hand")],
    )


def test_not_placed_lines_are_not_repeated() -> None:
    out, err = io.StringIO(), io.StringIO()
    print_result(Console(file=out, width=100), Console(file=err, width=100), _result())
    assert "not placed: LI4: no hand" in err.getvalue()  # no row anywhere: said once
    assert "BL23" not in err.getvalue()  # its row says why
    assert out.getvalue().count("BL23") == 1 and BACK.split(":")[0] in out.getvalue()
