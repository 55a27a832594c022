"""`acupressure handout` ("My routine" PDF) and `acupressure report` ("My progress" PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from acupressure.cli.common import console, err_console, fail
from acupressure.cli.links import printed_base
from acupressure.cli.options import intake_options
from acupressure.cli.program import now, pick, refuse_if_blocked, store
from acupressure.cli.views.plan import print_plan
from acupressure.i18n import gettext as _
from acupressure.program import ProgramError, design
from acupressure.safety import Intake

PaperOpt = Annotated[
    str, typer.Option("--paper", metavar="a4|letter", help="Paper size: a4 or letter.")
]
ProgramOpt = Annotated[
    int | None,
    typer.Option("--program", metavar="ID", help="A stored program (see `program list`)."),
]


def _output(path: Path) -> Path:
    if path.suffix.lower() != ".pdf":
        fail(_("{path}: the output must end in .pdf").format(path=path))
    return path


def _paper(text: str) -> Literal["a4", "letter"]:
    if text.lower() not in ("a4", "letter"):
        fail(_("--paper must be a4 or letter, not {value!r}").format(value=text))
    return "letter" if text.lower() == "letter" else "a4"


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        fail(f"{path}: {exc.strerror}")
    err_console.print(_("Wrote {path}").format(path=path), highlight=False)


@intake_options
def handout(
    intake: Intake,
    output: Annotated[Path, typer.Option("-o", "--output", help="The PDF to write.")],
    weeks: Annotated[
        int, typer.Option(min=1, max=52, metavar="N", help="Weeks in the schedule (1-52).")
    ] = 6,
    paper: PaperOpt = "a4",
    link: Annotated[
        str | None,
        typer.Option(
            metavar="URL",
            help="Address the QR code opens (the guided session); default: "
            "ACUPRESSURE_PUBLIC_URL, else http://127.0.0.1:8000/ (this computer only).",
        ),
    ] = None,
) -> None:
    """ "My routine" as a PDF: each point's chart, how to find it, technique, timing,
    cautions, the schedule and a QR code. Screened like `plan` (exit 4 if blocked); the
    routine it holds is shown here too.

    A stored program's routine is on the web: /program/ID/routine.pdf.
    """
    from acupressure.exports.handout import routine_pdf

    path, size = _output(output), _paper(paper)
    target = printed_base(link, "--link")
    target = target if link else target + "/"
    refuse_if_blocked(intake)
    try:
        made = design(intake, now().astimezone().date(), weeks)
    except ProgramError as exc:
        fail(str(exc))
    print_plan(console, made.plan)  # what the handout holds, cautions included
    _write(path, routine_pdf(made.plan, made.schedule, made.extra_points, target, size))


def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="The PDF to write.")],
    program: ProgramOpt = None,
    paper: PaperOpt = "a4",
) -> None:
    """ "My progress" as a PDF: pain over the weeks with the band of meaningful change,
    activities, change rating and adherence, to bring to a clinician."""
    from acupressure.exports.progress import progress_pdf

    path, size = _output(output), _paper(paper)
    s = store()  # sets up Django before the store's models are imported
    from acupressure.records.program_store import program_summary

    found = pick(s, program) if program is not None else next(iter(s.all()), None)
    if found is None:
        fail(
            _("no program yet ({command})").format(
                command="acupressure program create --area AREA"
            ),
            3,
        )
    _write(path, progress_pdf(found, program_summary(s, found, now()), size))
