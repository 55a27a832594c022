"""The intake options, defined once: `plan` and `session` take them through ``intake_options``.

A command decorated with :func:`intake_options` declares one parameter ``intake: Intake``;
the decorator gives Typer the intake options (``--area`` ... ``--seen-clinician``) in its
place and hands the command the validated and screened intake (bad input exits 2 with one
line).

No routine without screening: the pregnancy answer comes from ``--pregnant`` (with
``--trimester``), ``--maybe-pregnant`` or ``--not-pregnant``, or, in a terminal, from asking
"pregnant, might be, or trying to conceive?" and the trimester, first. The red-flag answers
come from ``--red-flag ID`` (the yes answers, no to the rest), ``--no-red-flags`` (no to
every question), or, in a terminal, from asking the questions relevant to this person's
routine (:func:`screened_intake`). Without a terminal, a missing answer is exit 2 with one
line naming its options.
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from collections.abc import Callable
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from acupressure.atlas.models import AREAS
from acupressure.cli.common import fail
from acupressure.cli.views.questions import Pregnancy, ask_pregnancy, ask_red_flags
from acupressure.i18n import N_, validation
from acupressure.i18n import gettext as _
from acupressure.plan import questions
from acupressure.safety import Intake

AreaOpt = Annotated[
    list[str],
    typer.Option(
        "--area",
        metavar="AREA",
        help=f"Where it hurts: {', '.join(AREAS[:-1])} or {AREAS[-1]}; repeatable.",
        show_default=False,
    ),
]
PregnantOpt = Annotated[bool, typer.Option("--pregnant", help="You are pregnant.")]
MaybePregnantOpt = Annotated[
    bool,
    typer.Option(
        "--maybe-pregnant",
        help="You might be pregnant or are trying to conceive: treated as pregnant, "
        "trimester unknown.",
    ),
]
NotPregnantOpt = Annotated[
    bool,
    typer.Option(
        "--not-pregnant",
        help="You are not pregnant, cannot be, and are not trying to conceive.",
    ),
]
TrimesterOpt = Annotated[
    int | None,
    typer.Option(
        metavar="N", help="Trimester 1, 2 or 3 (with --pregnant); left out means unknown."
    ),
]
HelperOpt = Annotated[
    bool, typer.Option("--helper", help="Someone can press the points you cannot reach.")
]
MinutesOpt = Annotated[
    int | None,
    typer.Option(metavar="N", help="Time budget; the lowest-priority points are dropped to fit."),
]
ConditionOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--condition",
        metavar="ID",
        help="A condition that changes the routine (see docs/cli.md for ids); repeatable.",
        show_default=False,
    ),
]
RedFlagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--red-flag",
        metavar="ID",
        help="A safety question you answer yes to (ids: `acupressure screen --list`); "
        "repeatable. Every other question counts as answered no.",
        show_default=False,
    ),
]
NoRedFlagsOpt = Annotated[
    bool,
    typer.Option(
        "--no-red-flags",
        help="I answered no to every safety question (see `acupressure screen --list`).",
    ),
]
SeenOpt = Annotated[
    bool,
    typer.Option(
        "--seen-clinician",
        help="A clinician has assessed the 'see a doctor soon' problems you answer yes to.",
    ),
]
NOT_SCREENED = N_(
    "the safety questions are not answered: run this in a terminal to be asked them, or give "
    "--no-red-flags (no to every question) or --red-flag ID for each yes"
)
NOT_ASKED_PREGNANCY = N_(
    "the pregnancy question is not answered: run this in a terminal to be asked it, or give "
    "--pregnant (with --trimester N when known), --maybe-pregnant or --not-pregnant"
)


# The option that gives each field of the intake (for error messages).
OPTION_OF = {
    "areas": "--area",
    "minutes": "--minutes",
    "trimester": "--trimester",
    "conditions": "--condition",
    "red_flags": "--red-flag",
}


def _option(name: str, kind: Any, default: Any = inspect.Parameter.empty) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)


# In the order --help lists them; the names are make_intake's own.
INTAKE_OPTIONS = [
    _option("area", AreaOpt),
    _option("pregnant", PregnantOpt, False),
    _option("maybe_pregnant", MaybePregnantOpt, False),
    _option("not_pregnant", NotPregnantOpt, False),
    _option("trimester", TrimesterOpt, None),
    _option("helper", HelperOpt, False),
    _option("minutes", MinutesOpt, None),
    _option("condition", ConditionOpt, None),
    _option("red_flag", RedFlagOpt, None),
    _option("no_red_flags", NoRedFlagsOpt, False),
    _option("seen_clinician", SeenOpt, False),
]


def intake_options(command: Callable[..., None]) -> Callable[..., None]:
    """Replace the command's ``intake`` parameter by the intake options (listed first)."""
    hints = typing.get_type_hints(command, include_extras=True)  # resolve string annotations
    own = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=hints[p.name])
        for p in inspect.signature(command).parameters.values()
        if p.name != "intake"
    ]

    @functools.wraps(command)
    def with_intake(**kwargs: Any) -> None:
        given = {p.name: kwargs.pop(p.name) for p in INTAKE_OPTIONS}
        no_red_flags = given.pop("no_red_flags")
        not_pregnant = given.pop("not_pregnant")
        answered = pregnancy_answered(given["pregnant"], given["maybe_pregnant"], not_pregnant)
        intake = make_intake(*given.values())
        screened = screened_intake(intake, answered, no_red_flags, given["red_flag"])
        command(intake=screened, **kwargs)

    parameters = [*INTAKE_OPTIONS, *own]
    with_intake.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    with_intake.__annotations__ = {p.name: p.annotation for p in parameters}
    return with_intake


