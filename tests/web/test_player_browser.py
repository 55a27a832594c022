"""The guided player in Chromium, as on a phone (360x740) and a laptop (1280x800): the
primary action and the controls in view without scrolling, the point's chart above or beside
the countdown; and a session ended with E whose page is then closed keeps its steps."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser import ARGS, CHROMIUM, sign_in_by_link
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = os.environ.get("ACUPRESSURE_SCREENSHOTS", "")  # a folder: save what the player shows
IN_VIEW = """(e) => { const r = e.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight
    && r.right <= innerWidth; }"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def state(server: Served, browser: Any) -> dict[str, Any]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    sign_in_by_link(page, server.signin_link)
    saved: dict[str, Any] = context.storage_state()
    context.close()
    return saved


def new_session(page: Any, server: Served, area: str = "neck") -> str:
    """A player page for a routine of `area`, started by a POST to /session/start/ as the
    plan page's button does (its intake given here instead of answered)."""
    intake = json.dumps({"areas": [area], "helper": True, "red_flags": []})
    page.goto(server.base + "/plan/")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    page.evaluate(
        """([intake, token]) => { const f = document.createElement('form');
        f.method = 'post'; f.action = '/session/start/';
        for (const [k, v] of [['intake', intake], ['csrfmiddlewaretoken', token]]) {
          const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v;
          f.appendChild(i); }
        document.body.appendChild(f); f.submit(); }""",
        [intake, token],
    )
    page.wait_for_url(re.compile(r"/session/\d+/$"))
    return str(page.url)


@pytest.mark.parametrize("size", [(360, 740), (1280, 800)])
def test_player_keeps_the_point_and_the_controls_in_view(
    server: Served, browser: Any, state: dict[str, Any], size: tuple[int, int]
) -> None:
    width, height = size
    context = browser.new_context(
        viewport={"width": width, "height": height}, service_workers="block", storage_state=state
    )
    page = context.new_page()
    page.clock.install()
    new_session(page, server)
    assert page.locator("#start").evaluate(IN_VIEW), "Start is below the fold"
    page.locator("#pain-before").fill("4")
    page.get_by_role("button", name="Start the session").click()
    page.clock.run_for(1000)  # in the first step: the first point's chart already shows
    for name in ("Pause", "Next step", "End session"):
        assert page.get_by_role("button", name=name).evaluate(IN_VIEW), name
    chart = page.locator("figure.player-chart:not([hidden]) img")
    chart.evaluate("img => img.decode()")  # loaded (awaited, not polled: the clock is fake)
    box, clock = chart.bounding_box(), page.locator("#countdown").bounding_box()
    assert box and clock and box["height"] > 100
    assert box["y"] >= 0 and box["y"] < height / 2  # the chart starts in the upper half
    if width < 900:
        assert box["y"] + box["height"] <= clock["y"]  # above the countdown
    else:
        assert box["x"] + box["width"] <= clock["x"]  # beside it
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"player-{width}.png"))
    context.close()


def test_a_session_ended_with_e_and_closed_keeps_its_steps(
    server: Served, browser: Any, state: dict[str, Any]
) -> None:
    context = browser.new_context(service_workers="block", storage_state=state)
    page = context.new_page()
    page.clock.install()
    session = new_session(page, server, "upper-back")
    timeline = page.locator("#timeline").evaluate("e => JSON.parse(e.textContent)")
    page.locator("#pain-before").fill("5")
    page.get_by_role("button", name="Start the session").click()
    steps = timeline["steps"]
    page.clock.run_for((steps[2]["start"] + 1) * 1000)  # two steps done, the third under way
    page.keyboard.press("e")
    assert "2 of" in page.locator("#after-h").inner_text()
    page.close()  # no pain-after form: the person just leaves

    diary = context.new_page()
    pk = session.rstrip("/").split("/")[-1]
    row = f"2 / {len(steps)}"
    for _ in range(50):  # the beacon is on its way while the page closes
        diary.goto(server.base + "/diary/")
        if row in diary.locator("table").first.inner_text():
            break
        diary.wait_for_timeout(200)
    assert row in diary.locator("table").first.inner_text()
    data = diary.goto(f"{server.base}/session/{pk}/timeline.json").json()
    assert data["finished"] is True  # the end is recorded
    context.close()


def test_steps_done_are_kept_as_they_happen_when_the_page_is_just_closed(
    server: Served, browser: Any, state: dict[str, Any]
) -> None:
    context = browser.new_context(service_workers="block", storage_state=state)
    page = context.new_page()
    page.clock.install()
    session = new_session(page, server, "neck")
    steps = page.locator("#timeline").evaluate("e => JSON.parse(e.textContent).steps")
    page.locator("#pain-before").fill("5")
    page.get_by_role("button", name="Start the session").click()
    page.clock.run_for((steps[3]["start"] + 1) * 1000)  # three steps done, the fourth under way
    page.close()  # no E, no form: the tab is simply closed

    pk = int(session.rstrip("/").split("/")[-1])
    check = context.new_page()
    for _ in range(50):  # the reports are on their way
        mine = [s for s in check.goto(f"{server.base}/api/diary/sessions").json() if s["id"] == pk]
        if mine and mine[0]["completed_steps"] == 3:
            break
        check.wait_for_timeout(200)
    assert mine and mine[0]["completed_steps"] == 3
    assert mine[0]["finished_at"] is None  # not ended: it was left, not finished
    context.close()
