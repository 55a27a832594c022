"""Web content fixes from the safety review (issue 9)."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.web.personas import intake_form

pytestmark = pytest.mark.django_db


def test_point_pages_cite_the_article_by_title_not_by_file_path(client: Client) -> None:
    page = client.get("/points/CV6/").content.decode()
    assert "14 Acupressure Points to Relieve Lower and Upper Back Pain" in page
    assert "shared/seed" not in page and ".txt" not in page


def test_point_page_dose_is_plain_for_one_press(client: Client) -> None:
    page = client.get("/points/GV14/").content.decode()
    assert "time(s)" not in page and "once" in page


def test_about_gives_the_cochrane_rating_and_what_the_trials_did_not_test(
    client: Client,
) -> None:
    page = " ".join(client.get("/about/").content.decode().split())
    assert "low to very low" in page and "Cochrane" in page
    assert "trained therapists" in page
    assert "No trial has tested the other upper-back points" in page
    assert "matsubara-2011" in page and "33 women" in page and "35 to 36%" in page
    assert "a third more" not in page


def test_a_soon_answer_in_the_browser_points_to_the_checkbox_not_a_cli_flag(
    client: Client,
) -> None:
    form = intake_form(area="neck")
    form["flag-night-pain"] = "yes"
    page = client.post("/plan/", form, headers={"HX-Request": "true"}).content.decode()
    assert "--seen-clinician" not in page
    assert "A clinician has already assessed the problems I answered yes to" in page


def test_the_emergency_box_says_get_medical_help_once(client: Client) -> None:
    form = intake_form(area="neck")
    form["flag-fever"] = "yes"
    page = client.post("/plan/", form, headers={"HX-Request": "true"}).content.decode()
    assert page.lower().count("get medical help now") == 1


def test_start_with_no_area_returns_to_the_body_map_with_the_message(client: Client) -> None:
    """Without JavaScript the home form still submits; /plan/ sends it back, with the reason."""
    response = client.get("/plan/", {"from": "home"})
    assert response.status_code == 302 and response["Location"] == "/?error=area#bodymap"
    page = client.get("/", {"error": "area"}).content.decode()
    assert "Choose at least one area first" in page
    assert client.get("/plan/", {"from": "home", "area": "neck"}).status_code == 200
