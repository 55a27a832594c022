"""Reminder pages and endpoints: devices, choices, notification actions, unsubscribe, and
sign-in by email. Everything personal answers 404 to anyone but its owner."""

from __future__ import annotations

import json
from datetime import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from acupressure.i18n import gettext as _
from acupressure.records import clock
from acupressure.records.reminders import store
from acupressure.records.reminders.channels import reminder_from_token
from acupressure.records.reminders.models import PushSubscription, Reminder, SkippedSlot
from acupressure.records.reminders.vapid import public_key


def known_push_service(endpoint: str) -> bool:
    """An https address of a known push service (ACUPRESSURE_PUSH_SERVICES: host suffixes,
    or whole origins such as a clinic's own service): the server posts only there."""
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    origin = f"{parts.scheme}://{parts.netloc}"
    for allowed in settings.PUSH_SERVICES:
        if "://" in allowed:
            if origin == allowed.rstrip("/"):
                return True
        elif (
            parts.scheme == "https"
            and parts.hostname
            and (parts.hostname == allowed or parts.hostname.endswith("." + allowed))
        ):
            return True
    return False


MAX_DEVICES = 20  # per person: each one is a message per reminder


def _b64url_bytes(value: str) -> bytes | None:
    import base64
    import binascii

    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None


def valid_keys(p256dh: str, auth: str) -> bool:
    """RFC 8291: p256dh is an uncompressed P-256 point (65 bytes, 0x04 first), auth a
    16-byte secret, both base64url. Anything else would only fail at every send."""
    point, secret = _b64url_bytes(p256dh), _b64url_bytes(auth)
    return (
        point is not None
        and len(point) == 65
        and point[0] == 4
        and secret is not None
        and len(secret) == 16
    )


def clean_label(value: object) -> str:
    """The device's name as the browser gave it: printable text, at most 120 characters."""
    return "".join(c for c in str(value) if c.isprintable())[:120]


def clock_time(value: str) -> time | None:
    """A local clock time as the form's time input sends it ("21:00", seconds ignored);
    None for anything else (time.fromisoformat takes "2100", "21:00+05:00", a trailing NUL)."""
    import re

    found = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?", value, re.ASCII)
    return time(int(found[1]), int(found[2])) if found else None


def _user_id(request: HttpRequest) -> int:
    return int(request.user.pk)  # type: ignore[arg-type]


def _reschedule(user_id: int) -> None:
    store.schedule_person(user_id, clock.now(), bool(settings.EMAIL_ENABLED))


def reminders_context(user_id: int) -> dict[str, object]:
    """The /privacy/ section: devices, channels, quiet hours."""
    from django.contrib.auth.models import User

    return {
        "choices": store.settings_of(user_id),
        "devices": list(PushSubscription.objects.filter(user_id=user_id).order_by("created_at")),
        "email": User.objects.filter(pk=user_id).values_list("email", flat=True)[0],
        "email_ready": bool(settings.EMAIL_ENABLED),
    }


@login_required
def push_key(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"publicKey": public_key()})


@login_required
@require_POST
def subscribe(request: HttpRequest) -> JsonResponse:
    """The program page's "Remind me on this device" button posts the browser's subscription."""
    try:
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise TypeError
        endpoint, keys = str(data["endpoint"]), data["keys"]
        p256dh, auth = str(keys["p256dh"]), str(keys["auth"])
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: "[[[[..."
        return JsonResponse({"detail": _("not a push subscription")}, status=400)
    if len(endpoint) > 1000 or not endpoint.isprintable() or " " in endpoint:
        return JsonResponse({"detail": _("not a push subscription")}, status=400)
    if not known_push_service(endpoint):
        return JsonResponse({"detail": _("not a push service this server sends to")}, status=400)
    if len(p256dh) > 200 or len(auth) > 100 or not valid_keys(p256dh, auth):
        return JsonResponse({"detail": _("not a push subscription")}, status=400)
    mine = PushSubscription.objects.filter(user_id=_user_id(request))
    if mine.exclude(endpoint=endpoint).count() >= MAX_DEVICES:
        return JsonResponse(
            {"detail": _("Too many devices: remove one on the privacy page first.")}, status=409
        )
    PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={
            "user_id": _user_id(request),
            "p256dh": p256dh,
            "auth": auth,
            "label": clean_label(data.get("label", "")),
            "session_key": request.session.session_key or "",
            "created_at": clock.now(),
        },
    )
    settings_row = store.settings_of(_user_id(request))
    if not settings_row.by_push:
        settings_row.by_push = True
        settings_row.save(update_fields=["by_push"])
    _reschedule(_user_id(request))
    return JsonResponse({"ok": True}, status=201)


