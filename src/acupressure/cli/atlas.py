"""`acupressure points` and `acupressure point CODE`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from acupressure import atlas
from acupressure.atlas.aliases import standard_code
from acupressure.atlas.labels import AREAS as AREA_LABELS
from acupressure.atlas.labels import (
    LATERALITY,
    PERFORMER,
    PREGNANCY,
    PRESSURE,
    REGIONS,
    SIDES,
)
from acupressure.atlas.models import Point, Region
from acupressure.cli.common import EXIT_NOT_FOUND, console, fail, print_json
from acupressure.i18n import current, review_mark
from acupressure.i18n import gettext as _

if TYPE_CHECKING:
    from rich.panel import Panel

# Rich's tables and panels and the JSON export (with its chart data) are imported by the
# command that uses them, so `acupressure point LI4` loads neither.


def points(
    region: Annotated[
        Region | None, typer.Option(help="Only the points of this group of the article.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the points of the atlas."""
    from rich.table import Table

    from acupressure.atlas.export import point_summary

    selected = atlas.points_in(region) if region else atlas.all_points()
    if as_json:
        print_json([point_summary(p) for p in selected])
        return
    table = Table(title=_("Acupressure points for back, neck and shoulder pain"))
    for column in (_("Code"), _("Name"), _("Region"), _("Who"), _("Pregnancy"), _("Old codes")):
        table.add_column(column)
    for p in selected:
        table.add_row(
            p.code,
            f"{p.names.pinyin} {p.names.hanzi}\n{p.names.english}",
            REGIONS[p.region],
            PERFORMER[p.technique.performer],
            PREGNANCY[p.pregnancy.policy],
            ", ".join(a for a in p.aliases if standard_code(a)),
        )
    console.print(table)


def point(
    code: Annotated[str, typer.Argument(help="A code, old label or name: BL52, B47, LV3, Hegu.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a card.")] = False,
) -> None:
    """Show one point: where it is, how to press it, cautions and sources."""
    try:
        match = atlas.resolve(code)
    except ValueError as exc:
        fail(str(exc))
    except atlas.PointNotFoundError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    if as_json:
        from acupressure.atlas.export import point_detail

        print_json(point_detail(match))
        return
    from rich.panel import Panel
    from rich.text import Text

    for erratum in match.errata:
        console.print(
            Panel(
                Text(erratum.note),
                title=Text(_("Note on the label {label!r}").format(label=code)),
                border_style="yellow",
            )
        )
    console.print(_card(match.point))


def _card(p: Point) -> Panel:
    from rich.panel import Panel
    from rich.text import Text

    t = p.technique
    hold = f"{t.hold_seconds}" + (f"-{t.hold_seconds_max}" if t.hold_seconds_max else "")
    reps = f"{t.repetitions}" + (f"-{t.repetitions_max}" if t.repetitions_max else "")
    body = Text()
    body.append(f"{p.names.pinyin} {p.names.hanzi} · {p.names.english} · {p.channel}\n", "bold")
    areas = ", ".join(AREA_LABELS[a] for a in p.areas)
    body.append(
        _("{laterality}, {region}; helps: {areas}").format(
            laterality=LATERALITY[p.laterality], region=REGIONS[p.region], areas=areas
        )
        + "\n\n"
    )
    body.append(_("Where") + "\n", "bold underline")
    body.append(p.location.standard + "\n")
    for number, step in enumerate(p.location.how_to_find, 1):
        body.append(f"  {number}. {step}\n")
    body.append("\n" + _("How") + "\n", "bold underline")
    body.append(
        _("Who: {who}. Posture: {posture}").format(
            who=PERFORMER[t.performer], posture=t.posture_note
        )
        + "\n"
    )
    body.append(
        _("Press with: {method} ({pressure} pressure)").format(
            method=t.method.rstrip("."), pressure=PRESSURE[t.pressure]
        )
        + "\n"
    )
    times = _("once") if reps == "1" else _("{count} times").format(count=reps)
    body.append(
        _(
            "Dose: hold {hold} s, {times}, resting {rest} s between; sides: {sides}; {frequency}"
        ).format(
            hold=hold, times=times, rest=t.rest_seconds, sides=SIDES[t.sides], frequency=t.frequency
        )
        + "\n"
    )
    for number, step in enumerate(t.steps, 1):
        body.append(f"  {number}. {step}\n")
    if t.breathing:
        body.append(_("Breathing: {text}").format(text=t.breathing) + "\n")
    for variant in t.variants:
        body.append(
            _("If {when}: {instruction}").format(when=variant.when, instruction=variant.instruction)
            + "\n"
        )
    body.append("\n" + _("Cautions") + "\n", "bold underline")
    mark = review_mark(atlas.reviewer())
    if mark:
        body.append(mark + "\n", "yellow")
    body.append(
        _("Pregnancy ({policy}): {note}").format(
            policy=PREGNANCY[p.pregnancy.policy], note=p.pregnancy.note
        )
        + "\n"
    )
    for caution in p.precautions:
        body.append(f"- {caution.text} [{', '.join(caution.sources)}]\n")
    aliases = p.aliases if current() == "en" else [a for a in p.aliases if standard_code(a)]
    if aliases:
        body.append("\n" + _("Also called: {names}").format(names=", ".join(aliases)) + "\n")
    body.append(_("Sources: {ids}").format(ids=", ".join(sorted(p.cited_sources()))))
    return Panel(
        body,
        title=Text(_("{code} (article: {label})").format(code=p.code, label=p.article.label)),
        expand=False,
    )
