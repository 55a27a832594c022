"""Sending one reminder: Web Push (pywebpush, VAPID) or email (Django's SMTP backend).

Each message carries an idempotency key: the push's Topic header (a push service keeps only
the newest message of a topic) and the email's Message-ID; so if a worker died between sending
and recording, the second send replaces the first rather than adding to it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

import requests
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from pywebpush import WebPushException, webpush

from acupressure import i18n
from acupressure.reminders import Notice, ReminderKind, notice
from acupressure.web.models import ProgramRecord
from acupressure.web.reminders import vapid
from acupressure.web.reminders.models import PushSubscription, Reminder

ACTION_SALT = "acupressure.reminder-action"
GONE = (404, 410)  # the push service says the subscription no longer exists


@dataclass(frozen=True)
class Outcome:
    ok: bool
    error: str = ""


def public_url() -> str:
    return str(getattr(settings, "PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def action_token(reminder: Reminder) -> str:
    """An unguessable reference to the reminder for its notification's action links."""
    return signing.dumps(reminder.pk, salt=ACTION_SALT)


def reminder_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=ACTION_SALT, max_age=14 * 86400)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def language_of(user_id: int) -> i18n.Language:
    from acupressure.web.language.models import LanguagePreference

    chosen = LanguagePreference.objects.filter(user_id=user_id).values_list("language", flat=True)
    found = i18n.parse(chosen[0]) if chosen else None
    return found or i18n.DEFAULT


def routine_minutes(reminder: Reminder) -> int:
    """How long the session takes, from the routine it plays (whole minutes, at least 1)."""
    from acupressure.program import Schedule

    record = reminder.program
    schedule = Schedule.model_validate(record.schedule)
    local = reminder.slot.astimezone(schedule.zone).time().replace(tzinfo=None)
    kind = "extra" if local in schedule.extra_times else "routine"
    return _minutes(record.pk, kind, json.dumps(record.intake), json.dumps(record.prescription))


@lru_cache(maxsize=4096)
def _minutes(program: int, kind: str, intake: str, prescription: str) -> int:
    from acupressure.plan.prescribe import PrescribedPoint
    from acupressure.program import plan_for_slot
    from acupressure.safety import Intake

    record_points = json.loads(prescription)
    prescribed = (
        [PrescribedPoint.model_validate(p) for p in record_points]
        if record_points is not None
        else None
    )
    extra = list(ProgramRecord.objects.filter(pk=program).values_list("extra_points", flat=True)[0])
    plan = plan_for_slot(
        Intake.model_validate_json(intake),
        "extra" if kind == "extra" else "routine",
        extra,
        prescribed,
    )
    return max(1, round(plan.total_seconds / 60))


def reminder_notice(reminder: Reminder) -> Notice:
    record = reminder.program
    areas = list(record.intake.get("areas", [])) if isinstance(record.intake, dict) else []
    kind: ReminderKind = "check" if reminder.kind == "check" else "session"
    return notice(kind, areas, routine_minutes(reminder), language_of(record.owner_id))


def idempotency_key(reminder: Reminder) -> str:
    """At most 32 URL-safe characters (the Topic header's limit), the same on every retry."""
    raw = f"{settings.SECRET_KEY}:{reminder.pk}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


def push_payload(reminder: Reminder) -> str:
    said = reminder_notice(reminder)
    token = action_token(reminder)
    return json.dumps(
        {
            "title": said.title,
            "body": said.body,
            "tag": f"reminder-{reminder.program_id}",
            "actions": [{"action": a.name, "title": a.title} for a in said.actions],
            "url": f"/reminders/{token}/start/",
            "later": f"/reminders/{token}/later/",
            "skip": f"/reminders/{token}/skip/",
        },
        ensure_ascii=False,
    )


def send_push(reminder: Reminder, session: requests.Session | None = None) -> Outcome:
    devices = list(PushSubscription.objects.filter(user_id=reminder.program.owner_id))
    if not devices:
        return Outcome(False, "no device subscribed")
    data = push_payload(reminder)
    errors = []
    for device in devices:
        try:
            webpush(
                subscription_info={
                    "endpoint": device.endpoint,
                    "keys": {"p256dh": device.p256dh, "auth": device.auth},
                },
                data=data,
                vapid_private_key=vapid.server_key(),
                vapid_claims={"sub": vapid.contact()},  # a new dict: webpush adds "aud"
                headers={"Topic": idempotency_key(reminder), "Urgency": "normal"},
                ttl=3600,
                requests_session=session,
                timeout=10,
            )
        except WebPushException as exc:
            code = exc.response.status_code if exc.response is not None else None
            if code in GONE:
                device.delete()
            errors.append(f"push {code or 'error'}")
        except requests.RequestException as exc:
            errors.append(f"push unreachable: {type(exc).__name__}")
    sent = len(devices) - len(errors)
    return Outcome(sent > 0, "" if sent else "; ".join(errors))


def unsubscribe_url(key: str) -> str:
    return f"{public_url()}/reminders/unsubscribe/{key}/"


def send_email(reminder: Reminder) -> Outcome:
    from acupressure.web.reminders.store import settings_of

    owner = reminder.program.owner
    if not owner.email:
        return Outcome(False, "no email address")
    said = reminder_notice(reminder)
    choice = settings_of(owner.pk)
    link = unsubscribe_url(choice.unsubscribe_key)
    context = {
        "notice": said,
        "start": f"{public_url()}/reminders/{action_token(reminder)}/start/",
        "unsubscribe": link,
    }
    with i18n.use(language_of(owner.pk)):
        text = render_to_string("reminders/email_reminder.txt", context)
        html = render_to_string("reminders/email_reminder.html", context)
    message = EmailMultiAlternatives(
        subject=said.title,
        body=text,
        to=[owner.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Message-ID": f"<reminder-{idempotency_key(reminder)}@acupressure>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return Outcome(True)


def send(reminder: Reminder, session: requests.Session | None = None) -> Outcome:
    if reminder.channel == "push":
        return send_push(reminder, session)
    return send_email(reminder)
