"""Personal data rights (GDPR special-category health data): export everything, delete for
real, and the access log of practitioners opening a client's diary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import QuerySet

from acupressure.web import clock
from acupressure.web.downloads import json_chunks
from acupressure.web.language.models import LanguagePreference
from acupressure.web.models import (
    Action,
    CheckIn,
    ClientSummary,
    DiaryAccess,
    PracticeSession,
    PractitionerLink,
    ProgramRecord,
    QuestionnaireAnswer,
)


def record_access(viewer_id: int, owner_id: int, what: str, action: Action) -> None:
    """Log that someone other than the owner (a practitioner) read or did something in the
    owner's account: ``what`` is the path, ``action`` says it in words for the owner."""
    DiaryAccess.objects.create(
        owner_id=owner_id, viewer_id=viewer_id, at=clock.now(), what=what[:64], action=action
    )


def access_log(
    owner_id: int, limit: int | None = None, viewer_id: int | None = None
) -> list[DiaryAccess]:
    """The owner's access log, newest first; only one viewer's entries with ``viewer_id``."""
    rows = DiaryAccess.objects.filter(owner_id=owner_id).select_related("viewer")
    if viewer_id is not None:
        rows = rows.filter(viewer_id=viewer_id)
    return list(rows[:limit] if limit else rows)


BATCH = 100  # rows fetched at a time (a session holds its plan: about 30 KB of JSON)


def export_chunks(user: AbstractBaseUser) -> Iterator[bytes]:
    """Everything stored about the person as one JSON document, in UTF-8 chunks to stream:
    each list is read from the database in batches, so any diary takes the same memory."""
    uid = int(user.pk or 0)
    head = {
        "format": "acupressure-personal-data/1",
        "exported_at": clock.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "email": getattr(user, "email", ""),
            "date_joined": _iso(getattr(user, "date_joined", None)),
            # the language chosen with the switcher (None: the browser's, each visit)
            "language": LanguagePreference.objects.filter(user_id=uid)
            .values_list("language", flat=True)
            .first(),
        },
    }
    lists = {
        "sessions": map(_session, _rows(PracticeSession.objects.filter(owner_id=uid))),
        "check_ins": map(_check_in, _rows(CheckIn.objects.filter(owner_id=uid), "day", "area")),
        "programs": map(_program, _rows(ProgramRecord.objects.filter(owner_id=uid))),
        "questionnaires": map(
            _answer, _rows(QuestionnaireAnswer.objects.filter(owner_id=uid), "at", "id")
        ),
        "practitioners": (
            {
                "practitioner": link.practitioner.get_username(),
                "active": link.active,
                "created_at": _iso(link.created_at),
            }
            for link in PractitionerLink.objects.filter(client_id=uid)
            .select_related("practitioner")
            .iterator(chunk_size=BATCH)
        ),
        "clients": (
            {
                "client": link.client.get_username(),
                "active": link.active,
                "created_at": _iso(link.created_at),
            }
            for link in PractitionerLink.objects.filter(practitioner_id=uid)
            .select_related("client")
            .iterator(chunk_size=BATCH)
        ),
        "diary_opened_by": (
            {
                "viewer": a.viewer.get_username(),
                "at": _iso(a.at),
                "what": a.what,
                "action": a.action,
            }
            for a in DiaryAccess.objects.filter(owner_id=uid)
            .select_related("viewer")
            .iterator(chunk_size=BATCH)
        ),
    }
    head["reminders"] = _reminders(uid)  # small: choices, devices, this person's reminders
    return json_chunks(head, lists)


def _rows(rows: QuerySet[Any], *order: str) -> Iterator[Any]:
    return rows.order_by(*(order or ("created_at", "id"))).iterator(chunk_size=BATCH)


