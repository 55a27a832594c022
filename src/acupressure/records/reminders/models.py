"""Who wants which reminders, their devices, and every reminder as a row.

A reminder is claimed (state pending -> sending, in one conditional UPDATE) before it is sent,
so two workers never both send it; a claim whose worker died is released after a lease.
"""

from __future__ import annotations

import secrets
from datetime import time

from django.conf import settings
from django.db import models


def _key() -> str:
    return secrets.token_urlsafe(32)


class ReminderSettings(models.Model):
    """A person's choices: channels, quiet hours (local clock), weekly summary by email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    by_push = models.BooleanField(default=True)
    by_email = models.BooleanField(default=False)
    weekly_summary = models.BooleanField(default=False)
    quiet_start = models.TimeField(default=time(21, 0))
    quiet_end = models.TimeField(default=time(8, 0))
    # the one-click unsubscribe link's secret: works without signing in, for this person only
    unsubscribe_key = models.CharField(max_length=64, unique=True, default=_key)

    def __str__(self) -> str:
        return f"reminder settings of {self.user}"


class PushSubscription(models.Model):
    """One browser's Web Push subscription (RFC 8030): where to send, and its keys."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    label = models.CharField(max_length=120, blank=True)  # "Chrome on Android"
    session_key = models.CharField(max_length=64, blank=True)  # signing out removes it
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"push device of {self.user}: {self.label or self.endpoint[:40]}"


class Reminder(models.Model):
    STATES = (
        ("pending", "pending"),
        ("sending", "sending"),  # claimed by a worker
        ("sent", "sent"),
        ("failed", "failed"),
        ("dropped", "dropped"),  # its moment passed while nothing was running
        ("cancelled", "cancelled"),  # the program stopped, or the channel was turned off
    )
    program = models.ForeignKey(
        "web.ProgramRecord", on_delete=models.CASCADE, related_name="reminders"
    )
    slot = models.DateTimeField()  # the session's scheduled start (UTC)
    kind = models.CharField(max_length=8)  # "session", "check" or "summary" (weekly, email)
    channel = models.CharField(max_length=8)  # "push" or "email"
    fire_at = models.DateTimeField()  # after quiet hours (and a snooze)
    state = models.CharField(max_length=10, choices=STATES, default="pending")
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    snoozed = models.BooleanField(default=False)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ("fire_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["program", "slot", "kind", "channel"], name="one_reminder_per_slot"
            ),
        )
        indexes = (models.Index(fields=["state", "fire_at"], name="reminder_due"),)

    def __str__(self) -> str:
        when = f"{self.fire_at:%Y-%m-%d %H:%M}"
        return f"{self.kind} reminder by {self.channel} at {when} ({self.state})"


class SkippedSlot(models.Model):
    """A session the person chose to skip from a reminder ("Skip today"): adherence shows it."""

    program = models.ForeignKey(
        "web.ProgramRecord", on_delete=models.CASCADE, related_name="skipped_slots"
    )
    slot = models.DateTimeField()
    at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["program", "slot"], name="one_skip_per_slot"),
        )

    def __str__(self) -> str:
        return f"skipped {self.slot:%Y-%m-%d %H:%M} of program {self.program_id}"
