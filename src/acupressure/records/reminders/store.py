"""The reminder rows: made per program, claimed when due, marked with what happened.

Exactly once: a reminder is one row with a unique key (program, slot, kind, channel). A worker
claims a batch with one conditional UPDATE (pending -> sending, stamped with a claim id of its
own) inside a transaction, and sends only the rows that carry its claim id; so two workers, or
two servers, never both send one. A worker killed after claiming leaves rows in "sending":
after the lease another worker releases them and they are sent then (never lost). The one window
left, a kill between the send and the mark, is covered by an idempotency key on the message
(the email's Message-ID, the push's Topic), so the person's device shows it once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F

from acupressure.program import Schedule
from acupressure.records.models import ProgramRecord
from acupressure.records.reminders.models import PushSubscription, Reminder, ReminderSettings
from acupressure.reminders import LATE_LIMIT, QuietHours, due_reminders


def lease() -> timedelta:
    """A claim older than this belonged to a worker that died (ACUPRESSURE_REMINDER_LEASE)."""
    from django.conf import settings

    return timedelta(seconds=settings.REMINDER_LEASE_SECONDS)


def settings_of(user_id: int) -> ReminderSettings:
    found, _created = ReminderSettings.objects.get_or_create(user_id=user_id)
    return found


def quiet_hours(choice: ReminderSettings) -> QuietHours:
    return QuietHours(start=choice.quiet_start, end=choice.quiet_end)


def channels(user_id: int, email_ready: bool) -> list[str]:
    """The channels this person gets reminders on now."""
    choice = settings_of(user_id)
    found = []
    if choice.by_push and PushSubscription.objects.filter(user_id=user_id).exists():
        found.append("push")
    if choice.by_email and email_ready and choice.user.email:
        found.append("email")
    return found


def wants_summary(record: ProgramRecord, choice: ReminderSettings, email_ready: bool) -> bool:
    """The weekly summary goes by email, once a week per person: it rides on the person's
    oldest running program (at the end of each of its weeks)."""
    if not (choice.weekly_summary and email_ready and choice.user.email):
        return False
    running = ProgramRecord.objects.filter(owner_id=record.owner_id, stopped_at__isnull=True)
    return running.order_by("id").values_list("id", flat=True).first() == record.pk


def schedule_program(record: ProgramRecord, now: datetime, email_ready: bool) -> int:
    """Make (or remake) the program's future reminder rows; returns how many exist pending.

    Rows already claimed, sent or dropped stay as they are; pending ones are rebuilt, so a
    change of quiet hours or channels applies to everything not yet sent."""
    with transaction.atomic():
        Reminder.objects.filter(program=record, state="pending", snoozed=False).delete()
        if record.stopped_at is not None:
            return 0
        # a program resumed after a stop: what the stop cancelled is due again
        Reminder.objects.filter(program=record, state="cancelled").delete()
        choice = settings_of(record.owner_id)
        schedule = Schedule.model_validate(record.schedule)
        wanted = channels(record.owner_id, email_ready)
        # a snoozed one ("Later") stays, unless its channel was turned off (an unsubscribe)
        Reminder.objects.filter(program=record, state="pending", snoozed=True).exclude(
            channel__in=wanted
        ).update(state="cancelled")
        dues = [
            d for d in due_reminders(schedule, quiet_hours(choice)) if d.fire_at > now - LATE_LIMIT
        ]
        rows = [
            Reminder(
                program=record,
                slot=due.slot,
                kind=due.kind,
                channel=channel,
                fire_at=due.fire_at,
            )
            for due in dues
            for channel in wanted
        ]
        if wants_summary(record, choice, email_ready):
            rows += [
                Reminder(
                    program=record, slot=d.slot, kind="summary", channel="email", fire_at=d.fire_at
                )
                for d in dues
                if d.kind == "check"
            ]
        Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return Reminder.objects.filter(program=record, state="pending").count()


def program_saved(sender: Any, instance: ProgramRecord, **kwargs: Any) -> None:
    """A program made or changed (a new prescription) gets its reminders (re)made."""
    from django.conf import settings

    from acupressure.records import clock

    schedule_program(instance, clock.now(), bool(settings.EMAIL_ENABLED))


def schedule_person(user_id: int, now: datetime, email_ready: bool) -> None:
    """After a change of the person's settings or devices: every running program again."""
    for record in ProgramRecord.objects.filter(owner_id=user_id, stopped_at__isnull=True):
        schedule_program(record, now, email_ready)


