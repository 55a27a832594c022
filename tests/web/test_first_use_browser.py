"""First use in Chromium: nothing chosen, ending a session early, and a diary with no junk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    Recorder,
    answer_no_to_every_safety_question,
    sign_in_by_link,
    start_link,
)
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def page(server: Served) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(service_workers="block")
        yield context.new_page()
        browser.close()


def test_no_area_chosen_says_so_next_to_the_areas(server: Served, page: Any) -> None:
    seen = Recorder(page)
    page.goto(server.base + "/")
    page.get_by_role("button", name="Start").click()
    assert "Choose at least one area" in page.locator("#home-area-error").inner_text()
    assert page.url == server.base + "/"  # Start did not lead to /plan/ with nothing chosen

    page.goto(server.base + "/plan/")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    message = page.locator("#area-error")
    assert "Choose at least one area" in message.inner_text()
    assert message.is_visible()
    # the server's own 400 (what a browser without the check gets) is shown, not dropped
    page.evaluate("document.getElementById('area-error').textContent = ''")
    page.evaluate("htmx.ajax('POST', '/plan/', {source: '#intake', target: '#result'})")
    page.locator("#result .error").wait_for()
    assert "choose at least one area" in page.locator("#area-error").inner_text()
    assert [e for e in seen.errors if "400" not in e] == []


def test_only_the_questions_that_matter_are_shown(server: Served, page: Any) -> None:
    page.goto(server.base + "/plan/?area=lower-back")
    assert page.locator("fieldset[data-flag=chest-heart]").is_hidden()
    assert page.locator("fieldset[data-flag=aortic-aneurysm]").is_visible()
    assert page.locator("fieldset[data-flag=pregnancy-bleeding]").is_hidden()
    page.get_by_label("I might be pregnant, or I am trying to conceive").check()
    assert page.locator("fieldset[data-flag=pregnancy-bleeding]").is_visible()
    page.get_by_label("Upper back").check()
    assert page.locator("fieldset[data-flag=chest-heart]").is_visible()


def start_session(server: Served, page: Any, sign_in: bool = True) -> None:
    if sign_in:
        sign_in_by_link(page, start_link(server))
    page.goto(server.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.get_by_role("button", name="Start the guided session").click()
    page.wait_for_url(re.compile(r"/session/\d+/$"))


def test_end_button_from_the_keyboard_saves_what_was_done(server: Served, page: Any) -> None:
    _end_early_from_the_keyboard(server, page)


def test_a_lost_pain_before_is_saved_with_the_finish(server: Served, page: Any) -> None:
    """Offline when Start was pressed: the pain before's own request is lost, and the
    finish carries it again."""
    page.route(re.compile(r"/session/\d+/pain/$"), lambda route: route.abort())
    _end_early_from_the_keyboard(server, page)


def _end_early_from_the_keyboard(server: Served, page: Any) -> None:
    """Pain 5 before, two steps, "e", pain 4 after: the diary's row says so."""
    page.clock.install()
    start_session(server, page)
    page.get_by_label(re.compile("How bad is the pain now, from 0 .no pain.")).fill("5")
    page.get_by_role("button", name="Start the session").click()
    assert page.get_by_role("button", name="End session").is_visible()
    steps = page.locator("#timeline").evaluate("e => JSON.parse(e.textContent).steps")
    page.clock.run_for((steps[0]["seconds"] + steps[1]["seconds"]) * 1000 + 500)
    page.keyboard.press("e")
    heading = page.get_by_role("heading", name=re.compile("Session ended early"))
    heading.wait_for()
    assert f"2 of {len(steps)} steps done" in heading.inner_text()
    page.get_by_label("How bad is the pain now, from 0 to 10?").fill("4")
    page.get_by_role("button", name="Save to my diary").click()
    page.get_by_role("link", name="Saved. See your diary.").click()
    cells = page.locator(".session-row").first.locator("td").all_inner_texts()
    assert cells[2:4] == ["5", "4"]
    assert cells[4] == f"2 / {len(steps)}"


def test_ending_at_once_says_no_step_was_done(server: Served, page: Any) -> None:
    page.clock.install()
    start_session(server, page)
    page.get_by_label(re.compile("How bad is the pain now, from 0 .no pain.")).fill("5")
    page.get_by_role("button", name="Start the session").click()
    page.get_by_role("button", name="End session").click()
    page.get_by_role("heading", name="Session ended: no step was done").wait_for()


def test_a_player_opened_and_left_adds_nothing_to_the_diary(server: Served, page: Any) -> None:
    sign_in_by_link(page, start_link(server))
    page.goto(server.base + "/diary/")
    before = page.locator(".session-row").count()
    start_session(server, page, sign_in=False)  # the player opened, never started
    assert page.get_by_role("button", name="Start the session").is_visible()
    page.goto(server.base + "/diary/")
    assert page.locator(".session-row").count() == before
