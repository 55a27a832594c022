"""Signing out of a browser removes that browser's push subscription; a program made or
changed (a new prescription) gets its reminders (re)made."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def forget_device(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    from acupressure.web.reminders.models import PushSubscription

    key = request.session.session_key if request is not None else None
    if key:
        PushSubscription.objects.filter(session_key=key).delete()


def program_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    from django.conf import settings

    from acupressure.web import clock
    from acupressure.web.reminders.store import schedule_program

    schedule_program(instance, clock.now(), bool(settings.EMAIL_ENABLED))
