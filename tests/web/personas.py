"""Helpers for the web tests: the three personas, the authorization table's practitioners,
a filled-in plan form, and whether an answer came early from a cache."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from acupressure.safety import Intake


@dataclass
class Personas:
    owner: User
    practitioner: User
    stranger: User

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


def answered_early(response: Any) -> bool:
    """Whether the answer came from a cache before the session middleware ran
    (web/pagecache.py, web/personal.py): Django's chain gives every request its session."""
    return not hasattr(response.wsgi_request, "session")


def intake_form(**extra: object) -> dict[str, object]:
    """The plan form with every red-flag question answered "no", plus the given fields."""
    from acupressure import safety

    form: dict[str, object] = {f"flag-{fid}": "no" for fid in safety.red_flags()}
    form.update(extra)
    return form


@cache
def _root_password() -> str:
    """The superuser's password "root-pass-4711", hashed as the app hashes passwords."""
    from django.contrib.auth.hashers import make_password

    return make_password("root-pass-4711")


def matrix_practitioners(owner: User, when: datetime) -> dict[str, Any]:
    """The practitioners of the authorization table beside olivia's consented one (see
    tests/web/access_matrix.py): users by persona and the client records in its paths."""
    from acupressure.plan.prescribe import PrescribedPoint
    from acupressure.records.models import PractitionerLink, PractitionerProfile
    from acupressure.records.practice import add_client, add_practitioner, redeem_code
    from acupressure.web.views.prescribe import save

    neck = json.loads(Intake(areas=["neck"], red_flags=[]).model_dump_json())
    item = PrescribedPoint(code="LI4", hold_seconds=8, repetitions=3, pressure="firm")
    second = add_practitioner("sue@example.org", "Dr Sue")
    second_link = PractitionerLink.objects.create(
        practitioner=second, client=owner, created_at=when, consented_at=when, intake=neck
    )
    save(second_link, second, [item], 2, [], "UTC")  # a prescription of the second's own
    former = add_practitioner("fay@example.org", "Dr Fay")
    PractitionerLink.objects.create(
        practitioner=former, client=owner, created_at=when, consented_at=when, share_notes=True
    )
    PractitionerProfile.objects.filter(user=former).delete()
    pending = add_practitioner("pen@example.org", "Dr Pen")
    superuser = User.objects.create_superuser("root", "root@example.org", None)
    superuser.password = _root_password()  # Argon2 takes a third of a second: hashed once
    superuser.save(update_fields=["password"])
    links = {}
    for name, person in (("pending_link", owner), ("super_link", superuser)):
        made = add_client(pending, f"invited {name}", named=False, year_of_birth=None)
        assert redeem_code(person, str(made.invite_code)) is not None
        links[name] = made.pk
    made = add_client(pending, "made in clinic", named=False, year_of_birth=None)
    made.intake = neck
    made.save()
    save(made, pending, [item], 2, [], "UTC")  # prepared before the client first signs in
    links["made_link"] = made.pk
    users = {"pending": pending, "second": second, "former": former, "superuser": superuser}
    return {"users": users, **links}
