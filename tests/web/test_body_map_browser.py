"""The body map in real Chromium: mouse, keyboard, the chosen state, axe and 360 px."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.browser import axe_serious, phone_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def page() -> Iterator[tuple[Any, str]]:
    with phone_page() as (page, served):
        yield page, served.base
    served.stop()


def focused_area(page: Any) -> str | None:
    return page.evaluate("document.activeElement.getAttribute('data-area')")  # type: ignore[no-any-return]


def test_keyboard_reaches_each_region_and_space_or_enter_toggles_it(page: tuple[Any, str]) -> None:
    tab, base = page
    tab.goto(base + "/")
    seen = []
    for _ in range(20):
        tab.keyboard.press("Tab")
        if focused_area(tab):
            seen.append(focused_area(tab))
        if focused_area(tab) == "shoulders":
            tab.keyboard.press("Space")
        if focused_area(tab) == "lower-back":
            tab.keyboard.press("Enter")
            break
    assert seen == ["neck", "shoulders", "upper-back", "lower-back"]
    assert tab.url == base + "/"  # toggled in place, the link was not followed
    checked = tab.locator("input[name=area]:checked").evaluate_all("e => e.map(i => i.value)")
    assert checked == ["shoulders", "lower-back"]
    pressed = tab.get_by_role("button", name="Shoulders")
    assert pressed.get_attribute("aria-pressed") == "true"
    ticks = tab.locator(".region .tick").evaluate_all(
        "e => e.map(t => getComputedStyle(t).display !== 'none')"
    )
    assert ticks == [False, True, False, True]  # a check mark, not only a colour


def test_clicking_a_region_and_its_checkbox_stay_in_step(page: tuple[Any, str]) -> None:
    tab, base = page
    tab.goto(base + "/")
    tab.get_by_role("button", name="Neck").click()
    assert tab.locator("input[value=neck]").is_checked()
    tab.locator("input[value=neck]").uncheck()
    assert tab.get_by_role("button", name="Neck").get_attribute("aria-pressed") == "false"
    tab.get_by_role("button", name="Upper back").click()
    tab.get_by_role("button", name="Start").click()
    tab.wait_for_url(base + "/plan/?from=home&area=upper-back")


def test_map_is_accessible_and_fits_360_px_with_areas_chosen(page: tuple[Any, str]) -> None:
    tab, base = page
    tab.goto(base + "/?area=neck&area=shoulders")
    assert axe_serious(tab) == []
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    box = tab.locator(".bodymap svg").bounding_box()
    assert box["width"] >= 300  # the map uses the phone's width
