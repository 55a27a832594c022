"""htmx reads the data-hx-* attributes (valid HTML) in real Chromium: the plan form and the
diary check-in are answered in place, by htmx requests."""

from __future__ import annotations

from typing import Any

import pytest
from tests.web.browser import answer_no_to_every_safety_question, phone_page, sign_in_by_link
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_plan_and_check_in_are_answered_in_place_by_htmx() -> None:
    with phone_page() as (page, served):
        try:
            answered_in_place(page, served)
        finally:
            served.stop()


def answered_in_place(page: Any, served: Served) -> None:
    sent: list[str] = []
    page.on(
        "request",
        lambda r: sent.append(r.url) if r.headers.get("hx-request") == "true" else None,
    )
    sign_in_by_link(page, served.signin_link)
    page.goto(served.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.locator("#result .routine").wait_for()
    assert page.url == served.base + "/plan/?area=neck"  # no navigation: swapped in place
    page.goto(served.base + "/diary/")
    page.get_by_label("Pain now, from 0 (no pain) to 10 (worst pain imaginable)").fill("4")
    page.get_by_role("button", name="Save check-in").click()
    page.locator("#checkin-result .ok").wait_for()
    assert sent == [served.base + "/plan/", served.base + "/diary/checkin/"]
