"""The terminal view of a localisation: warnings, the press verdict, the requested points
that could not be placed (with why), then one table per hand or body."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from acupressure.vision.press import PressResult
from acupressure.vision.result import LocateResult


def print_result(console: Console, err_console: Console, result: LocateResult) -> None:
    for warning in result.warnings:
        err_console.print(f"warning: {warning}", highlight=False)
    if result.press is not None:
        print_press(console, result.press)
    for missing in result.not_placed:
        err_console.print(f"not placed: {missing.code}: {missing.reason}", highlight=False)
    for detection in result.detections:
        who = f"{detection.hand} hand" if detection.kind == "hand" else "body"
        small = " (small in the picture: less reliable)" if detection.small else ""
        table = Table(title=f"{who}, {detection.facing} towards the camera{small}")
        for column in ("Point", "Side", "x", "y", "± px", "Note"):
            table.add_column(column)
        for p in detection.points:
            placed = p.x is not None and p.y is not None
            table.add_row(
                p.code,
                p.side or "",
                f"{p.x:.0f}" if placed and p.x is not None else "-",
                f"{p.y:.0f}" if placed and p.y is not None else "-",
                f"{p.radius:.0f}" if p.radius is not None else "-",
                p.note,
            )
        console.print(table)


def print_press(console: Console, press: PressResult) -> None:
    sure = f" (certainty: {press.certainty})" if press.certainty else ""
    where = f", {press.distance_cun:.1f} cun from it" if press.distance_cun is not None else ""
    by = ""
    if press.presser.fingertip:
        hand = f"{press.presser.hand} " if press.presser.hand else ""
        tip = "thumb" if press.presser.fingertip == "thumb" else f"{press.presser.fingertip} finger"
        by = f" ({hand}{tip})"
    console.print(f"{press.code}: {press.verdict}{where}{by}{sure}", highlight=False)
    console.print(f"  {press.advice}", highlight=False)
    if press.covered:
        console.print(
            "  the pressing hand covers part of the other hand, so that hand's landmarks are "
            "less sure",
            highlight=False,
        )
