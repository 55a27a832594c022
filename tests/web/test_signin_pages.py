"""The one-time link's pages speak to whoever the link is for: a client hears their
practitioner's name (never an internal username) and whom to ask for a new link."""

from __future__ import annotations

from django.test import Client
from tests.doubles import FakeWallClock

from acupressure.records.practice import add_client, add_practitioner
from acupressure.records.signin import issue_token, local_user


def test_a_client_is_told_their_practitioner_and_whom_to_ask(
    db: None, clock: FakeWallClock
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-17", named=False, year_of_birth=None)
    token = issue_token(link.client)
    page = " ".join(Client().get(f"/signin/link/{token}/").content.decode().split())
    assert "Dr Ana Silva has set up acupressure practice for you" in page
    assert "ask Dr Ana Silva for a new link" in page
    assert link.client.get_username() not in page and "acupressure serve" not in page
    Client().post(f"/signin/link/{token}/")  # used up
    used = Client().get(f"/signin/link/{token}/")
    text = " ".join(used.content.decode().split())
    assert used.status_code == 400 and "Ask Dr Ana Silva for a new link" in text
    assert "acupressure serve" not in text and link.client.get_username() not in text


def test_a_practitioner_is_named_and_the_local_person_told_to_restart(
    db: None, clock: FakeWallClock
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    page = Client().get(f"/signin/link/{issue_token(ana)}/").content.decode()
    assert "signs you in as <strong>Dr Ana Silva</strong>" in page
    me = Client().get(f"/signin/link/{issue_token(local_user('olivia'))}/").content.decode()
    assert "<strong>olivia</strong>" in me and "acupressure serve" in " ".join(me.split())


def test_a_forged_link_names_nobody(db: None, clock: FakeWallClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    add_client(ana, "P-17", named=False, year_of_birth=None)
    forged = Client().get("/signin/link/not-a-token/")
    assert forged.status_code == 400 and "Dr Ana Silva" not in forged.content.decode()
