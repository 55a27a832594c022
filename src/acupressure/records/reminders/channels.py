"""Sending one reminder: Web Push (pywebpush, VAPID) or email (Django's SMTP backend).

Each message carries an idempotency key: the push's Topic header (a push service keeps only
the newest message of a topic) and the email's Message-ID; so if a worker died between sending
and recording, the second send replaces the first rather than adding to it.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from functools import lru_cache

import requests
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from pywebpush import WebPushException, webpush

from acupressure import i18n
from acupressure.records.reminders import vapid
from acupressure.records.reminders.models import Reminder
from acupressure.reminders import Notice, ReminderKind, notice

ACTION_SALT = "acupressure.reminder-action"
GONE = (404, 410)  # the push service says the subscription no longer exists


@dataclass(frozen=True)
class Outcome:
    ok: bool
    error: str = ""


def public_url() -> str:
    """Where links in emails point: ACUPRESSURE_PUBLIC_URL (exports.links), else this
    computer's address, which only works here."""
    from acupressure.exports.links import LOCAL_BASE

    return str(settings.PUBLIC_URL or LOCAL_BASE).rstrip("/")


def action_token(reminder: Reminder) -> str:
    """An unguessable reference to the reminder for its notification's action links."""
    return signing.dumps(reminder.pk, salt=ACTION_SALT)


def reminder_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=ACTION_SALT, max_age=14 * 86400)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def language_of(user_id: int, fallback: i18n.Language = i18n.DEFAULT) -> i18n.Language:
    """The language the person chose (LanguagePreference), else ``fallback``."""
    from acupressure.records.language.models import LanguagePreference

    chosen = LanguagePreference.objects.filter(user_id=user_id).values_list("language", flat=True)
    chosen = chosen[:1]
    found = i18n.parse(chosen[0]) if chosen else None
    return found or fallback


def routine_minutes(reminder: Reminder) -> int:
    """How long the session takes, from the routine it plays (whole minutes, at least 1)."""
    from acupressure.program import Schedule

    record = reminder.program
    schedule = Schedule.model_validate(record.schedule)
    local = reminder.slot.astimezone(schedule.zone).time().replace(tzinfo=None)
    kind = "extra" if local in schedule.extra_times else "routine"
    return _minutes(
        kind,
        json.dumps(record.intake, sort_keys=True),
        json.dumps(record.prescription, sort_keys=True),
        tuple(record.extra_points),
    )


@lru_cache(maxsize=4096)
def _minutes(kind: str, intake: str, prescription: str, extra: tuple[str, ...]) -> int:
    """Programs with the same answers and prescription share one routine (made once)."""
    from acupressure.plan.prescribe import PrescribedPoint
    from acupressure.program import plan_for_slot
    from acupressure.safety import Intake

    items = json.loads(prescription)
    prescribed = [PrescribedPoint.model_validate(p) for p in items] if items is not None else None
    plan = plan_for_slot(
        Intake.model_validate_json(intake),
        "extra" if kind == "extra" else "routine",
        list(extra),
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


def vapid_headers(endpoint: str) -> dict[str, str]:
    """The VAPID Authorization for the endpoint's push service: signed once an hour per
    service (RFC 8292 allows up to 24 hours), not once a message."""
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    return _signed(f"{parts.scheme}://{parts.netloc}", int(time.time()) // 3600)


@lru_cache(maxsize=64)
def _signed(audience: str, hour: int) -> dict[str, str]:
    claims = {"sub": vapid.contact(), "aud": audience, "exp": (hour + 3) * 3600}
    return dict(vapid.server_key().sign(claims))


def send_push(reminder: Reminder, session: requests.Session | None = None) -> Outcome:
    devices = list(reminder.program.owner.push_subscriptions.all())  # prefetched with the batch
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
                headers={
                    **vapid_headers(device.endpoint),
                    "Topic": idempotency_key(reminder),
                    "Urgency": "normal",
                },
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
    said = reminder_notice(reminder)
    start = f"{public_url()}/reminders/{action_token(reminder)}/start/"
    return email_person(reminder, "email_reminder", said.title, {"notice": said, "start": start})


def email_person(
    reminder: Reminder, template: str, subject: str, context: dict[str, object]
) -> Outcome:
    """An email to the program's owner, in their language, with their one-click unsubscribe
    (the reminder emails and the weekly summary)."""
    from acupressure.records.reminders.store import settings_of

    owner = reminder.program.owner
    if not owner.email:
        return Outcome(False, "no email address")
    link = unsubscribe_url(settings_of(owner.pk).unsubscribe_key)
    context = {**context, "unsubscribe": link}
    with i18n.use(language_of(owner.pk)):
        text = render_to_string(f"reminders/{template}.txt", context)
        html = render_to_string(f"reminders/{template}.html", context)
    mail(reminder, subject, text, html, link)
    return Outcome(True)


def mail(reminder: Reminder, subject: str, text: str, html: str, unsubscribe: str) -> None:
    """A reminder email: text and HTML, one-click unsubscribe (RFC 8058), and a Message-ID
    that is the same on every retry."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[reminder.program.owner.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Message-ID": f"<reminder-{idempotency_key(reminder)}@acupressure>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send(reminder: Reminder, session: requests.Session | None = None) -> Outcome:
    if reminder.channel == "push":
        return send_push(reminder, session)
    return send_email(reminder)
