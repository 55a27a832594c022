"""End to end in Chromium: plan, make it a program, today, a session, the weekly check,
the summary; and the due-session notification once the person allows it."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    Recorder,
    answer_no_to_every_safety_question,
    run_whole_session,
    sign_in_by_link,
)
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RECORD_NOTIFICATIONS = """
window.__shown = [];
if (window.Notification) {
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) { super(title, options); window.__shown.push(title); }
  };
}
"""


def test_plan_program_today_session_weekly_check_summary(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            viewport={"width": 390, "height": 800},
            service_workers="block",
            timezone_id="Europe/London",
        )
        context.grant_permissions(["notifications"], origin=server.base)
        context.add_init_script(RECORD_NOTIFICATIONS)
        page = context.new_page()
        seen = Recorder(page)
        page.clock.install()
        sign_in_by_link(page, server.signin_link)
        run(page, server)
        assert seen.foreign(server.base) == []
        assert seen.errors == []
        browser.close()


def session_time() -> str:
    """A minute from now in London: the session falls due while the test runs (the server
    keeps real time; only the browser's clock is fake)."""
    soon = datetime.now(ZoneInfo("Europe/London")) + timedelta(minutes=1)
    if soon.hour == 0 and soon.minute < 2:
        pytest.skip("too close to midnight for a session later today")
    return f"{soon:%H:%M}"


def run(page: Any, server: Served) -> None:
    page.goto(server.base + "/plan/?area=lower-back")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.locator(".routine").wait_for()
    form = page.locator("form.make-program")
    assert form.locator("input[name=tz]").input_value() == "Europe/London"
    form.get_by_label("Weeks").fill("4")
    at = session_time()
    form.get_by_label("First session at").fill(at)
    form.get_by_role("button", name="Make it a program").click()

    # the baseline check
    page.wait_for_url(re.compile(r"/program/\d+/check/\?week=0$"))
    page.get_by_label("How bad was your pain on average").fill("6")
    page.get_by_label("First activity").fill("turning my head to reverse the car")
    page.get_by_label("How well can you do it now").first.fill("3")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/diary/#summary$"))
    assert "Weekly summary" in page.locator("#summary").inner_text()

    # today at /, with the notification of the due session
    page.goto(server.base + "/")
    today = page.locator("#today")
    assert "Today: week 1 of 4" in today.inner_text()
    assert f"{at} your routine: later" in " ".join(today.inner_text().split())
    page.locator("#reminder-status").filter(has_text="You will get a reminder").wait_for()
    assert page.evaluate("window.__shown") == []
    page.clock.run_for(61_000)  # the browser's clock reaches the session's time
    assert page.evaluate("window.__shown") == ["Acupressure session"]

    # a session from today
    page.get_by_role("button", name=re.compile("Start the next session")).click()
    page.wait_for_url(re.compile(r"/session/\d+/$"))
    run_whole_session(page, 5, 3)
    page.goto(server.base + "/")
    assert "done" in page.locator(".slot").first.inner_text()
    assert "1 of 1" in page.locator("table.adherence").inner_text()  # done ahead of time

    # the weekly check, then the summary with meaningful change marked
    page.get_by_role("link", name=re.compile("Weekly check for week 1")).click()
    assert page.get_by_label("First activity").input_value() == "turning my head to reverse the car"
    page.get_by_label("How bad was your pain on average").fill("3")
    page.get_by_label("How well can you do it now").first.fill("6")
    page.get_by_label("Since I started, my pain is overall").select_option(label="much better")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/diary/#summary$"))
    summary = page.locator("#summary")
    week1 = summary.locator("tbody tr").nth(1).inner_text()
    assert "3 (-3) ★" in week1 and "6 (3) ★" in week1 and "1 of 1" in week1
    with page.expect_download() as download:
        summary.get_by_role("link", name="My progress (PDF, A4)").click()
    assert download.value.suggested_filename == "my-progress.pdf"
