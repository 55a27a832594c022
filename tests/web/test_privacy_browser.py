"""The privacy pages in real Chromium: axe-clean, and the delete flow works by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.browser import axe_serious, phone_page, sign_in_by_link

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def signed_in() -> Iterator[tuple[Any, str]]:
    with phone_page() as (page, served):
        sign_in_by_link(page, served.signin_link)
        yield page, served.base
    served.stop()


def test_privacy_pages_are_accessible_and_delete_asks_first(signed_in: tuple[Any, str]) -> None:
    page, base = signed_in
    page.goto(base + "/diary/")
    page.get_by_label("Pain now, from 0 (no pain) to 10 (worst pain imaginable)").fill("5")
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text("Saved").first.wait_for()
    page.get_by_role("link", name="Your data").click()
    assert "1 check-in" in page.locator("main").inner_text()
    assert axe_serious(page) == []
    page.get_by_role("link", name="Delete my diary…").click()
    assert axe_serious(page) == []
    page.get_by_label("I understand that my diary will be gone for good").check()
    page.get_by_role("button", name="Delete my diary").press("Enter")
    page.wait_for_url(base + "/privacy/")
    text = page.locator("main").inner_text()
    assert "Deleted 0 session(s) and 1 check-in(s)" in text and "0 check-ins" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
