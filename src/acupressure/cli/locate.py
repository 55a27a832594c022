"""`acupressure locate IMAGE`: find points on a photo of the person's own body."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from acupressure import atlas
from acupressure.cli.common import EXIT_NOT_FOUND, console, err_console, fail, print_json
from acupressure.cli.views.locate import print_result
from acupressure.i18n import gettext as _
from acupressure.vision.orient import ViewFacing

if TYPE_CHECKING:  # the vision modules are imported only when the command runs
    from acupressure.vision.images import Photo
    from acupressure.vision.locate import Request
    from acupressure.vision.result import LocateResult


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
        ViewFacing | None,
        typer.Option(help="Which side of the body faces the camera (default: from the face)."),
    ] = None,
    mirrored: Annotated[
        bool, typer.Option("--mirrored", help="The photo is a mirrored selfie preview.")
    ] = False,
    press: Annotated[
        str | None,
        typer.Option(
            "--press",
            help="A point you are pressing (LI4): say whether the fingertip is on it "
            "(on, close with the way to move, off, or cannot tell with what to change).",
        ),
    ] = None,
    hand_alone: Annotated[
        Path | None,
        typer.Option(
            "--hand-alone",
            help="With --press on a hand point: a photo of the same hand alone, taken just "
            "before from the same place without moving the hand. The point is then placed on "
            "that hand, which the pressing hand does not cover.",
        ),
    ] = None,
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
    if output is not None:  # checked before the slow part, and again when writing
        _check_output(output)
    press_code = _press_code(press)
    if hand_alone is not None and press_code is None:
        fail(_("--hand-alone needs --press: the point you are pressing"))
    wanted = _wanted(points, press_code)
    photo = _load(image)
    alone = _load(hand_alone) if hand_alone is not None else None
    result = _detect(image, photo, wanted, mirrored, view, press_code, alone)
    if output is not None:
        _write_annotated(photo, result, output)
    if as_json:
        print_json(result)
    else:
        print_result(console, err_console, result)


def _load(path: Path) -> Photo:
    """The photo at ``path``; exit 2 with one line when it is not a usable photo."""
    from acupressure import vision
    from acupressure.vision.images import load_path

    if not path.is_file():  # the message names the path itself
        fail(_("{path} is not a file").format(path=path))
    try:
        return load_path(path)
    except vision.BadImageError as exc:
        fail(f"{path}: {exc}")


def _check_output(output: Path) -> None:
    if output.suffix.lower() != ".png":
        fail(_("{file}: the annotated image must be a .png file").format(file=output))
    if output.is_dir() or not output.parent.is_dir():
        fail(_("cannot write {file}: not a file in an existing folder").format(file=output))


def _press_code(press: str | None) -> str | None:
    """The standard code of the point being pressed; exit 3 for an unknown one."""
    if press is None:
        return None
    try:
        return atlas.get(press.strip()).code
    except atlas.PointNotFoundError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except ValueError as exc:
        fail(str(exc))


def _wanted(points: str | None, press: str | None = None) -> Request:
    """The points asked for (codes or aliases, comma-separated), with the one pressed;
    exit 3 for an unknown one."""
    from acupressure.vision.locate import request

    queries = [q.strip() for q in points.split(",") if q.strip()] if points else None
    if press is not None and queries is not None:
        queries.append(press)
    try:
        return request(queries)
    except atlas.PointNotFoundError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except ValueError as exc:
        fail(str(exc))


def _detect(
    image: Path,
    photo: Photo,
    wanted: Request,
    mirrored: bool,
    view: ViewFacing | None,
    press: str | None,
    alone: Photo | None,
) -> LocateResult:
    """Run MediaPipe (its native log lines kept off the terminal) and place the points."""
    from acupressure.vision.detect import Detector
    from acupressure.vision.locate import NothingFoundError, locate_photo
    from acupressure.vision.quiet import native_stderr_silenced

    detector = Detector()
    try:
        with native_stderr_silenced():
            return locate_photo(
                photo, wanted, detector, mirrored=mirrored, facing=view, press=press, alone=alone
            )
    except NothingFoundError as exc:
        fail(f"{image}: {exc}")
    finally:
        with native_stderr_silenced():
            detector.close()


def _write_annotated(photo: Photo, result: LocateResult, output: Path) -> None:
    from acupressure.vision.annotate import PNG_LEVEL, annotate

    try:
        annotate(photo, result).save(output, "PNG", compress_level=PNG_LEVEL)
    except OSError as exc:
        fail(_("cannot write {file}: {problem}").format(file=output, problem=exc.strerror or exc))
    err_console.print(_("annotated image written to {file}").format(file=output), highlight=False)
