"""The installation's id: random, kept in the database, the same on every read; a copy of the
database whose row was deleted (to start a separate installation) gets a new one."""

from __future__ import annotations

import re

import pytest

from acupressure.records.installation import installation_id
from acupressure.records.models import Installation

pytestmark = pytest.mark.django_db


def test_the_id_is_kept_and_read_back_the_same() -> None:
    first = installation_id()
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert installation_id() == first and Installation.objects.count() == 1


def test_a_deleted_row_gives_a_new_random_id() -> None:
    first = installation_id()
    Installation.objects.all().delete()
    second = installation_id()
    assert second != first and installation_id() == second
