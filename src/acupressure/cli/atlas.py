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
    from rich.console import RenderableType
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
        table.add_column(column, overflow="fold")
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
    """The point's card: where, how, cautions and sources. Numbered steps and cautions are
    folded beside their number or dash (`labelled`), so nothing is cut in any language."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from acupressure.cli.views.text import labelled

    t = p.technique
    hold = f"{t.hold_seconds}" + (f"-{t.hold_seconds_max}" if t.hold_seconds_max else "")
    reps = f"{t.repetitions}" + (f"-{t.repetitions_max}" if t.repetitions_max else "")
    parts: list[RenderableType] = []
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
    body.append(p.location.standard)
    parts += [body, _numbered(p.location.how_to_find)]
    body = Text()
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
    )
    parts += [body, _numbered(t.steps)]
    extra = [_("Breathing: {text}").format(text=t.breathing)] if t.breathing else []
    extra += [
        _("If {when}: {instruction}").format(when=v.when, instruction=v.instruction)
        for v in t.variants
    ]
    if extra:
        parts.append(Text("\n".join(extra)))
    heading = Text("\n" + _("Cautions"), "bold underline")
    mark = review_mark(atlas.reviewer())
    if mark:
        heading.append("\n" + mark, "yellow")
    parts.append(heading)
    pregnancy = _("Pregnancy ({policy}): {note}").format(
        policy=PREGNANCY[p.pregnancy.policy], note=p.pregnancy.note
    )
    cautions = [("-", pregnancy)]
    cautions += [("-", f"{c.text} [{', '.join(c.sources)}]") for c in p.precautions]
    parts.append(labelled(cautions, indent=0))
    tail = Text()
    aliases = p.aliases if current() == "en" else [a for a in p.aliases if standard_code(a)]
    if aliases:
        tail.append("\n" + _("Also called: {names}").format(names=", ".join(aliases)))
    tail.append("\n" + _("Sources: {ids}").format(ids=", ".join(sorted(p.cited_sources()))))
    parts.append(tail)
    return Panel(
        Group(*parts),
        title=Text(_("{code} (article: {label})").format(code=p.code, label=p.article.label)),
        expand=False,
    )


def _numbered(lines: list[str]) -> RenderableType:
    from acupressure.cli.views.text import labelled

    return labelled([(f"{n}.", line) for n, line in enumerate(lines, 1)])
