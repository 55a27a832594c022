"""`/plan/`: intake and red flags on one page, then the routine or the advice."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.web.personas import intake_form

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def test_plan_page_preselects_the_area_from_the_body_map(client: Client) -> None:
    page = client.get("/plan/?area=neck").content.decode()
    assert 'value="neck" checked' in page
    assert 'value="lower-back" checked' not in page
    assert "flag-bladder-bowel" in page


def test_pregnant_second_trimester_routine_leaves_out_forbidden_points(client: Client) -> None:
    form = intake_form(area="lower-back", pregnant="yes", trimester="2", helper="yes")
    response = client.post("/plan/", form, **HX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your routine" in page
    for code in ("LI4", "BL60", "GB21", "CV6"):
        assert f'class="routine-point" data-code="{code}"' not in page
    assert 'data-code="BL23"' in page
    assert "Left out, and why" in page and 'data-code="BL60"' in page


def test_htmx_post_returns_only_the_result(client: Client) -> None:
    page = client.post("/plan/", intake_form(area="neck"), **HX).content.decode()
    assert "<html" not in page and "Your routine" in page


def test_full_page_post_works_without_javascript(client: Client) -> None:
    page = client.post("/plan/", intake_form(area="neck")).content.decode()
    assert "<html" in page and "Your routine" in page


def test_red_flag_shows_advice_and_no_routine(client: Client) -> None:
    form = intake_form(area="lower-back", **{"flag-saddle-numbness": "yes"})
    page = client.post("/plan/", form, **HX).content.decode()
    assert "Get medical help now" in page
    assert "emergency department" in page
    assert "routine-point" not in page and "Start the guided session" not in page


def test_soon_flag_cleared_by_clinician_gives_routine(client: Client) -> None:
    from acupressure import safety

    soon = next(f.id for f in safety.red_flags().values() if f.urgency == "soon")
    blocked = client.post("/plan/", intake_form(area="neck", **{f"flag-{soon}": "yes"}), **HX)
    assert "See a doctor first" in blocked.content.decode()
    cleared = intake_form(area="neck", seen_clinician="yes", **{f"flag-{soon}": "yes"})
    assert "Your routine" in client.post("/plan/", cleared, **HX).content.decode()


def test_unanswered_safety_questions_are_a_400(client: Client) -> None:
    response = client.post("/plan/", {"area": "neck"}, **HX)
    assert response.status_code == 400
    assert "answer every safety question" in response.content.decode()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"area": "knee"}, "areas"),
        ({}, "choose at least one area"),
        ({"area": "neck", "minutes": "ten"}, "minutes"),
        ({"area": "neck", "minutes": "0"}, "minutes"),
        ({"area": "neck", "pregnant": "yes", "trimester": "7"}, "trimester"),
        ({"area": "neck", "condition": "gout"}, "unknown condition"),
    ],
)
def test_bad_intake_is_a_clear_400(client: Client, extra: dict[str, str], message: str) -> None:
    response = client.post("/plan/", intake_form(**extra), **HX)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_start_button_needs_sign_in(client: Client) -> None:
    page = client.post("/plan/", intake_form(area="neck"), **HX).content.decode()
    assert "Start the guided session" not in page and "/signin/?next=/plan/" in page
