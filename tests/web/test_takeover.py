"""No account takeover (issue 22): a practitioner mints sign-in links only for the unused
account they made; a person's own account, once it entered a code, is never theirs to sign
into, and stays unseen until the person consents. Changing a password asks for the current
one; `acupressure practitioner add` makes no link for a person's account in use."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock as FakeClock
from tests.web.personas import intake_form
from tests.web.practice import signed_in, use_link
from typer.testing import CliRunner

from acupressure.cli import app
from acupressure.records.models import (
    CheckIn,
    PractitionerLink,
    PractitionerProfile,
    ProgramRecord,
    SignInToken,
)
from acupressure.records.practice import add_practitioner

pytestmark = pytest.mark.django_db

SECRET = "only-mine-5821"
RX = {"items": [{"code": "KI27", "hold_seconds": 120, "repetitions": 3, "pressure": "firm"}]}


def password_signin(username: str) -> Client:
    browser = Client()
    form = {"username": username, "password": "their-own-pass-4711"}
    assert browser.post("/signin/", form).status_code == 302
    return browser


def _new_client(desk: Client, label: str) -> PractitionerLink:
    assert desk.post("/clients/new/", {"label": label}).status_code == 302  # to its invite page
    return PractitionerLink.objects.get(label=label)


def _person_with_a_diary(clock: FakeClock, user: User) -> Client:
    """The person signs in with their password (as every day) and writes a private note."""
    browser = password_signin(user.username)
    CheckIn.objects.create(
        owner=user, day=clock().date(), area="neck", pain=5, note=SECRET, updated_at=clock()
    )
    return browser


def _refused_everything(desk: Client, link: PractitionerLink, person: User) -> None:
    pk = link.pk
    assert desk.post(f"/clients/{pk}/invite/").status_code == 403
    assert desk.post(f"/clients/{pk}/routine.pdf").status_code == 404
    api = desk.post(f"/api/clients/{pk}/prescription", RX, content_type="application/json")
    assert api.status_code == 404
    for path in (f"/clients/{pk}/screening/", f"/clients/{pk}/prescribe/",
                 f"/clients/{pk}/fhir.json", f"/api/clients/{pk}/fhir",
                 f"/diary/?client={person.pk}", f"/diary/export.csv?client={person.pk}",
                 f"/diary/progress.pdf?client={person.pk}"):  # fmt: skip
        assert desk.get(path).status_code == 404, path
    assert desk.post(f"/clients/{pk}/screening/", intake_form(area="neck")).status_code == 404
    page = desk.get(f"/clients/{pk}/").content.decode()
    assert link.label in page and SECRET not in page and person.username not in page
    assert "/invite/" not in page and "/prescribe/" not in page  # no button that would fail


@pytest.mark.parametrize("staff", [False, True], ids=["person", "superuser"])
def test_entering_a_code_gives_the_practitioner_no_way_in(clock: FakeClock, staff: bool) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    desk = signed_in(ana)
    link = _new_client(desk, "Olivia")
    make = User.objects.create_superuser if staff else User.objects.create_user
    person = make("olivia", "olivia@example.org", "their-own-pass-4711")
    me = _person_with_a_diary(clock, person)
    assert me.post("/consent/code/", {"code": link.invite_code}).status_code == 302
    link.refresh_from_db()
    assert link.client == person and not link.active
    _refused_everything(desk, link, person)
    assert not SignInToken.objects.filter(user=person).exists()
    assert not ProgramRecord.objects.filter(owner=person).exists()
    # the person consents: the practitioner reads what is shared, still never a link
    me.post("/consent/", {"link": link.pk, "answer": "yes", "share_notes": "yes"})
    assert SECRET in desk.get(f"/clients/{link.pk}/").content.decode()
    assert desk.post(f"/clients/{link.pk}/invite/").status_code == 403
    assert desk.post(f"/clients/{link.pk}/screening/", intake_form(area="neck")).status_code == 302
    api = desk.post(f"/api/clients/{link.pk}/prescription", RX, content_type="application/json")
    assert api.status_code == 201
    handout = desk.post(f"/clients/{link.pk}/routine.pdf")
    assert handout.status_code == 200 and handout.content.startswith(b"%PDF")
    assert not SignInToken.objects.filter(user=person).exists()  # the QR is /signin/
    assert me.get("/admin/").status_code == (200 if staff else 302)  # still only theirs


def test_links_for_the_account_made_stop_once_the_client_signs_in(clock: FakeClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    desk = signed_in(ana)
    made = desk.post("/clients/new/", {"label": "P-1"}, follow=True).content.decode()
    link = PractitionerLink.objects.get(label="P-1")
    again = desk.post(f"/clients/{link.pk}/invite/", follow=True)
    assert again.status_code == 200  # a lost first link: a new one, the old one stops
    first = re.search(r"(/signin/link/[^\s\"<]+/)", made)
    assert first and use_link(Client(), first[1]).status_code == 400
    fresh = re.search(r"(/signin/link/[^\s\"<]+/)", again.content.decode())
    assert fresh
    client = Client()
    assert use_link(client, fresh[1])["Location"] == "/consent/"
    tokens = SignInToken.objects.filter(user=link.client).count()
    assert desk.post(f"/clients/{link.pk}/invite/").status_code == 403
    assert desk.get(f"/clients/{link.pk}/screening/").status_code == 404  # theirs now
    client.post("/consent/", {"link": link.pk, "answer": "yes"})
    assert desk.post(f"/clients/{link.pk}/invite/").status_code == 403
    assert SignInToken.objects.filter(user=link.client).count() == tokens


def test_changing_a_password_asks_for_the_current_one(clock: FakeClock) -> None:
    user = User.objects.create_user("olivia", password="their-own-pass-4711")
    browser = signed_in(user)
    new = {"new_password1": "a-new-long-pass-9931", "new_password2": "a-new-long-pass-9931"}
    page = browser.get("/account/password/").content.decode()
    assert 'name="old_password"' in page
    assert browser.post("/account/password/", new).status_code == 400
    wrong = {**new, "old_password": "not-it"}
    assert browser.post("/account/password/", wrong).status_code == 400
    user.refresh_from_db()
    assert user.check_password("their-own-pass-4711")
    right = {**new, "old_password": "their-own-pass-4711"}
    assert browser.post("/account/password/", right).status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-pass-9931")
    linked_only = signed_in(User.objects.create_user("sam"))  # signed in by link: sets one
    assert 'name="old_password"' not in linked_only.get("/account/password/").content.decode()
    assert linked_only.post("/account/password/", new).status_code == 302


def test_the_cli_makes_no_link_for_an_account_in_use(clock: FakeClock) -> None:
    person = User.objects.create_user("olivia@example.org", password="their-own-pass-4711")
    password_signin("olivia@example.org")
    runner = CliRunner()
    done = runner.invoke(app, ["practitioner", "add", "olivia@example.org", "--name", "X"])
    assert done.exit_code != 0 and "/signin/link/" not in done.output
    assert "already in use" in done.output
    assert not PractitionerProfile.objects.filter(user=person).exists()
    assert not SignInToken.objects.filter(user=person).exists()
    User.objects.create_superuser("root@example.org", "root@example.org", "roots-pass-4711")
    root = runner.invoke(app, ["practitioner", "add", "root@example.org", "--name", "Root"])
    assert root.exit_code != 0 and "/signin/link/" not in root.output
    fresh = runner.invoke(app, ["practitioner", "add", "ana@example.org", "--name", "A", "--json"])
    assert fresh.exit_code == 0 and "/signin/link/" in json.loads(fresh.stdout)["signin_link"]
