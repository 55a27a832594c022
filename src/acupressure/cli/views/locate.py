"""The terminal view of a localisation: warnings and the requested points that could not be
placed (with why), then one table per hand or body."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from acupressure.vision.result import LocateResult


def print_result(console: Console, err_console: Console, result: LocateResult) -> None:
    for warning in result.warnings:
        err_console.print(f"warning: {warning}", highlight=False)
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
