"""What a reminder says: the routine's name and how long it takes, in the person's language.

A notification may show on a locked screen, so it carries no health detail: no pain scores,
no conditions, no point names; only the routine's name (its areas) and its length.
"""

from __future__ import annotations

from dataclasses import dataclass

from acupressure.atlas import labels
from acupressure.i18n import Language, use
from acupressure.i18n import gettext as _
from acupressure.reminders.timing import ReminderKind


@dataclass(frozen=True)
class Action:
    name: str  # "start", "later", "skip": the service worker's action ids
    title: str


@dataclass(frozen=True)
class Notice:
    title: str
    body: str
    actions: tuple[Action, ...]


def routine_name(areas: list[str]) -> str:
    """'Neck and shoulders routine': the areas' labels in the current language."""
    names = [labels.AREAS[a] for a in labels.AREAS if a in areas] or [_("Acupressure")]
    joined = (
        names[0]
        if len(names) == 1
        else _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])
    )
    return _("{areas} routine").format(areas=joined)


def notice(kind: ReminderKind, areas: list[str], minutes: int, language: Language) -> Notice:
    """The notification (or email subject and first line) for one reminder."""
    with use(language):
        name = routine_name(areas)
        if kind == "check":
            return Notice(
                title=_("Time for your weekly check"),
                body=_("{routine}: a few questions, about 2 minutes.").format(routine=name),
                actions=(Action("start", _("Open it")), Action("later", _("Later"))),
            )
        return Notice(
            title=_("Time for your acupressure"),
            body=_("{routine}: about {minutes} min.").format(routine=name, minutes=minutes),
            actions=(
                Action("start", _("Start now")),
                Action("later", _("Later")),
                Action("skip", _("Skip today")),
            ),
        )