def cancel_program(program_id: int) -> int:
    """A stopped program reminds nothing more; the weekly summary it carried moves to the
    person's next running program."""
    from django.conf import settings

    from acupressure.records import clock

    gone = Reminder.objects.filter(program_id=program_id, state="pending").update(state="cancelled")
    owner = ProgramRecord.objects.filter(pk=program_id).values_list("owner_id", flat=True).first()
    if owner is not None and settings_of(owner).weekly_summary:
        schedule_person(owner, clock.now(), bool(settings.EMAIL_ENABLED))
    return gone


def drop_late(now: datetime) -> int:
    """Reminders whose moment passed more than LATE_LIMIT ago are dropped (and counted)."""
    return Reminder.objects.filter(state="pending", fire_at__lt=now - LATE_LIMIT).update(
        state="dropped"
    )


def release_stale(now: datetime) -> int:
    """Claims of workers that died (killed mid-run) go back to pending."""
    return Reminder.objects.filter(state="sending", claimed_at__lt=now - lease()).update(
        state="pending", claimed_by=""
    )


def claim_due(now: datetime, limit: int = 200) -> tuple[str, list[Reminder]]:
    """Claim up to ``limit`` due reminders for this worker: (claim id, the claimed rows)."""
    claim = secrets.token_hex(12)
    due = Reminder.objects.filter(state="pending", fire_at__lte=now).order_by("fire_at", "id")
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("id", flat=True)[:limit])
        if ids:
            Reminder.objects.filter(pk__in=ids, state="pending").update(
                state="sending", claimed_at=now, claimed_by=claim, attempts=F("attempts") + 1
            )
    rows = (
        Reminder.objects.filter(claimed_by=claim, state="sending")
        .select_related("program", "program__owner")
        .prefetch_related("program__owner__push_subscriptions")
    )
    return claim, list(rows)


def renew(claim: str, now: datetime) -> set[int]:
    """Extend this worker's claim on the rows it still holds; returns their ids."""
    Reminder.objects.filter(claimed_by=claim, state="sending").update(claimed_at=now)
    return set(
        Reminder.objects.filter(claimed_by=claim, state="sending").values_list("id", flat=True)
    )


def finish(reminder: Reminder, claim: str, now: datetime, error: str = "") -> None:
    state = "failed" if error else "sent"
    Reminder.objects.filter(pk=reminder.pk, claimed_by=claim, state="sending").update(
        state=state, sent_at=now if not error else None, error=error[:300]
    )


def snooze(reminder: Reminder, now: datetime) -> bool:
    """'Later': once, 15 minutes from now. False when it was snoozed already."""
    from acupressure.reminders import SNOOZE

    if reminder.snoozed:
        return False
    Reminder.objects.filter(pk=reminder.pk).update(
        state="pending", snoozed=True, fire_at=now + SNOOZE, claimed_by=""
    )
    return True


@dataclass(frozen=True)
class Status:
    counts: dict[str, int]
    next_due: list[Reminder]
    recent: list[Reminder]
    failed: list[Reminder]


def status(now: datetime, show: int = 10) -> Status:
    counts = {
        row["state"]: row["n"]
        for row in Reminder.objects.values("state").annotate(n=Count("id")).order_by()
    }
    pending = Reminder.objects.filter(state="pending", fire_at__gte=now - LATE_LIMIT)
    return Status(
        counts=counts,
        next_due=list(pending.select_related("program__owner")[:show]),
        recent=list(Reminder.objects.filter(state="sent").order_by("-sent_at")[:show]),
        failed=list(Reminder.objects.filter(state="failed").order_by("-fire_at")[:show]),
    )