def _session(s: PracticeSession) -> dict[str, Any]:
    return {
        "id": s.pk,
        "source": s.source,
        "created_at": _iso(s.created_at),
        "finished_at": _iso(s.finished_at),
        "areas": s.areas,
        "intake": s.intake,
        "plan": s.plan,
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "completed_steps": s.completed_steps,
        "total_steps": s.total_steps,
        "on_target": s.on_target,
        "note": s.note,
        "program": s.program_id,
        "slot_kind": s.slot_kind,
        "seconds_pressed": s.seconds_pressed,
    }


def _check_in(c: CheckIn) -> dict[str, Any]:
    return {
        "day": c.day.isoformat(),
        "area": c.area,
        "pain": c.pain,
        "note": c.note,
        "updated_at": _iso(c.updated_at),
    }


def _program(p: ProgramRecord) -> dict[str, Any]:
    return {
        "id": p.pk,
        "created_at": _iso(p.created_at),
        "intake": p.intake,
        "points": p.points,
        "extra_points": p.extra_points,
        "schedule": p.schedule,
        "stopped_at": _iso(p.stopped_at),
        "stop_reason": p.stop_reason,
        "advice": p.advice,
        "calendar_feed_on": p.calendar_token is not None,
    }


def _answer(a: QuestionnaireAnswer) -> dict[str, Any]:
    return {
        "program": a.program_id,
        "week": a.week,
        "questionnaire": a.questionnaire,
        "answers": a.answers,
        "at": _iso(a.at),
    }


def _reminders(uid: int) -> dict[str, Any]:
    """Reminder choices, devices and the reminders themselves, without the secrets (the
    unsubscribe key, a device's push address and keys: each would let its holder act)."""
    from urllib.parse import urlsplit

    from acupressure.web.reminders.models import (
        PushSubscription,
        Reminder,
        ReminderSettings,
        SkippedSlot,
    )

    choice = ReminderSettings.objects.filter(user_id=uid).first()
    return {
        "choices": None
        if choice is None
        else {
            "by_push": choice.by_push,
            "by_email": choice.by_email,
            "weekly_summary": choice.weekly_summary,
            "quiet_start": choice.quiet_start.isoformat("minutes"),
            "quiet_end": choice.quiet_end.isoformat("minutes"),
        },
        "devices": [
            {
                "label": d.label,
                "push_service": urlsplit(d.endpoint).hostname,
                "created_at": _iso(d.created_at),
            }
            for d in PushSubscription.objects.filter(user_id=uid).order_by("created_at", "id")
        ],
        "reminders": [
            {
                "program": r.program_id,
                "kind": r.kind,
                "channel": r.channel,
                "slot": _iso(r.slot),
                "fire_at": _iso(r.fire_at),
                "state": r.state,
                "sent_at": _iso(r.sent_at),
            }
            for r in Reminder.objects.filter(program__owner_id=uid).order_by("fire_at", "id")
        ],
        "skipped": [
            {"program": k.program_id, "slot": _iso(k.slot), "at": _iso(k.at)}
            for k in SkippedSlot.objects.filter(program__owner_id=uid).order_by("slot")
        ],
    }


def counts(owner_id: int) -> tuple[int, int]:
    """How many sessions and check-ins the person has."""
    return (
        PracticeSession.objects.filter(owner_id=owner_id).count(),
        CheckIn.objects.filter(owner_id=owner_id).count(),
    )


def delete_diary(owner_id: int) -> tuple[int, int]:
    """Delete the person's sessions and check-ins (and their programs and questionnaire
    answers, which are health data too) from the database; returns the counts.

    On SQLite, ``secure_delete`` makes the database overwrite the freed pages with zeros, so
    the notes do not linger in the file. The access log and practitioner links stay (they
    hold no health data; the log is the audit trail)."""
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA secure_delete = ON")
        sessions, _ = PracticeSession.objects.filter(owner_id=owner_id).delete()
        check_ins, _ = CheckIn.objects.filter(owner_id=owner_id).delete()
        QuestionnaireAnswer.objects.filter(owner_id=owner_id).delete()
        ProgramRecord.objects.filter(owner_id=owner_id).delete()
        ClientSummary.changed(owner_id)
    return sessions, check_ins


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
