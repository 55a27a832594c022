"""Set up people with reminders in a database of their own, for the worker tests and the
reminder load benchmark.

    python -m tests.reminders.week PEOPLE PUSH_ORIGIN [--at-once]

(with ACUPRESSURE_DATA_DIR, and DATABASE_URL for PostgreSQL). Each person gets a one-week
neck program (one routine session a day) and one push device on the loopback push service.
By default the programs are made through the product's store and the week's reminders are
compressed into the next 20 seconds (order kept), as if a week passed in that time. With
``--at-once`` the people are made in bulk and every one has one reminder due 15 seconds from
now. Prints the moment (a Unix time) the first reminder falls due, then the reminder ids, one
a line; the devices' keys go to devices.json in the data folder, for the push service.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")


def main(people: int, origin: str, at_once: bool) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from tests.reminders.pushservice import Device, b64

    from acupressure.program import design
    from acupressure.records.models import ProgramRecord
    from acupressure.records.program_store import ProgramStore
    from acupressure.records.reminders.models import PushSubscription, Reminder
    from acupressure.safety import Intake

    now = datetime.now(UTC)
    start = date.today() + timedelta(days=1)
    made = design(Intake(areas=["neck"], red_flags=[]), start=start, weeks=1, per_day=1)
    password = make_password(None)
    User.objects.bulk_create(
        [User(username=f"person-{n}", password=password) for n in range(people)], batch_size=1000
    )
    users = list(User.objects.filter(username__startswith="person-").values_list("id", flat=True))
    keys, devices = {}, []
    for n, user in enumerate(users):
        device = Device(f"{origin}/push/p{n}")
        sub = device.subscription()
        devices.append(
            PushSubscription(
                user_id=user,
                endpoint=sub["endpoint"],
                p256dh=sub["keys"]["p256dh"],
                auth=sub["keys"]["auth"],
                created_at=now,
            )
        )
        keys[f"/push/p{n}"] = {
            "key": device.key.private_numbers().private_value,
            "auth": b64(device.auth),
        }
    PushSubscription.objects.bulk_create(devices, batch_size=1000)
    if at_once:
        programs = [
            ProgramRecord(
                owner_id=user,
                created_at=now,
                intake=made.intake.model_dump(mode="json"),
                points=made.points,
                extra_points=made.extra_points,
                schedule=made.schedule.model_dump(mode="json"),
            )
            for user in users
        ]
        ProgramRecord.objects.bulk_create(programs, batch_size=1000)  # no signal: no rows yet
        due = now + timedelta(seconds=15)
        Reminder.objects.bulk_create(
            [
                Reminder(program_id=p, slot=due, kind="session", channel="push", fire_at=due)
                for p in ProgramRecord.objects.values_list("id", flat=True)
            ],
            batch_size=1000,
        )
        first = due
    else:
        for user in users:
            ProgramStore(user).create(made, now)
        rows = list(Reminder.objects.filter(state="pending"))
        earliest = min(r.fire_at for r in rows)
        first = now + timedelta(seconds=2)
        for row in rows:  # a week (and the last check) in 20 seconds
            row.fire_at = first + (row.fire_at - earliest) * (20 / (8 * 86400))
        Reminder.objects.bulk_update(rows, ["fire_at"], batch_size=500)
    Path(os.environ["ACUPRESSURE_DATA_DIR"], "devices.json").write_text(json.dumps(keys))
    ids = Reminder.objects.filter(state="pending").values_list("id", flat=True)
    print(first.timestamp())
    print("\n".join(str(pk) for pk in ids))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], "--at-once" in sys.argv[3:])
