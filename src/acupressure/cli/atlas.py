"""`acupressure points` and `acupressure point CODE`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from acupressure import atlas
from acupressure.atlas.aliases import standard_code
from acupressure.atlas.labels import PERFORMER, SIDES
from acupressure.atlas.models import Point, Region
from acupressure.cli.common import EXIT_NOT_FOUND, console, fail, print_json

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
    table = Table(title="Acupressure points for back, neck and shoulder pain")
    for column in ("Code", "Name", "Region", "Who", "Pregnancy", "Old codes"):
        table.add_column(column)
    for p in selected:
        table.add_row(
            p.code,
            f"{p.names.pinyin} {p.names.hanzi}\n{p.names.english}",
            p.region,
            PERFORMER[p.technique.performer],
            p.pregnancy.policy,
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
                title=Text(f"Note on the label {code!r}"),  # Text: what was typed, not markup
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
    body.append(f"{p.laterality}, {p.region}; helps: {', '.join(p.areas)}\n\n")
    body.append("Where\n", "bold underline")
    body.append(p.location.standard + "\n")
    for number, step in enumerate(p.location.how_to_find, 1):
        body.append(f"  {number}. {step}\n")
    body.append("\nHow\n", "bold underline")
    body.append(f"Who: {PERFORMER[t.performer].lower()}. Posture: {t.posture_note}\n")
    body.append(f"Press with: {t.method.rstrip('.')} ({t.pressure} pressure)\n")
    times = "once" if reps == "1" else f"{reps} times"
    body.append(f"Dose: hold {hold} s, {times}, resting {t.rest_seconds} s between; ")
    body.append(f"sides: {SIDES[t.sides]}; {t.frequency}\n")
    for number, step in enumerate(t.steps, 1):
        body.append(f"  {number}. {step}\n")
    if t.breathing:
        body.append(f"Breathing: {t.breathing}\n")
    for variant in t.variants:
        body.append(f"if {variant.when}: {variant.instruction}\n")
    body.append("\nCautions\n", "bold underline")
    body.append(f"pregnancy ({p.pregnancy.policy}): {p.pregnancy.note}\n")
    for caution in p.precautions:
        body.append(f"- {caution.text} [{', '.join(caution.sources)}]\n")
    if p.aliases:
        body.append(f"\nAlso called: {', '.join(p.aliases)}\n")
    body.append(f"Sources: {', '.join(sorted(p.cited_sources()))}")
    return Panel(body, title=Text(f"{p.code} (article: {p.article.label})"), expand=False)
