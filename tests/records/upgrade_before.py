"""Run by the release BEFORE the records moved (acupressure.web held the models): makes one of
every kind of record, then dumps every row (tests/records/test_upgrade.py).

    PYTHONPATH=<that release's src> python upgrade_before.py OUT.json

The program and its local user come from that release's own `acupressure program create`
(run first by the test); this adds the rest with the release's own models and services.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")

import django

django.setup()

from acupressure.web.installation import installation_id  # noqa: E402
from acupressure.web.language.models import LanguagePreference  # noqa: E402
from acupressure.web.practice import add_client, add_practitioner  # noqa: E402
from acupressure.web.reminders.store import schedule_program  # noqa: E402
from acupressure.web.reminders.tasks import tick  # noqa: E402
from acupressure.web.signin import issue_token  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from tests.records.upgrade_dump import dump  # noqa: E402

from acupressure.web import models as m  # noqa: E402
from acupressure.web.reminders import models as r  # noqa: E402

AT = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def make() -> dict[str, object]:
    program = m.ProgramRecord.objects.get()  # made by `acupressure program create`
    person = program.owner
    doctor = add_practitioner("lee@example.org", "Dr Lee")
    link = add_client(doctor, "Ana", named=True, year_of_birth=1980)
    link.client = person
    link.active, link.consented_at, link.share_notes = True, AT, True
    link.intake = program.intake
    link.timezone = "Europe/Madrid"
    link.save()
    waiting = add_client(doctor, "B. (pseudonym)", named=False, year_of_birth=None)
    program.prescriber = doctor
    program.prescription = []
    program.save()
    m.Prescription.objects.create(
        program=program,
        version=1,
        author=doctor,
        created_at=AT,
        intake=program.intake,
        items=[],
        schedule=program.schedule,
        changes=["First prescription."],
    )
    for day in range(3):
        m.PracticeSession.objects.create(
            owner=person,
            source="web",
            created_at=AT + timedelta(days=day),
            started_at=AT + timedelta(days=day),
            finished_at=AT + timedelta(days=day, minutes=9),
            areas=["lower-back"],
            plan={},
            pain_before=5,
            pain_after=3 - day % 2,
            on_target={"BL23": 12},
            completed_steps=8,
            total_steps=8,
            note=f"day {day}",
            program=program,
            slot_kind="routine",
            seconds_pressed=240,
        )
    m.CheckIn.objects.create(
        owner=person,
        day=date(2026, 11, 3),
        area="lower-back",
        pain=4,
        note="stiff",
        updated_at=AT,
    )
    m.QuestionnaireAnswer.objects.create(
        owner=person,
        program=program,
        week=0,
        questionnaire="back-function",
        answers={"q1": 2},
        at=AT,
    )
    m.DiaryAccess.objects.create(
        owner=person, viewer=doctor, at=AT, what="/diary/", action=m.Action.DIARY
    )
    token = issue_token(waiting.client)
    LanguagePreference.objects.create(user=person, language="es")
    r.ReminderSettings.objects.update_or_create(
        user=person,
        defaults={
            "by_email": True,
            "weekly_summary": True,
            "quiet_start": time(22),
            "quiet_end": time(7),
        },
    )
    r.PushSubscription.objects.create(
        user=person,
        endpoint="https://fcm.googleapis.com/fcm/send/upgrade-test",
        p256dh="B" * 87,
        auth="A" * 22,
        label="Firefox on Linux",
        session_key="",
        created_at=AT,
    )
    reminders = schedule_program(program, timezone.now(), True)
    tick.using(run_after=timezone.now() + timedelta(days=1)).enqueue()
    return {
        "person": person.pk,
        "doctor": doctor.pk,
        "link": link.pk,
        "waiting": waiting.client_id,
        "program": program.pk,
        "token": token,
        "installation": installation_id(),
        "reminders": reminders,
        "queued_tasks": list(DBTaskResult.objects.values_list("task_path", flat=True)),
        "users": User.objects.count(),
    }


if __name__ == "__main__":
    import acupressure

    here = Path(acupressure.__file__).parent
    assert not (here / "records").exists(), f"{here} is not the release before"
    made = make()
    result = {"made": made, "rows": dump()}
    Path(sys.argv[1]).write_text(json.dumps(result, default=str, sort_keys=True), "utf-8")
