"""`acupressure chart CODE [CODE...] -o FILE.svg|.png`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from acupressure import atlas, charts
from acupressure.cli.common import EXIT_NOT_FOUND, err_console, fail
from acupressure.i18n import gettext as _


def chart(
    codes: Annotated[
        list[str], typer.Argument(help="One or more codes, old labels or names: BL23 B47 Hegu.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the chart: FILE.svg or FILE.png.")
    ],
) -> None:
    """Draw points on their body views, with the guide to find them, as SVG or PNG.

    Points on different views (back, neck, front, knee, ankle, hand, foot) get one panel
    each in the same file: the whole figure beside a magnified detail with the guides.
    """
    if output.suffix.lower() not in charts.FORMATS:
        fail(
            _("{file}: the chart must be a .svg or .png file").format(
                file=output.name or repr(str(output))
            )
        )
    points = []
    for code in codes:
        try:
            points.append(atlas.get(code))
        except ValueError as exc:
            fail(str(exc))
        except atlas.PointNotFoundError as exc:
            fail(str(exc), EXIT_NOT_FOUND)
    try:
        charts.write_chart(points, output)
    except OSError as exc:
        fail(_("cannot write {file}: {problem}").format(file=output, problem=exc.strerror or exc))
    err_console.print(_("wrote {file}").format(file=output), markup=False, highlight=False)
