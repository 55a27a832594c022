"""Migration 0008 on data made before it: the client accounts practitioners made and nobody
has signed into stay theirs to hand a link for; any other keeps none; an ended link no longer
blocks a new one for the same practitioner and client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = ("web", "0007_installation_id")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def before_0008() -> Iterator[None]:
    call_command("migrate", "web", BEFORE[1], verbosity=0)
    yield
    call_command("migrate", verbosity=0)  # the database as the other tests expect it


def test_links_made_before_keep_their_links_and_can_reopen(before_0008: None) -> None:
    old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    link_model = old.get_model("web", "PractitionerLink")
    now = timezone.now()
    ana = User.objects.create_user("ana")
    made = User.objects.create_user("client-0a1b2c")  # add_client's account, never used
    used = User.objects.create_user("client-3d4e5f")
    used.last_login = now
    used.save()
    olivia = User.objects.create_user("olivia")  # took up a code with her own account
    for client, extra in ((made, {}), (used, {}), (olivia, {"withdrawn_at": now})):
        link_model.objects.create(
            practitioner_id=ana.pk, client_id=client.pk, created_at=now, active=False, **extra
        )
    call_command("migrate", verbosity=0)
    from acupressure.records.models import PractitionerLink

    marked = {link.client.username: link.made_account_id for link in PractitionerLink.objects.all()}
    assert marked == {"client-0a1b2c": made.pk, "client-3d4e5f": None, "olivia": None}
    PractitionerLink.objects.create(practitioner=ana, client=olivia, created_at=now)  # again
    with pytest.raises(IntegrityError), transaction.atomic():
        PractitionerLink.objects.create(practitioner=ana, client=olivia, created_at=now)
