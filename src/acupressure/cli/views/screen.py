"""`acupressure screen --list` in the terminal: every safety question in full, with its id,
urgency, when it is asked and its sources, in the current language (nothing is cut: each
question is its own paragraph, folded at any width)."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from acupressure.atlas.labels import AREAS
from acupressure.cli.views.text import labelled
from acupressure.i18n import N_, Labels, review_mark
from acupressure.i18n import gettext as _
from acupressure.safety import RedFlag, reviewer

URGENCY = Labels({"emergency": N_("emergency: get help now"), "soon": N_("see a doctor soon")})


def asked_when(flag: RedFlag) -> str:
    """When the question is asked, in words: always, or for areas, points, pregnancy."""
    when = flag.asked_when
    if when is None:
        return _("always")
    parts = []
    if when.areas:
        parts.append(_("area: {areas}").format(areas=", ".join(AREAS[a] for a in when.areas)))
    if when.points:
        parts.append(_("a routine with {codes}").format(codes=", ".join(when.points)))
    if when.intake:
        parts.append(_("pregnant or might be"))
    return _("; or ").join(parts)


def print_flag_list(console: Console, flags: list[RedFlag]) -> None:
    console.print(Text(_("Safety questions ({count})").format(count=len(flags)), "bold"))
    mark = review_mark(reviewer("red_flags"))
    if mark:
        console.print(Text(mark, "yellow"))
    for flag in flags:
        head = Text()
        head.append(flag.id, "bold")
        head.append(f"  ·  {URGENCY[flag.urgency]}  ·  ")
        head.append(_("asked: {when}").format(when=asked_when(flag)))
        console.print()
        console.print(head, highlight=False)
        console.print(labelled([("?", flag.question)]))
        sources = _("Sources: {ids}").format(ids=", ".join(flag.sources))
        console.print(Padding(Text(sources, "dim"), (0, 0, 0, 4)), highlight=False)
