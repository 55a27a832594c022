"""Creation limits per person: at most so many new sessions, check-ins and programs in a
sliding window (an hour by default), so that no one fills the database by script.

Counted in the database (the rows the person made in the window), so every server process
and every machine shares the count, and a limit holds across restarts. Past it, the view
raises :class:`TooManyCreatedError`; ``errors.PlainErrorsMiddleware`` (pages) and the API's handler
answer 429 with Retry-After and a sentence saying what, how many and when to try again.
Only creations count: updating today's check-in or finishing a session is never limited.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import DateTimeField, Min, QuerySet

from acupressure.i18n import gettext as _
from acupressure.records import clock
from acupressure.records.models import CheckIn, PracticeSession, ProgramRecord


@dataclass(frozen=True)
class Quota:
    """At most ``count`` new rows of one kind per person in ``seconds``."""

    kind: str  # "sessions", "check-ins", "programs"
    count: int
    seconds: int


class TooManyCreatedError(Exception):
    """The person reached a creation limit; ``retry_after``: seconds until one more fits."""

    def __init__(self, quota: Quota, retry_after: int) -> None:
        self.quota = quota
        self.retry_after = retry_after
        super().__init__(message(quota, retry_after))


def quota(kind: str) -> Quota:
    limits: dict[str, int] = settings.CREATION_LIMITS
    return Quota(kind, limits[kind], settings.CREATION_WINDOW_SECONDS)


def message(quota: Quota, retry_after: int) -> str:
    minutes = max(1, -(-retry_after // 60))
    what = {
        "sessions": _("You started {count} sessions in the last {window} minutes."),
        "check-ins": _("You made or changed {count} check-ins in the last {window} minutes."),
        "programs": _("You made {count} programs in the last {window} minutes."),
    }[quota.kind]
    return " ".join(
        (
            what.format(count=quota.count, window=quota.seconds // 60),
            _("That is the most allowed; try again in {minutes} min.").format(minutes=minutes),
        )
    )


def _check(rows: QuerySet[Any], field: str, kind: str) -> None:
    limit = quota(kind)
    since = clock.now() - timedelta(seconds=limit.seconds)
    recent = rows.filter(**{f"{field}__gte": since})
    if recent.count() < limit.count:
        return
    oldest = recent.aggregate(first=Min(field, output_field=DateTimeField()))["first"]
    wait = (oldest - since).total_seconds() if oldest else limit.seconds
    raise TooManyCreatedError(limit, max(1, math.ceil(wait)))


def check_session(owner_id: int) -> None:
    """Before a new session (a player opened from a plan or a program's day)."""
    _check(PracticeSession.objects.filter(owner_id=owner_id), "created_at", "sessions")


def check_program(owner_id: int) -> None:
    _check(ProgramRecord.objects.filter(owner_id=owner_id), "created_at", "programs")


CHECK_INS_COUNTED_BY = "updated_at"  # a check-in made or changed in the window counts


def check_check_in_is_new(owner_id: int) -> None:
    """Before a new check-in (no row for that day and area yet)."""
    _check(CheckIn.objects.filter(owner_id=owner_id), CHECK_INS_COUNTED_BY, "check-ins")
