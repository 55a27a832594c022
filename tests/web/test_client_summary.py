"""The practitioner's kept list rows (records/client_summary.py): after every write that changes
a client's state, and after the clock passes the next slot, the row the list shows is the row
the follow-up rules work out from scratch; each practitioner sees only their own rows; and a
write that lands while a row is worked out is never overwritten."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from tests.doubles import FakeWallClock
from tests.web.practice import Practice, form_for, item, make_practice, practise, signed_in
from tests.web.programs import check

from acupressure.records import client_summary, follow_up
from acupressure.records.access import readable_links
from acupressure.records.models import ClientSummary, PractitionerLink
from acupressure.records.practice import add_client, add_practitioner, answer, withdraw
from acupressure.records.privacy import delete_diary
from acupressure.records.program_store import ProgramStore

pytestmark = pytest.mark.django_db


def _shown(practitioner: User, clock: FakeWallClock) -> dict[int, follow_up.ClientRow]:
    """The rows of the practitioner's list, as /clients/ reads them, by link."""
    links = readable_links(practitioner)
    _page, rows = client_summary.page_rows(links, "name", None, 50, clock())
    return {row.link_id: row for row in rows}


def _kept_is_fresh(practice: Practice, clock: FakeWallClock) -> follow_up.ClientRow:
    """The list's row of P-17 equals the row worked out from scratch now."""
    kept = _shown(practice.practitioner, clock)[practice.link.pk]
    assert kept == follow_up.client_row(practice.link, clock())
    return kept


def _generation(link: PractitionerLink) -> int:
    return ClientSummary.objects.get(link=link).generation


def test_each_write_updates_that_clients_row(clock: FakeWallClock) -> None:
    practice = make_practice()
    me, ana = signed_in(practice.client), signed_in(practice.practitioner)
    pk = practice.program.pk
    first = _kept_is_fresh(practice, clock)
    assert first.total_done == 0 and first.last_session is None
    writes = 0

    def marked() -> None:
        nonlocal writes
        assert _generation(practice.link) > writes  # the write marked the row stale
        writes = _generation(practice.link)

    clock.advance(hours=1)
    practise(me, pk, before=6, after=4)  # a new session
    marked()
    row = _kept_is_fresh(practice, clock)
    assert row.total_done == 1 and row.last_session is not None
    check(me, pk, 0, 6, None, [3, 4, 5])  # the weekly check
    marked()
    assert _kept_is_fresh(practice, clock).pain_baseline == 6
    again = form_for([item("KI27", 120, 4), item("TE3", 4, 1)])  # a new prescription version
    assert ana.post(f"/clients/{practice.link.pk}/prescribe/", again).status_code == 302
    marked()
    _kept_is_fresh(practice, clock)
    store = ProgramStore(practice.client.pk)
    assert store.stop(pk, clock(), "a break")  # the person stops, then resumes
    marked()
    stopped = _kept_is_fresh(practice, clock)
    assert store.resume(pk, "a break")
    marked()
    _kept_is_fresh(practice, clock)
    assert store.stop(pk, clock(), follow_up.SAFETY_STOP)  # a red flag: attention
    marked()
    assert _kept_is_fresh(practice, clock).alert_id == follow_up.RED_FLAG
    assert next(iter(_shown(practice.practitioner, clock))) == practice.link.pk  # first
    clock.advance(minutes=5)
    ana.get(f"/clients/{practice.link.pk}/")  # the practitioner has seen it
    marked()
    assert _kept_is_fresh(practice, clock).alert_id == ""
    delete_diary(practice.client.pk)  # the person deletes their diary
    marked()
    assert _kept_is_fresh(practice, clock).total_due is None
    assert stopped != first
    assert withdraw(practice.client.pk, practice.link.pk)  # consent withdrawn: gone
    marked()
    assert practice.link.pk not in _shown(practice.practitioner, clock)


def test_time_alone_brings_the_row_up_to_date(clock: FakeWallClock) -> None:
    practice = make_practice()
    before = _kept_is_fresh(practice, clock)
    assert before.fresh_until is not None and before.fresh_until > clock()
    clock.now = before.fresh_until  # the next slot (or midnight) has come; nothing written
    after = _kept_is_fresh(practice, clock)
    assert (after.total_due or 0) > (before.total_due or 0) or after.week_due != before.week_due


def test_another_practitioner_never_sees_the_rows(clock: FakeWallClock) -> None:
    practice = make_practice()
    bo = add_practitioner("bo@example.org", "Bo Park")
    shared = add_client(bo, "Shared", named=False, year_of_birth=None)
    shared.client = practice.client  # the same person, a second practitioner
    shared.save()
    answer(shared, yes=True, share_notes=False)
    practise(signed_in(practice.client), practice.program.pk, before=5, after=3)
    ana_rows, bo_rows = _shown(practice.practitioner, clock), _shown(bo, clock)
    assert set(ana_rows) == {practice.link.pk} and set(bo_rows) == {shared.pk}
    assert ana_rows[practice.link.pk].total_done == 1
    assert bo_rows[shared.pk].total_due is None  # Ana's program is not Bo's to follow
    page = signed_in(bo).get("/clients/").content.decode()
    assert "P-17" not in page and "Shared" in page
    ben_page = signed_in(practice.other).get("/clients/?sort=adherence").content.decode()
    assert "P-17" not in ben_page and "Shared" not in ben_page


def test_a_write_while_the_row_is_worked_out_leaves_it_stale(clock: FakeWallClock) -> None:
    practice = make_practice()
    _kept_is_fresh(practice, clock)
    kept = ClientSummary.objects.get(link=practice.link)
    read = {practice.link.pk: (kept.generation, practice.practitioner.pk, practice.link.label)}
    rows = follow_up.client_rows(PractitionerLink.objects.filter(pk=practice.link.pk), clock())
    practise(signed_in(practice.client), practice.program.pk, before=5, after=3)  # meanwhile
    client_summary._write(rows, read)  # the older row comes back: refused
    assert ClientSummary.objects.get(link=practice.link).stale
    assert _kept_is_fresh(practice, clock).total_done == 1


def test_the_page_shows_each_change_in_the_readers_language(clock: FakeWallClock) -> None:
    """The table's rows are rendered once per row, language and zone (row_html): a changed
    row or another language is never served the rendering of another."""
    practice = make_practice()
    ana = signed_in(practice.practitioner)
    assert "none yet" in ana.get("/clients/").content.decode()
    spanish = ana.get("/clients/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "none yet" not in spanish and 'class="client-row"' in spanish
    clock.advance(hours=1)
    practise(signed_in(practice.client), practice.program.pk, before=6, after=4)
    page = ana.get("/clients/").content.decode()
    assert "none yet" not in page and "1 of" in page


def test_the_kept_row_is_the_fresh_row_at_every_moment(clock: FakeWallClock) -> None:
    """Time alone: stepping the clock 37 minutes at a time over nine days (a week boundary
    among them), the list's row always equals the row worked out from scratch."""
    practice = make_practice()
    me = signed_in(practice.client)
    seen = set()
    for step in range(9 * 24 * 60 // 37):
        clock.advance(minutes=37)
        if step % 40 == 0:
            practise(me, practice.program.pk, before=5, after=3)
        row = _kept_is_fresh(practice, clock)
        seen.add((row.week_due, row.total_due))
    assert len(seen) > 10  # the figures moved many times
