"""Set up a simulated week of reminders in a database of its own, for the worker tests.

    python -m tests.reminders.week PEOPLE PUSH_ORIGIN   (with ACUPRESSURE_DATA_DIR / DATABASE_URL)

Makes PEOPLE people, each with a one-week program (one routine session a day) and one push
device on the loopback push service, then compresses the week's reminders into the next
20 seconds (order kept), as if a week passed in that time. Prints the reminder ids, one a line;
the devices' keys go to devices.json in the data folder for the push service to decrypt with.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")


def main(people: int, origin: str) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.contrib.auth.models import User
    from django.utils import timezone
    from tests.reminders.pushservice import Device, b64

    from acupressure.program import design
    from acupressure.safety import Intake
    from acupressure.web.program_store import ProgramStore
    from acupressure.web.reminders.models import PushSubscription, Reminder

    now = timezone.now()
    keys = {}
    made = design(
        Intake(areas=["neck"], red_flags=[]),
        start=date.today() + timedelta(days=1),
        weeks=1,
        per_day=1,
    )
    for n in range(people):
        user = User.objects.create_user(f"person-{n}")
        device = Device(f"{origin}/push/p{n}")
        sub = device.subscription()
        PushSubscription.objects.create(
            user=user,
            endpoint=sub["endpoint"],
            p256dh=sub["keys"]["p256dh"],
            auth=sub["keys"]["auth"],
            created_at=now,
        )
        keys[f"/push/p{n}"] = {
            "key": device.key.private_numbers().private_value,
            "auth": b64(device.auth),
        }
        ProgramStore(user.pk).create(made, now)
    rows = list(Reminder.objects.filter(state="pending"))
    first = min(r.fire_at for r in rows)
    for row in rows:  # a week in 20 seconds, from 2 seconds from now
        row.fire_at = now + timedelta(seconds=2) + (row.fire_at - first) * (20 / (8 * 86400))
    Reminder.objects.bulk_update(rows, ["fire_at"], batch_size=500)
    Path(os.environ["ACUPRESSURE_DATA_DIR"], "devices.json").write_text(json.dumps(keys))
    print("\n".join(str(r.pk) for r in rows))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
