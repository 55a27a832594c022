"""The terminal view of a localisation: warnings, the press verdict, the requested points
that could not be placed and have no row in a table (with why), then one table per hand or
body."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from acupressure.i18n import N_, Labels, number
from acupressure.i18n import gettext as _
from acupressure.vision.press import MEMORY_UNUSED, PressResult
from acupressure.vision.result import LocateResult
from acupressure.vision.words import FACING, SIDE

# What the table calls each hand, body and facing (MediaPipe's and the orientation's words).
WHO = Labels({"left": N_("left hand"), "right": N_("right hand"), "body": N_("body")})


def print_result(console: Console, err_console: Console, result: LocateResult) -> None:
    for warning in result.warnings:
        err_console.print(_("warning: {text}").format(text=warning), highlight=False)
    if result.press is not None:
        print_press(console, result.press)
    in_a_table = {p.code for d in result.detections for p in d.points}
    for missing in result.not_placed:
        if missing.code in in_a_table:  # its row already says why (no position, a note)
            continue
        text = _("not placed: {code}: {reason}").format(code=missing.code, reason=missing.reason)
        err_console.print(text, highlight=False)
    for detection in result.detections:
        who = WHO[str(detection.hand)] if detection.kind == "hand" else WHO["body"]
        title = _("{who}, {facing} towards the camera").format(
            who=who, facing=FACING.get(str(detection.facing), str(detection.facing))
        )
        if detection.small:
            title += _(" (small in the picture: less reliable)")
        table = Table(title=title)
        for column in (_("Point"), _("Side"), "x", "y", "± px", _("Note")):
            table.add_column(column, overflow="fold")
        for p in detection.points:
            placed = p.x is not None and p.y is not None
            table.add_row(
                p.code,
                SIDE.get(p.side, p.side) if p.side else "",
                f"{p.x:.0f}" if placed and p.x is not None else "-",
                f"{p.y:.0f}" if placed and p.y is not None else "-",
                f"{p.radius:.0f}" if p.radius is not None else "-",
                p.note,
            )
        console.print(table)


VERDICT = Labels(
    {"on": N_("on"), "close": N_("close"), "off": N_("off"), "cannot tell": N_("cannot tell")}
)
CERTAINTY = Labels({"high": N_("high"), "medium": N_("medium"), "low": N_("low")})
TIP = Labels({"thumb": N_("thumb"), "index": N_("index finger"), "middle": N_("middle finger")})
PRESSING = Labels({"left": N_("left hand"), "right": N_("right hand")})


def print_press(console: Console, press: PressResult) -> None:
    line = f"{press.code}: {VERDICT[press.verdict]}"
    if press.distance_cun is not None:
        line += _(", {cun} cun from it").format(cun=number(press.distance_cun, 1))
    if press.presser.fingertip:
        tip = TIP[press.presser.fingertip]
        if press.presser.hand:
            tip = _("{hand}, {finger}").format(hand=PRESSING[press.presser.hand], finger=tip)
        line += f" ({tip})"
    if press.certainty:
        line += " " + _("(certainty: {level})").format(level=CERTAINTY[press.certainty])
    console.print(line, highlight=False)
    console.print(f"  {press.advice}", highlight=False)
    if press.remembered:
        console.print(
            "  "
            + _("placed on the photo of the hand alone, which the pressing hand does not cover"),
            highlight=False,
        )
    elif press.not_remembered:
        console.print(
            "  "
            + _("the photo of the hand alone was not used: {reason}").format(
                reason=MEMORY_UNUSED[press.not_remembered]
            ),
            highlight=False,
        )
    if press.covered and not press.remembered:
        console.print(
            "  "
            + _(
                "the pressing hand covers part of the other hand, so that hand's landmarks "
                "are less sure"
            ),
            highlight=False,
        )
