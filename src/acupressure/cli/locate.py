"""`acupressure locate IMAGE`: find points on a photo of the person's own body."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.table import Table

from acupressure import atlas
from acupressure.cli._common import EXIT_NOT_FOUND, console, err_console, fail, print_json

View = Literal["front", "back"]


def locate(
    image: Annotated[Path, typer.Argument(help="The photo: JPEG, PNG or WebP.")],
    points: Annotated[
        str | None,
        typer.Option(
            "--points",
            help="Codes or aliases, comma-separated (LI4,TE3). Default: every point.",
        ),
    ] = None,
    view: Annotated[
        View | None,
        typer.Option(help="Which side of the body faces the camera (default: from the face)."),
    ] = None,
    mirrored: Annotated[
        bool, typer.Option("--mirrored", help="The photo is a mirrored selfie preview.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write an annotated PNG with the points marked."),
    ] = None,
) -> None:
    """Find acupressure points on a photo: which hand or side shows, and where each point is.

    Needs the optional extra: install acupressure[vision].
    """
    from acupressure import vision

    if not vision.available():
        fail(vision.INSTALL_HINT)
    from acupressure.vision.annotate import PNG_LEVEL, annotate
    from acupressure.vision.detect import Detector
    from acupressure.vision.images import load_path
    from acupressure.vision.locate import NothingFoundError, locate_photo, request
    from acupressure.vision.quiet import native_stderr_silenced

    if output is not None:  # checked before the slow part, and again when writing
        if output.suffix.lower() != ".png":
            fail(f"{output}: the annotated image must be a .png file")
        if output.is_dir() or not output.parent.is_dir():
            fail(f"cannot write {output}: not a file in an existing folder")
    queries = [q.strip() for q in points.split(",") if q.strip()] if points else None
    try:
        wanted = request(queries)
    except atlas.PointNotFoundError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except ValueError as exc:
        fail(str(exc))
    try:
        photo = load_path(image)
    except vision.BadImageError as exc:
        fail(f"{image}: {exc}")
    detector = Detector()
    try:
        with native_stderr_silenced():
            result = locate_photo(photo, wanted, detector, mirrored=mirrored, facing=view)
    except NothingFoundError as exc:
        fail(f"{image}: {exc}")
    finally:
        with native_stderr_silenced():
            detector.close()
    if output is not None:
        try:
            annotate(photo, result).save(output, "PNG", compress_level=PNG_LEVEL)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
        err_console.print(f"annotated image written to {output}", highlight=False)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    for warning in result.warnings:
        err_console.print(f"warning: {warning}", highlight=False)
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
