"""A practitioner emails a new client the invitation (link and code) through a real SMTP
server on loopback; only for the account the practitioner made and nobody has used."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock
from tests.reminders.smtpsink import SmtpSink, html_part, text_part
from tests.web.practice import signed_in

from acupressure.records.models import DiaryAccess
from acupressure.records.practice import add_client, add_practitioner


def test_the_invitation_reaches_the_client_and_its_link_signs_in(
    db: None, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-17", named=False, year_of_birth=None)
    desk = signed_in(ana)
    answer = desk.post(f"/clients/{link.pk}/invite/email/", {"email": "Pat@Example.org"})
    assert answer.status_code == 302 and answer["Location"] == f"/clients/{link.pk}/invite/"
    [message] = smtp.to("pat@example.org")
    text = text_part(message)
    assert "Dr Ana Silva" in text and str(link.invite_code) in text
    path = re.search(r"https://acupressure\.example\.org(/signin/link/\S+/)", text)
    assert path and path[1] in html_part(message)
    page = desk.get(f"/clients/{link.pk}/invite/").content.decode()
    assert path[1] in page  # the page shows the link that was emailed (the only one valid)
    browser = Client()
    assert browser.post(path[1]).status_code == 302  # it signs the client in
    assert User.objects.get(pk=link.client_id).email == "pat@example.org"
    assert DiaryAccess.objects.filter(owner_id=link.client_id, action="signin-link").exists()


def test_no_invitation_for_an_account_in_use_or_another_practitioners_client(
    db: None, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    ben = add_practitioner("ben@example.org", "Ben Okafor")
    link = add_client(ana, "P-17", named=False, year_of_birth=None)
    other = signed_in(ben).post(f"/clients/{link.pk}/invite/email/", {"email": "x@example.org"})
    assert other.status_code == 404
    client = User.objects.get(pk=link.client_id)
    client.set_password("their-own-pass-4711")
    client.save()
    used = signed_in(ana).post(f"/clients/{link.pk}/invite/email/", {"email": "x@example.org"})
    assert used.status_code == 403
    assert smtp.messages == []


def test_a_bad_address_or_no_mail_server_sends_nothing_and_says_why(
    db: None, clock: FakeWallClock, smtp: SmtpSink, settings: object
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-17", named=False, year_of_birth=None)
    desk = signed_in(ana)
    bad = desk.post(f"/clients/{link.pk}/invite/email/", {"email": "not an address"}, follow=True)
    assert "Enter the client" in bad.content.decode()
    settings.EMAIL_ENABLED = False  # type: ignore[attr-defined]
    off = desk.post(f"/clients/{link.pk}/invite/email/", {"email": "p@example.org"}, follow=True)
    assert "sends no email" in off.content.decode()
    assert smtp.messages == []
