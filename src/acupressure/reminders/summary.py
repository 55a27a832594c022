"""The weekly summary email's words: sessions done of due last week, and the pain trend.

Pure: the caller gives the week's adherence and the pain scores (0 to 10) the person gave
before their sessions last week and the week before.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from acupressure.i18n import Language, use
from acupressure.i18n import gettext as _

CHANGE = 1.0  # an average moving less than one point is "about the same"


@dataclass(frozen=True)
class WeeklySummary:
    subject: str
    sessions: str
    pain: str


def pain_words(last: list[int], before: list[int]) -> str:
    """The pain trend in words, from the averages of last week and the week before."""
    if not last:
        return _("No pain scores were given last week.")
    now = round(fmean(last), 1)
    if not before:
        return _("Your pain before sessions last week: {now} of 10 on average.").format(now=now)
    then = round(fmean(before), 1)
    if now <= then - CHANGE:
        text = _("Your pain went down: {now} of 10 on average, from {then} the week before.")
    elif now >= then + CHANGE:
        text = _("Your pain went up: {now} of 10 on average, from {then} the week before.")
    else:
        text = _("Your pain stayed about the same: {now} of 10 on average ({then} before).")
    return text.format(now=now, then=then)


def weekly_summary(
    week: int, done: int, due: int, last: list[int], before: list[int], language: Language
) -> WeeklySummary:
    """The summary of program week ``week``, in ``language``."""
    with use(language):
        return WeeklySummary(
            subject=_("Your acupressure week {week}").format(week=week),
            sessions=_("Last week you did {done} of {due} sessions.").format(done=done, due=due),
            pain=pain_words(last, before),
        )
