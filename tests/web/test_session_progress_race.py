"""Two progress reports sent together (a step's and the end's, as the player does when E is
pressed just after a step ended) reach two workers at once. The report that read the session
first must not write last and lower what the other saved: each reads and writes under the
row's lock (SQLite: the write transaction's turn; PostgreSQL: SELECT ... FOR UPDATE).

Run on a SQLite file by test_races_on_sqlite_file.py, on PostgreSQL by test_postgres.py."""

from __future__ import annotations

import pytest
from tests.web.at_once import held, post
from tests.web.personas import Personas
from tests.web.programs import start

from acupressure.web.views import session as views

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("second", ["progress", "finish"])
def test_a_report_that_read_first_cannot_lower_one_saved_meanwhile(
    people: Personas, monkeypatch: pytest.MonkeyPatch, writers_wait: None, second: str
) -> None:
    session = start(people.client_for(people.owner))
    # the step's report, the first to be recorded, held once it has read the session
    has_read, go_on = held(monkeypatch, views, "_record_progress")
    url = f"/session/{session.pk}/"
    answers: list[int] = []
    first, other = people.client_for(people.owner), people.client_for(people.owner)
    step = post(first, url + "progress/", {"completed_steps": 1}, answers)
    assert has_read.wait(10)
    fields = {"completed_steps": 2, "ended": "on", "pain_after": 3}
    end = post(other, url + f"{second}/", fields, answers)
    end.join(1.0)  # without the lock it is saved by now, before the step's report writes
    go_on.set()
    step.join(10)
    end.join(10)
    assert sorted(answers) == [200, 200 if second == "progress" else 302]
    session.refresh_from_db()
    assert session.completed_steps == 2
    assert session.finished_at is not None
