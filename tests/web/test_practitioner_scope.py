"""Each practitioner sees their own (issue 22): their prescriptions only, the client all of
them with who wrote each; every read and action logged for the client; an ended link can be
opened again; what was prepared in the account made for a client waits for consent; the
cached public pages show "Clients" to practitioners only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock as FakeClock
from tests.web import downloads
from tests.web.personas import intake_form
from tests.web.practice import form_for, item, signed_in

from acupressure.records.models import Action, DiaryAccess, PractitionerLink, ProgramRecord
from acupressure.records.practice import add_practitioner
from acupressure.web.pagecache import PAGES

pytestmark = pytest.mark.django_db


def _linked(desk: Client, person: Client, label: str) -> PractitionerLink:
    """The practitioner adds a client; the person enters the code and consents (no notes)."""
    assert desk.post("/clients/new/", {"label": label}).status_code == 302  # to its invite page
    link = PractitionerLink.objects.get(label=label, withdrawn_at__isnull=True)
    assert person.post("/consent/code/", {"code": link.invite_code}).status_code == 302
    person.post("/consent/", {"link": link.pk, "answer": "yes"})
    link.refresh_from_db()
    assert link.active
    return link


def _prescribe(desk: Client, link: PractitionerLink, note: str) -> None:
    assert desk.post(f"/clients/{link.pk}/screening/", intake_form(area="neck")).status_code == 302
    form = form_for([item("KI27", 120, 3, pressure="firm", note=note)])
    assert desk.post(f"/clients/{link.pk}/prescribe/", form).status_code == 302


def test_each_practitioner_sees_only_their_own_prescription(clock: FakeClock) -> None:
    olivia = User.objects.create_user("olivia")
    me = signed_in(olivia)
    ana = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    ben = signed_in(add_practitioner("ben@example.org", "Ben Okafor"))
    ana_link, ben_link = _linked(ana, me, "Olivia A"), _linked(ben, me, "Olivia B")
    _prescribe(ana, ana_link, "ana-note-1")
    clock.advance(minutes=1)
    _prescribe(ben, ben_link, "ben-note-2")  # the newest program is Ben's
    for desk, link, mine, theirs in ((ana, ana_link, "ana-note-1", "ben-note-2"),
                                     (ben, ben_link, "ben-note-2", "ana-note-1")):  # fmt: skip
        for path in (f"/clients/{link.pk}/", f"/clients/{link.pk}/fhir.json",
                     f"/api/clients/{link.pk}/fhir"):  # fmt: skip
            text = downloads.text(desk.get(path))
            assert mine in text and theirs not in text, path
        assert "Ben Okafor" not in ana.get(f"/clients/{ana_link.pk}/").content.decode()
    own = me.get("/privacy/").content.decode()
    assert "prescribed by Dr Ana Silva" in own and "prescribed by Ben Okafor" in own
    for program in ProgramRecord.objects.filter(owner=olivia):
        page = me.get(f"/program/{program.pk}/").content.decode()
        assert ("Dr Ana Silva" in page) == (program.prescriber.username == "ana@example.org")


def test_every_read_and_action_is_in_the_clients_log(clock: FakeClock) -> None:
    olivia = User.objects.create_user("olivia")
    me = signed_in(olivia)
    ana = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    link = _linked(ana, me, "Olivia")
    ana.get(f"/clients/{link.pk}/screening/")
    _prescribe(ana, link, "a note")
    ana.get(f"/clients/{link.pk}/prescribe/")
    ana.post(f"/clients/{link.pk}/routine.pdf")
    ana.get(f"/diary/?client={olivia.pk}")
    ana.get(f"/diary/progress.pdf?client={olivia.pk}")
    ana.get("/clients/")
    logged = set(DiaryAccess.objects.filter(owner=olivia).values_list("action", flat=True))
    assert logged == {Action.SCREENING, Action.SCREENING_SAVED, Action.PRESCRIBE,
                      Action.PRESCRIBED, Action.HANDOUT, Action.DIARY, Action.PROGRESS_PDF,
                      Action.LIST}  # fmt: skip
    page = me.get("/privacy/").content.decode()
    for words in ("recorded your safety answers", "prescribed a program",
                  "printed your routine handout", "opened the prescribing page"):  # fmt: skip
        assert words in page, words


def test_an_ended_link_can_be_opened_again_keeping_its_history(clock: FakeClock) -> None:
    olivia = User.objects.create_user("olivia")
    me = signed_in(olivia)
    ana = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    old = _linked(ana, me, "Olivia")
    assert ana.get(f"/clients/{old.pk}/").status_code == 200
    assert me.post(f"/privacy/practitioners/{old.pk}/end/").status_code == 302
    assert ana.get(f"/clients/{old.pk}/").status_code == 404
    new = _linked(ana, me, "Olivia again")
    assert new.pk != old.pk
    old.refresh_from_db()
    assert old.withdrawn_at is not None and not old.active  # the old record stays, ended
    assert ana.get(f"/clients/{old.pk}/").status_code == 404
    assert ana.get(f"/clients/{new.pk}/").status_code == 200
    assert DiaryAccess.objects.filter(owner=olivia, what=f"/clients/{old.pk}/").exists()
    # one open link per pair: a second code for the same person is refused while one is open
    assert ana.post("/clients/new/", {"label": "Twice"}).status_code == 302
    twice = PractitionerLink.objects.get(label="Twice")
    assert me.post("/consent/code/", {"code": twice.invite_code}).status_code == 400


def test_what_was_prepared_waits_for_the_persons_answer(clock: FakeClock) -> None:
    ana_user = add_practitioner("ana@example.org", "Dr Ana Silva")
    ana = signed_in(ana_user)
    for answer in ("yes", "no"):
        person = User.objects.create_user(f"person-{answer}")
        me = signed_in(person)
        assert ana.post("/clients/new/", {"label": answer}).status_code == 302
        link = PractitionerLink.objects.get(label=answer)
        made = link.client
        _prescribe(ana, link, "prepared in clinic")  # before anyone signed into it
        waiting = ana.get(f"/clients/{link.pk}/").content.decode()
        assert f'action="/clients/{link.pk}/routine.pdf"' in waiting  # the handout, with a link
        assert 'routine.pdf" class="inline" data-pdf>' in waiting  # says it is being made
        assert 'id="pdf-status"' in waiting
        handout = ana.post(f"/clients/{link.pk}/routine.pdf")
        assert handout.status_code == 200 and handout.content.startswith(b"%PDF")
        assert me.post("/consent/code/", {"code": link.invite_code}).status_code == 302
        assert not ProgramRecord.objects.filter(owner=person).exists()  # nothing yet
        assert ana.get(f"/clients/{link.pk}/prescribe/").status_code == 404
        me.post("/consent/", {"link": link.pk, "answer": answer})
        assert ProgramRecord.objects.filter(owner=person).exists() == (answer == "yes")
        assert not User.objects.filter(pk=made.pk).exists()


def test_cached_pages_show_clients_to_practitioners_only(clock: FakeClock) -> None:
    PAGES.clear()
    person = signed_in(User.objects.create_user("olivia"))
    ana = signed_in(add_practitioner("ana@example.org", "Dr Ana Silva"))
    for first, second in ((person, ana), (ana, person)):
        PAGES.clear()
        first.get("/about/")
        assert ('href="/clients/"' in ana.get("/about/").content.decode()) is True
        assert ('href="/clients/"' in person.get("/about/").content.decode()) is False
        assert 'href="/clients/"' not in Client().get("/about/").content.decode()
        second.get("/points/")
