"""Signing out of a browser removes that browser's push subscription."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def forget_device(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    from acupressure.records.reminders.models import PushSubscription

    key = request.session.session_key if request is not None else None
    if key:
        PushSubscription.objects.filter(session_key=key).delete()
