"""The weekly check (and baseline), much worse pain re-screens, the summary on /diary/."""

from __future__ import annotations

import pytest
from tests.doubles import FakeWallClock
from tests.web.personas import Personas
from tests.web.programs import check, make

from acupressure.records.models import ProgramRecord, QuestionnaireAnswer


def test_baseline_then_weekly_check_then_summary(
    owner_client: object, clock: FakeWallClock
) -> None:
    program = make(owner_client)
    page = owner_client.get(f"/program/{program.pk}/check/?week=0").content.decode()  # type: ignore[attr-defined]
    assert "Before you start" in page and "q-change-rating" not in page  # no change rating yet
    assert check(owner_client, program.pk, 0, 6, None, [3, 4]).status_code == 302
    clock.advance(days=7)
    # the activity names come back filled in for week 1
    page = owner_client.get(f"/program/{program.pk}/check/?week=1").content.decode()  # type: ignore[attr-defined]
    assert 'value="sitting at my desk"' in page and "q-change-rating" in page
    saved = check(owner_client, program.pk, 1, 4, 2, [5, 7])
    assert saved["Location"] == "/diary/#summary"  # type: ignore[index]
    assert QuestionnaireAnswer.objects.filter(program=program).count() == 5
    diary = owner_client.get("/diary/").content.decode()  # type: ignore[attr-defined]
    summary = diary[
        diary.index('id="summary"') : diary.index("</section>", diary.index('id="summary"'))
    ]
    assert '<th scope="row">start</th>' in summary
    # week 1: pain 4 (-2) meaningful, function 6 (+2.5) meaningful, much better meaningful
    assert "4 (-2) <strong" in summary and "6 (2.5) <strong" in summary
    assert summary.count('title="a meaningful change"') == 3  # pain, function, change
    week1 = summary[summary.index('<th scope="row">1</th>') :]
    # practice beside it: a routine and two short extra sessions a day, none done
    assert "0 of 21" in week1 and "0 s of 132 min 04 s" in week1
    assert week1.index("4 (-2)") < week1.index("6 (2.5)")  # pain, then function


def test_much_worse_asks_the_safety_questions_again(
    owner_client: object, clock: FakeWallClock
) -> None:
    program = make(owner_client)
    check(owner_client, program.pk, 0, 3, None, [5])
    clock.advance(days=7)
    response = check(owner_client, program.pk, 1, 4, -2, [5])
    assert response["Location"] == f"/program/{program.pk}/rescreen/"  # type: ignore[index]
    program.refresh_from_db()
    assert program.rescreen_requested


def test_pain_up_much_asks_again_too(owner_client: object, clock: FakeWallClock) -> None:
    program = make(owner_client)
    check(owner_client, program.pk, 0, 3, None, [])
    clock.advance(days=7)
    check(owner_client, program.pk, 1, 6, 0, [])
    assert ProgramRecord.objects.get(pk=program.pk).rescreen_requested


def test_bad_answers_and_future_weeks(owner_client: object, people: Personas) -> None:
    program = make(owner_client)
    bad = check(owner_client, program.pk, 0, 12, None, [])
    assert bad.status_code == 400 and "pain: 12 is not one of" in bad.content.decode()  # type: ignore[attr-defined]
    assert owner_client.get(f"/program/{program.pk}/check/?week=3").status_code == 404  # type: ignore[attr-defined]
    assert owner_client.get(f"/program/{program.pk}/check/?week=x").status_code == 404  # type: ignore[attr-defined]
    stranger = people.client_for(people.stranger)
    assert stranger.get(f"/program/{program.pk}/check/?week=0").status_code == 404


def test_today_links_the_open_check(owner_client: object, clock: FakeWallClock) -> None:
    program = make(owner_client)
    assert "check/?week=0" in owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    check(owner_client, program.pk, 0, 5, None, [])
    home = owner_client.get("/").content.decode()  # type: ignore[attr-defined]
    assert "Weekly check for week 1" in home
    check(owner_client, program.pk, 1, 5, 0, [])
    assert "Weekly check" not in owner_client.get("/").content.decode()  # type: ignore[attr-defined]


def test_a_clinic_questionnaire_is_offered_in_the_check(
    owner_client: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from acupressure.outcomes import ENV
    from acupressure.outcomes.loader import load_all

    clinic = Path(__file__).parents[1] / "outcomes" / "clinic"
    monkeypatch.setenv(ENV, str(clinic))
    program = make(owner_client)
    page = owner_client.get(f"/program/{program.pk}/check/?week=0").content.decode()  # type: ignore[attr-defined]
    assert "Made-up daily limits list" in page and "Made-up risk sorter" in page
    assert "For tests only." in page  # the terms of use are shown with it
    form = {"q-pain-week-pain": "5", **{f"q-daily-limits-s{i}": "yes" for i in range(1, 11)}}
    owner_client.post(f"/program/{program.pk}/check/?week=0", form)  # type: ignore[attr-defined]
    saved = QuestionnaireAnswer.objects.get(program=program, questionnaire="daily-limits")
    assert len(saved.answers) == 10
    load_all.cache_clear()
