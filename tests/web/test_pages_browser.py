"""Every page kind in Chromium at 360 px and 1280 px: nothing scrolls sideways, every input
is at least 24 px in both directions (a text field wide enough to type in); and the plan
page's language switch and area error."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    add_and_prescribe,
    answer_no_to_every_safety_question,
    practitioner_link,
    sign_in_by_link,
)
from tests.web.practice import open_link
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = ((360, 740), (1280, 800))
SHOTS = os.environ.get("ACUPRESSURE_SCREENSHOTS", "")  # a folder: save each page there

# Every visible control smaller than 24 px either way, and how far the page scrolls sideways.
MEASURE = """() => {
  const root = document.documentElement;
  const small = [];
  for (const e of document.querySelectorAll("input:not([type=hidden]), select, textarea, button")) {
    const r = e.getBoundingClientRect();
    if (!r.width && !r.height) continue;  // not shown
    const typed = e.tagName === "INPUT" && ["text", "number", "email", "password", "time",
      "date", "search", "url", "tel"].includes(e.type);
    if (r.width < (typed ? 44 : 24) || r.height < 24)
      small.push(`${e.tagName} ${e.name || e.id}: ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return {sideways: root.scrollWidth - root.clientWidth, small: small};
}"""


@dataclass
class Site:
    person: list[str]  # pages of the signed-in person with a program
    practitioner: list[str]
    person_state: dict[str, Any]
    practitioner_state: dict[str, Any]


ANONYMOUS = ["/", "/plan/", "/plan/?area=neck", "/points/", "/points/LI4/", "/about/",
             "/camera/", "/camera/live/", "/signin/", "/offline/"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(server: Served, browser: Any) -> Site:
    """A person with a program and a practitioner with a client, made once for the module."""
    context = browser.new_context(service_workers="block", timezone_id="Europe/Madrid")
    page = context.new_page()
    sign_in_by_link(page, server.signin_link)
    page.goto(server.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.locator("form.make-program").get_by_role("button", name="Make it a program").click()
    page.wait_for_url(re.compile(r"/program/\d+/check/\?week=0$"))
    check = page.url.removeprefix(server.base)
    program = check.split("check/")[0]
    page.get_by_label("How bad was your pain on average").fill("6")
    page.get_by_label("First activity").fill("turning my head to reverse the car")
    page.get_by_label("How well can you do it now").first.fill("3")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/diary/#summary$"))
    page.goto(server.base + "/")
    page.get_by_role("button", name=re.compile("Start the next session")).click()
    page.wait_for_url(re.compile(r"/session/\d+/$"))
    player = page.url.removeprefix(server.base)
    person = ["/", "/diary/", program, check, player, "/privacy/", "/plan/?area=neck",
              program + "stop/", "/privacy/delete/", "/consent/"]  # fmt: skip
    person_state = context.storage_state()
    context.close()

    desk = browser.new_context(service_workers="block")
    page = desk.new_page()
    open_link(page, practitioner_link(server))
    page.wait_for_url(server.base + "/clients/")
    signin_url, client = add_and_prescribe(page)
    client = client.removeprefix(server.base)
    consenting = browser.new_context(service_workers="block")
    phone = consenting.new_page()
    open_link(phone, signin_url)
    phone.get_by_role("button", name="I agree").click()
    phone.wait_for_url(server.base + "/")
    consenting.close()
    practitioner = ["/clients/", "/clients/new/", client, client + "screening/",
                    client + "prescribe/", client + "invite/", "/account/password/"]  # fmt: skip
    practitioner_state = desk.storage_state()
    desk.close()
    return Site(person, practitioner, person_state, practitioner_state)


def measure(page: Any, url: str, name: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("load")
    found = page.evaluate(MEASURE)
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
    problems = [f"{url}: small {s}" for s in found["small"]]
    if found["sideways"] > 0:
        problems.append(f"{url}: scrolls {found['sideways']} px sideways")
    return problems


def pages_of(browser: Any, server: Served, paths: list[str], who: str,
             state: dict[str, Any] | None, widths: tuple[tuple[int, int], ...] = WIDTHS,
             language: str = "en") -> list[str]:  # fmt: skip
    problems = []
    for width, height in widths:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            service_workers="block",
            storage_state=state,
            extra_http_headers={"Accept-Language": language},
        )
        page = context.new_page()
        for i, path in enumerate(paths):
            problems += measure(page, server.base + path, f"{who}-{i}-{width}")
            assert page.locator("html").get_attribute("lang") == language, path
        context.close()
    return problems


def test_anonymous_pages_fit(server: Served, browser: Any) -> None:
    problems = pages_of(browser, server, ANONYMOUS, "anonymous", None)
    assert not problems, "\n".join(problems)


def test_person_pages_fit(server: Served, browser: Any, site: Site) -> None:
    problems = pages_of(browser, server, site.person, "person", site.person_state)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_the_weekly_check_and_the_player_fit_a_phone_in_every_language(
    server: Served, browser: Any, site: Site, language: str
) -> None:
    paths = [p for p in site.person if "/check/" in p or "/session/" in p]
    paths += ["/diary/", "/plan/?area=neck"]
    phone = ((360, 740),)
    problems = pages_of(browser, server, paths, f"person-{language}", site.person_state, phone,
                        language)  # fmt: skip
    assert not problems, "\n".join(problems)


def test_practitioner_pages_fit(server: Served, browser: Any, site: Site) -> None:
    problems = pages_of(browser, server, site.practitioner, "practitioner", site.practitioner_state)
    assert not problems, "\n".join(problems)


def test_switching_language_keeps_the_area_and_a_chosen_area_clears_the_error(
    server: Served, browser: Any
) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(server.base + "/plan/?area=neck")
    page.locator("#language-choice").select_option("es")
    page.locator("form.language button").click()
    page.wait_for_url(server.base + "/plan/?area=neck")
    assert page.locator("input[name=area][value=neck]").is_checked()
    page.locator("#language-choice").select_option("en")
    page.locator("form.language button").click()
    page.wait_for_url(server.base + "/plan/?area=neck")

    page.goto(server.base + "/plan/")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    error = page.locator("#area-error")
    assert error.inner_text() == "Choose at least one area where it hurts."
    page.locator("input[name=area][value=neck]").check()
    assert error.inner_text() == ""
    context.close()
