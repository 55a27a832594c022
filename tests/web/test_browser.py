"""End to end in real headless Chromium against `acupressure serve`."""

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
    axe_serious,
    sign_in_by_link,
    start_link,
)
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]
FORBIDDEN_IN_PREGNANCY = ("LI4", "BL60", "GB21", "CV6")


@pytest.fixture(scope="module")
def browser(server: Served) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_pregnant_person_runs_a_lower_back_session_and_sees_it_in_the_diary(
    server: Served, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780}, service_workers="block")
    page = context.new_page()
    seen = Recorder(page)
    page.clock.install()
    sign_in_by_link(page, server.signin_link)  # the one-time link `acupressure serve` printed
    assert page.url == server.base + "/"

    page.get_by_role("button", name="Lower back").click()  # the body map region
    assert page.locator("input[name=area][value=lower-back]").is_checked()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/plan/\?.*area=lower-back"))

    page.get_by_label("I am pregnant").check()
    page.get_by_label("Trimester").select_option("2")
    page.get_by_label("Someone can help me").check()
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    routine = page.locator(".routine")
    routine.wait_for()
    codes = routine.locator(".routine-point").evaluate_all("els => els.map(e => e.dataset.code)")
    assert codes and "BL23" in codes
    assert not set(codes) & set(FORBIDDEN_IN_PREGNANCY)
    assert "BL60" in page.locator(".excluded").inner_text()

    page.get_by_role("button", name="Start the guided session").click()
    page.wait_for_url(re.compile(r"/session/\d+/$"))
    page.get_by_label(re.compile("How bad is the pain now, from 0 .no pain.")).fill("6")
    charts = page.locator("[data-chart] img").count()
    assert charts >= 2
    assert not [u for u in seen.urls if u.endswith("/chart.svg")]  # none on the first visit
    page.get_by_role("button", name="Start the session").click()
    countdown = page.locator("#countdown")
    first = countdown.inner_text()
    page.clock.run_for(4000)
    assert countdown.inner_text() != first  # the countdown advances with the clock
    drawn = "els => els.filter(i => i.complete && i.naturalWidth > 0).length"
    for _ in range(100):  # the charts follow in the background once the session runs
        if page.locator("[data-chart] img").evaluate_all(drawn) == charts:
            break
        page.wait_for_timeout(100)
    assert page.locator("[data-chart] img").evaluate_all(drawn) == charts
    assert len({u for u in seen.urls if u.endswith("/chart.svg")}) == charts
    page.keyboard.press("n")  # skip a step from the keyboard
    page.keyboard.press("Space")  # pause
    assert page.locator("#pause").inner_text() == "Resume"
    paused = countdown.inner_text()
    page.clock.run_for(5000)
    assert countdown.inner_text() == paused
    page.keyboard.press("Space")  # resume
    total = int(page.locator("#timeline").evaluate("e => JSON.parse(e.textContent).total_seconds"))
    page.clock.run_for(total * 1000 + 1000)

    page.get_by_role("heading", name=re.compile(r"Session over: \d+ of \d+ steps done")).wait_for()
    page.get_by_label("How bad is the pain now, from 0 to 10?").fill("3")
    page.get_by_role("button", name="Save to my diary").click()
    page.get_by_role("link", name="Saved. See your diary.").click()
    row = page.locator(".session-row").first
    assert re.search(r"Lower-back|lower-back", row.inner_text())
    cells = row.locator("td").all_inner_texts()
    assert cells[2:4] == ["6", "3"]

    assert seen.foreign(server.base) == []
    assert seen.errors == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    context.close()


def test_red_flag_shows_the_advice_and_no_routine(server: Served, browser: Any) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    seen = Recorder(page)
    page.goto(server.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.locator("input[name=flag-fever][value=yes]").check()
    page.get_by_role("button", name="Show my routine").click()
    alert = page.locator(".blocked")
    alert.wait_for()
    assert "Get medical help now" in alert.inner_text()
    assert page.locator(".routine-point").count() == 0
    assert seen.foreign(server.base) == [] and seen.errors == []
    context.close()


def test_atlas_and_a_routine_work_offline_after_a_visit(server: Served, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.base + "/points/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the service worker
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(server.base + "/plan/?area=neck")
    context.set_offline(True)
    page.goto(server.base + "/points/GV14/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("GV14")
    page.goto(server.base + "/plan/?area=neck")
    assert page.get_by_role("button", name="Show my routine").is_visible()
    context.close()


def test_no_serious_accessibility_violation_on_any_page(server: Served, browser: Any) -> None:
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    page.goto(server.base + "/")
    found: dict[str, list[str]] = {}
    for path in (
        "/",
        "/points/",
        "/points/BL52/",
        "/points/LI4/",
        "/points/nope/",
        "/about/",
        "/plan/?area=neck",
        "/signin/",
        "/offline/",
        "/camera/",
    ):
        page.goto(server.base + path)
        found[path] = axe_serious(page)
    page.goto(server.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.locator(".routine").wait_for()
    found["/plan/ routine"] = axe_serious(page)

    signed = browser.new_context(bypass_csp=True, service_workers="block")
    page = signed.new_page()
    sign_in_by_link(page, start_link(server))
    page.goto(server.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.get_by_role("button", name="Start the guided session").click()
    page.wait_for_url(re.compile(r"/session/\d+/$"))
    found["/session/ before"] = axe_serious(page)
    page.locator("#pain-before").fill("4")
    page.get_by_role("button", name="Start the session").click()
    found["/session/ running"] = axe_serious(page)
    page.goto(server.base + "/diary/")
    found["/diary/"] = axe_serious(page)
    assert {k: v for k, v in found.items() if v} == {}
    context.close()
    signed.close()
