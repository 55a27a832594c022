"""Practitioners: accounts, adding a client, sign-in link, invitation code, consent, withdrawal."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock as FakeClock
from tests.web import downloads
from tests.web.practice import make_practice, signed_in, use_link
from typer.testing import CliRunner

from acupressure.cli import app
from acupressure.records.models import DiaryAccess, PractitionerLink, PractitionerProfile
from acupressure.records.practice import add_practitioner

pytestmark = pytest.mark.django_db(transaction=True)


def link_path(text: str) -> str:
    found = re.search(r"https?://[^/\s]+(/signin/link/[^\s\"<]+/)", text)
    assert found, text
    return found[1]


def test_cli_adds_a_practitioner_with_a_one_time_link(clock: FakeClock) -> None:
    runner = CliRunner()
    cmd = ["practitioner", "add", "Ana@Example.org", "--name", "Dr Ana Silva"]
    done = runner.invoke(app, cmd)
    assert done.exit_code == 0, done.output
    assert "Practitioner Dr Ana Silva <ana@example.org>" in done.output
    profile = PractitionerProfile.objects.get(user__username="ana@example.org")
    assert profile.name == "Dr Ana Silva"
    landed = use_link(Client(), link_path(done.output))
    assert landed["Location"] == "/clients/"
    again = runner.invoke(app, [*cmd[:3], "--name", "Dr Ana Silva-Reis", "--json"])
    assert json.loads(again.stdout)["name"] == "Dr Ana Silva-Reis"  # the warning: stderr
    assert PractitionerProfile.objects.count() == 1
    bad = runner.invoke(app, ["practitioner", "add", "not-an-email", "--name", "X"])
    assert bad.exit_code == 2
    assert "error: not an email address: 'not-an-email'" in bad.output


def test_practitioner_link_signs_in_once_and_lands_on_clients(clock: FakeClock) -> None:
    from acupressure.records.signin import issue_token

    user = add_practitioner("ana@example.org", "Dr Ana Silva")
    token = issue_token(user)
    browser = Client()
    response = use_link(browser, f"/signin/link/{token}/")
    assert response.status_code == 302
    assert response["Location"] == "/clients/"
    assert browser.get("/clients/").status_code == 200
    assert use_link(Client(), f"/signin/link/{token}/").status_code == 400  # used up
    assert not user.has_usable_password()
    set_pw = browser.post(
        "/account/password/",
        {"new_password1": "a long pass phrase 42", "new_password2": "a long pass phrase 42"},
    )
    assert set_pw.status_code == 302
    signed = Client().post(
        "/signin/", {"username": "ana@example.org", "password": "a long pass phrase 42"}
    )
    assert signed.status_code == 302


def test_add_client_hands_over_link_qr_and_code_then_consent(clock: FakeClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    desk = signed_in(ana)
    added = desk.post("/clients/new/", {"label": "P-17", "year": "1990"})
    assert added.status_code == 302  # redirect after POST: a reload adds no second client
    response = desk.get(added["Location"])
    assert response.status_code == 200
    page = response.content.decode()
    assert link_path(desk.get(added["Location"]).content.decode()) == link_path(page)
    assert PractitionerLink.objects.filter(practitioner=ana).count() == 1
    assert 'src="data:image/svg+xml' in page  # the QR code, inline
    assert response["Cache-Control"] == "no-store, private"
    link = PractitionerLink.objects.get(practitioner=ana)
    assert (link.label, link.named, link.year_of_birth, link.active) == ("P-17", False, 1990, False)
    assert link.invite_code and link.invite_code in page
    # before consent: the practitioner sees no data page, only the waiting note
    assert "Waiting for P-17" in desk.get(f"/clients/{link.pk}/").content.decode()
    assert desk.get(f"/clients/{link.pk}/fhir.json").status_code == 404
    phone = Client()
    landed = use_link(phone, link_path(page))
    assert landed["Location"] == "/consent/"
    consent = phone.get("/consent/").content.decode()
    for words in ("your sessions", "your pain scores", "your weekly checks", "safety (red-flag)"):
        assert words in consent
    assert "Your notes stay private unless you tick the box" in consent
    assert phone.post("/consent/", {"link": link.pk, "answer": "yes"}).status_code == 302
    link.refresh_from_db()
    assert link.active and link.consented_at == clock() and not link.share_notes
    assert link.invite_code is None
    assert desk.get(f"/clients/{link.pk}/").status_code == 200
    assert DiaryAccess.objects.filter(owner=link.client, viewer=ana).exists()


def test_a_new_link_replaces_the_shown_one_and_a_used_one_is_not_shown(clock: FakeClock) -> None:
    desk = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    first = link_path(desk.get(desk.post("/clients/new/", {"label": "P-17"})["Location"]).text)
    link = PractitionerLink.objects.get()
    renewed = desk.post(f"/clients/{link.pk}/invite/")
    assert renewed["Location"] == f"/clients/{link.pk}/invite/"
    second = link_path(desk.get(renewed["Location"]).text)
    assert second != first and use_link(Client(), first).status_code == 400
    use_link(Client(), second)  # used: the account is the client's now, no link for it
    answer = desk.get(f"/clients/{link.pk}/invite/")
    assert answer.status_code == 403 and "/signin/link/" not in answer.text
    assert "This account has already been used" in answer.text


def test_year_of_birth_and_label_are_checked(clock: FakeClock) -> None:
    desk = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    bad = desk.post("/clients/new/", {"label": "X", "year": "1800"})
    assert bad.status_code == 400
    assert "year of birth" in bad.content.decode()
    assert desk.post("/clients/new/", {"label": " "}).status_code == 400
    assert not PractitionerLink.objects.exists()


def test_existing_person_enters_an_invitation_code(clock: FakeClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    signed_in(ana).post("/clients/new/", {"label": "Olivia"})
    link = PractitionerLink.objects.get(practitioner=ana)
    placeholder = link.client
    olivia = User.objects.create_user("olivia")
    me = signed_in(olivia)
    wrong = me.post("/consent/code/", {"code": "ZZZZ-ZZZZ"})
    assert wrong.status_code == 400
    code = str(link.invite_code).lower().replace("-", " ")
    assert me.post("/consent/code/", {"code": code})["Location"] == "/consent/"
    link.refresh_from_db()
    assert link.client == olivia and not link.active
    # the account made with the code waits for the answer; yes takes it away
    assert User.objects.filter(pk=placeholder.pk).exists()
    me.post("/consent/", {"link": link.pk, "answer": "yes", "share_notes": "yes"})
    link.refresh_from_db()
    assert link.active and link.share_notes
    assert not User.objects.filter(pk=placeholder.pk).exists()


def test_refusing_consent_keeps_the_practitioner_out(clock: FakeClock) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    signed_in(ana).post("/clients/new/", {"label": "P-18"})
    link = PractitionerLink.objects.get(practitioner=ana)
    signed_in(link.client).post("/consent/", {"link": link.pk, "answer": "no"})
    link.refresh_from_db()
    assert not link.active and link.withdrawn_at is not None
    assert signed_in(ana).get(f"/clients/{link.pk}/").status_code == 404


def test_withdrawing_from_privacy_gives_the_practitioner_404s(clock: FakeClock) -> None:
    practice = make_practice()
    me = signed_in(practice.client)
    privacy = me.get("/privacy/").content.decode()
    assert "Dr Ana Silva" in privacy and "Cara Lind" not in privacy
    assert me.post(f"/privacy/practitioners/{practice.link.pk}/end/").status_code == 302
    ana = signed_in(practice.practitioner)
    for path in (f"/clients/{practice.link.pk}/", f"/clients/{practice.link.pk}/fhir.json",
                 f"/api/clients/{practice.link.pk}/fhir", f"/clients/{practice.link.pk}/prescribe/",
                 f"/diary/?client={practice.client.pk}"):  # fmt: skip
        assert ana.get(path).status_code == 404, path
    assert "P-17" not in ana.get("/clients/").content.decode()
    assert "P-17" not in downloads.text(ana.get("/clients/export.csv"))


def test_the_admin_makes_practitioners_and_links(clock: FakeClock) -> None:
    admin = User.objects.create_superuser("root", "root@example.org", "pw-for-the-test")
    user = User.objects.create_user("dee@example.org")
    desk = signed_in(admin)
    added = desk.post("/admin/web/practitionerprofile/add/", {"user": user.pk, "name": "Dee Ray"})
    assert added.status_code == 302, added.content.decode()[:3000]
    profile = PractitionerProfile.objects.get(user=user)
    done = desk.post(
        "/admin/web/practitionerprofile/",
        {"action": "signin_link", "_selected_action": [profile.pk]},
        follow=True,
    )
    assert "Dee Ray: http" in done.content.decode()
    assert "/signin/link/" in done.content.decode()


def test_the_client_answers_the_safety_questions_when_asked(clock: FakeClock) -> None:
    from acupressure import safety
    from acupressure.records.signin import issue_token

    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    desk = signed_in(ana)
    desk.post("/clients/new/", {"label": "P-30"})
    link = PractitionerLink.objects.get(practitioner=ana)
    asked = desk.post(f"/clients/{link.pk}/screening/", {"ask_client": "yes"})
    assert asked["Location"] == f"/clients/{link.pk}/"
    screening_page = desk.get(f"/clients/{link.pk}/screening/").content.decode()
    assert "their answers are not in yet" in screening_page
    phone = Client()
    use_link(phone, f"/signin/link/{issue_token(link.client)}/")
    agreed = phone.post("/consent/", {"link": link.pk, "answer": "yes"})
    assert agreed["Location"] == f"/consent/{link.pk}/screening/"
    form = {f"flag-{f}": "no" for f in safety.red_flags()}
    form.update(area="neck", pregnant="yes", trimester="2")
    assert phone.post(f"/consent/{link.pk}/screening/", form)["Location"] == "/"
    link.refresh_from_db()
    assert link.intake is not None and link.intake["trimester"] == 2
    page = desk.get(f"/clients/{link.pk}/prescribe/").content.decode()
    assert 'value="LI4" disabled' in page
    # a red flag: the client sees the advice, and nothing can be prescribed
    flag = next(iter(safety.red_flags()))
    form[f"flag-{flag}"] = "yes"
    blocked = phone.post(f"/consent/{link.pk}/screening/", form)
    assert blocked.status_code == 200
    assert "Please see a clinician first" in blocked.content.decode()
    page = desk.get(f"/clients/{link.pk}/prescribe/").content.decode()
    assert 'value="KI27" disabled' in page and "Screening blocks any routine" in page


def test_the_routine_handout_carries_a_sign_in_link(clock: FakeClock, tmp_path: Path) -> None:
    import subprocess

    practice = make_practice()
    desk = signed_in(practice.practitioner)
    response = desk.post(f"/clients/{practice.link.pk}/routine.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store, private"
    path = tmp_path / "routine.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "KI27" in text and "TE3" in text
    found = re.search(r"http://testserver(/signin/link/\S+/)", text.replace("\n", ""))
    assert found, text
    landed = use_link(Client(), found[1])
    assert landed.status_code == 302  # it signs the client in


def test_the_invite_qr_says_when_a_phone_cannot_open_it(clock: FakeClock, settings: Any) -> None:
    desk = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    here = desk.post("/clients/new/", {"label": "P-40"}, HTTP_HOST="127.0.0.1:8123", follow=True)
    page = here.content.decode()
    assert 'value="http://127.0.0.1:8123/signin/link/' in page  # the server's own port
    assert "a phone cannot open it" in page and "ACUPRESSURE_PUBLIC_URL" in page
    settings.PUBLIC_URL = "https://acupressure.clinic.example"
    public = desk.post("/clients/new/", {"label": "P-41"}, HTTP_HOST="127.0.0.1:8123", follow=True)
    page = public.content.decode()
    assert 'value="https://acupressure.clinic.example/signin/link/' in page
    assert "a phone cannot open it" not in page
