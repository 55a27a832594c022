"""Two prescriptions for one client at once (a double click on "Prescribe", two tabs, the
API): the second must become the next version of the program the first made, not a second
program. Each reads the client's program after taking its turn (SQLite: the write
transaction's; PostgreSQL: the link's row locked, records/practice.py).

Run on a SQLite file by test_races_on_sqlite_file.py, on PostgreSQL by test_postgres.py."""

from __future__ import annotations

import pytest
from tests.web.at_once import held, post
from tests.web.practice import PREGNANT, form_for, item, record_screening, signed_in

from acupressure.records import changes
from acupressure.records.models import ProgramRecord
from acupressure.records.practice import add_client, add_practitioner, answer
from acupressure.records.program_store import ProgramStore

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("before", [0, 1])
def test_two_prescriptions_at_once_make_the_next_two_versions_of_one_program(
    monkeypatch: pytest.MonkeyPatch, writers_wait: None, before: int
) -> None:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-1", named=False, year_of_birth=1990)
    answer(link, yes=True, share_notes=False)
    record_screening(link, PREGNANT)
    url, form = f"/clients/{link.pk}/prescribe/", form_for([item("KI27", 120, 3)])
    first, second = signed_in(ana), signed_in(ana)
    for _ in range(before):
        assert first.post(url, form).status_code == 302
    # held once it has read the program (none: made one; one: worked out what changed)
    if before:
        has_made, go_on = held(monkeypatch, changes, "changes")
    else:
        has_made, go_on = held(monkeypatch, ProgramStore, "create")
    answers: list[int] = []
    one = post(first, url, form, answers)
    assert has_made.wait(10)
    two = post(second, url, form, answers)
    two.join(1.0)  # without the turn it has read the same program by now
    go_on.set()
    one.join(10)
    two.join(10)
    assert answers == [302, 302]
    programs = ProgramRecord.objects.filter(owner_id=link.client_id)
    assert programs.count() == 1
    versions = programs.get().prescriptions.values_list("version", flat=True)
    assert sorted(versions) == list(range(1, before + 3))
