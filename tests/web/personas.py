"""Helpers for the web tests: the three personas and a filled-in plan form."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client


@dataclass
class Personas:
    owner: User
    practitioner: User
    stranger: User

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


def intake_form(**extra: object) -> dict[str, object]:
    """The plan form with every red-flag question answered "no", plus the given fields."""
    from acupressure import safety

    form: dict[str, object] = {f"flag-{fid}": "no" for fid in safety.red_flags()}
    form.update(extra)
    return form