def pregnancy_answered(pregnant: bool, maybe_pregnant: bool, not_pregnant: bool) -> bool:
    """Whether the options answer the pregnancy question; two answers are exit 2."""
    given = [pregnant, maybe_pregnant, not_pregnant]
    if sum(given) > 1:
        fail(_("give one of --pregnant, --maybe-pregnant and --not-pregnant"))
    return any(given)


def screened_intake(
    intake: Intake, pregnancy: bool, no_red_flags: bool, red_flag: list[str] | None
) -> Intake:
    """The intake with its pregnancy and screening answers, from the options or asked in a
    terminal: pregnancy first (it decides which questions matter), then the red flags.

    ``intake`` already holds ``red_flag`` as its yes answers (validated); ``pregnancy`` says
    whether an option answered the pregnancy question."""
    if no_red_flags and red_flag:
        fail(_("--no-red-flags and --red-flag contradict each other; give one of them"))
    screened = no_red_flags or bool(red_flag)
    if not sys.stdin.isatty():
        if not screened:
            fail(_(NOT_SCREENED))
        if not pregnancy:
            fail(_(NOT_ASKED_PREGNANCY))
    if not pregnancy:
        intake = with_pregnancy(intake, ask_pregnancy())
    if screened:
        return intake
    answers = ask_red_flags(questions(intake))
    data = intake.model_dump()
    data["red_flags"] = answers.raised
    data["seen_clinician"] = intake.seen_clinician or (
        bool(answers.raised) and answers.seen_clinician
    )
    return Intake.model_validate(data)


def with_pregnancy(intake: Intake, answer: Pregnancy) -> Intake:
    """The intake with this pregnancy answer in place of its own."""
    data = intake.model_dump()
    data.update(pregnant=answer.pregnant, maybe_pregnant=False, trimester=answer.trimester)
    return Intake.model_validate(data)


def make_intake(
    areas: list[str],
    pregnant: bool,
    maybe_pregnant: bool,
    trimester: int | None,
    helper: bool,
    minutes: int | None,
    conditions: list[str] | None,
    red_flags: list[str] | None,
    seen_clinician: bool,
) -> Intake:
    """Build and validate the intake; bad input exits 2 with one line."""
    if not areas:
        fail(_("give at least one --area ({areas})").format(areas=", ".join(AREAS)))
    for area in areas:
        if area not in AREAS:
            fail(
                _("--area {value}: not an area here; choose {areas}").format(
                    value=area, areas=", ".join(AREAS)
                )
            )
    if trimester is not None and trimester not in (1, 2, 3):
        fail(_("--trimester must be 1, 2 or 3, not {value}").format(value=trimester))
    if maybe_pregnant and trimester is not None:
        fail(_("--trimester goes with --pregnant; with --maybe-pregnant the trimester is unknown"))
    return validated_intake(
        {
            "areas": areas,
            "pregnant": pregnant,
            "maybe_pregnant": maybe_pregnant,
            "trimester": trimester,
            "helper": helper,
            "minutes": minutes,
            "conditions": conditions or [],
            "red_flags": red_flags or [],
            "seen_clinician": seen_clinician,
        }
    )


def validated_intake(data: dict[str, Any]) -> Intake:
    """The intake from the options' values; bad input exits 2 with one line naming the
    option."""
    try:
        return Intake.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        message = validation.message(error)
        option = OPTION_OF.get(field, field)
        fail(f"{option}: {message}" if option else message)