@login_required
@require_POST
def remove_device(request: HttpRequest, pk: int) -> HttpResponse:
    device = get_object_or_404(PushSubscription, pk=pk, user_id=_user_id(request))
    device.delete()
    _reschedule(_user_id(request))
    messages.info(request, _("That device gets no more reminders."))
    return redirect("/privacy/#reminders")


@login_required
@require_POST
def choices(request: HttpRequest) -> HttpResponse:
    """Channels, quiet hours and the weekly summary, from /privacy/."""
    row = store.settings_of(_user_id(request))
    start = clock_time(request.POST.get("quiet_start", "21:00"))
    end = clock_time(request.POST.get("quiet_end", "08:00"))
    if start is None or end is None:
        messages.error(request, _("Quiet hours need times like 21:00."))
        return redirect("/privacy/#reminders")
    row.by_push = request.POST.get("by_push") == "on"
    row.by_email = request.POST.get("by_email") == "on"
    row.weekly_summary = request.POST.get("weekly_summary") == "on"
    row.quiet_start, row.quiet_end = (
        start.replace(second=0, microsecond=0),
        end.replace(second=0, microsecond=0),
    )
    row.save()
    _reschedule(_user_id(request))
    messages.info(request, _("Reminder choices saved."))
    if row.quiet_start == row.quiet_end:
        messages.info(request, _("No quiet hours: the start and the end are the same time."))
    return redirect("/privacy/#reminders")


def _own_reminder(request: HttpRequest, token: str) -> Reminder:
    pk = reminder_from_token(token)
    if pk is None:
        raise Http404("No such reminder.")
    found = Reminder.objects.select_related("program").filter(pk=pk).first()
    if found is None or found.program.owner_id != _user_id(request):
        raise Http404("No such reminder.")
    return found


@login_required
def start(request: HttpRequest, token: str) -> HttpResponse:
    """The notification's "Start now": that session in the player (the weekly check: its form)."""
    from acupressure.web.views.program import open_session, own_program

    reminder = _own_reminder(request, token)
    if reminder.kind == "check":
        return redirect(f"/program/{reminder.program_id}/check/")
    store, program = own_program(request, reminder.program_id)
    if program.status(clock.now()) != "active":
        return redirect(f"/program/{reminder.program_id}/")
    return open_session(store, program, None)


@login_required
@require_POST
@csrf_exempt  # posted by the service worker; the signed token names the reminder
def later(request: HttpRequest, token: str) -> JsonResponse:
    reminder = _own_reminder(request, token)
    done = store.snooze(reminder, clock.now())
    return JsonResponse({"snoozed": done}, status=200 if done else 409)


@login_required
@require_POST
@csrf_exempt  # posted by the service worker; the signed token names the reminder
def skip(request: HttpRequest, token: str) -> JsonResponse:
    reminder = _own_reminder(request, token)
    SkippedSlot.objects.get_or_create(
        program_id=reminder.program_id, slot=reminder.slot, defaults={"at": clock.now()}
    )
    return JsonResponse({"skipped": True})


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a session or a token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, key: str) -> HttpResponse:
    """Email reminders off for the person this secret belongs to, without signing in."""
    from acupressure.records.reminders.models import ReminderSettings

    row = ReminderSettings.objects.filter(unsubscribe_key=key).first()
    if row is None:
        raise Http404("No such address.")
    if request.method == "GET":
        return render(request, "reminders/unsubscribe.html", {"done": False})
    row.by_email = False
    row.weekly_summary = False
    row.save(update_fields=["by_email", "weekly_summary"])
    _reschedule(int(row.user_id))
    return render(request, "reminders/unsubscribe.html", {"done": True})
