"""Run by this release on a database the release before made (tests/records/test_upgrade.py):
migrates it, dumps every row again and reads the records back through today's services.

    python upgrade_after.py BEFORE.json OUT.json
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from tests.records.upgrade_dump import dump  # noqa: E402

from acupressure.records import clock, diary, privacy  # noqa: E402
from acupressure.records.access import Need, can_view, decide  # noqa: E402
from acupressure.records.installation import installation_id  # noqa: E402
from acupressure.records.language.models import LanguagePreference  # noqa: E402
from acupressure.records.models import PractitionerLink  # noqa: E402
from acupressure.records.program_store import ProgramStore, program_summary  # noqa: E402
from acupressure.records.reminders.models import Reminder, ReminderSettings  # noqa: E402
from acupressure.records.reminders.store import status  # noqa: E402
from acupressure.records.signin import peek  # noqa: E402


def read(made: dict[str, int | str]) -> dict[str, object]:
    person = User.objects.get(pk=made["person"])
    doctor = User.objects.get(pk=made["doctor"])
    link = PractitionerLink.objects.get(pk=made["link"])
    store = ProgramStore(person.pk)
    program = store.get(int(made["program"]))
    assert program is not None
    exported = json.loads(b"".join(privacy.export_chunks(person)))
    holder = peek(str(made["token"]))
    return {
        "programs": [p.id for p in store.all()],
        "program_points": program.points,
        "prescriber": program.prescriber,
        "prescription_version": program.version,
        "sessions_in_program": len(store.sessions(program.id)),
        "summary_rows": len(program_summary(store, program, clock.now()).rows),
        "readings": len(diary.readings(person.pk)),
        "export_sessions": len(exported["sessions"]),
        "export_check_ins": len(exported["check_ins"]),
        "doctor_reads": decide(doctor, link, Need.READ) and can_view(doctor, person.pk),
        "token_holder": holder.pk if holder else None,
        "installation": installation_id(),
        "language": LanguagePreference.objects.get(user=person).language,
        "quiet_start": str(ReminderSettings.objects.get(user=person).quiet_start),
        "reminders": Reminder.objects.count(),
        "reminder_states": sum(status(clock.now()).counts.values()),
        "tasks": [t.task.name for t in DBTaskResult.objects.all()],
    }


if __name__ == "__main__":
    before = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    call_command("migrate", verbosity=0)
    result = {"rows": dump(), "read": read(before["made"])}
    Path(sys.argv[2]).write_text(json.dumps(result, default=str, sort_keys=True), "utf-8")
