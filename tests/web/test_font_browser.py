"""The Chinese font only where Chinese is shown, and the English first visit to a point page
small over the wire (Chromium, nothing cached, bytes as encoded on the wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.browser import ARGS, CHROMIUM
from tests.web.server import Served

pytestmark = pytest.mark.browser
FIRST_VISIT_LIMIT = 20 * 1024


@pytest.fixture(scope="module")
def browser(server: Served) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def first_visit(browser: Any, url: str, language: str) -> dict[str, int]:
    """Every response of a first visit (a fresh context: no cache, no service worker) and
    its encoded body size, as Chromium counts it."""
    context = browser.new_context(locale=language, service_workers="block")
    page = context.new_page()
    seen: list[Any] = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => 1)")
    page.wait_for_load_state("networkidle")
    sizes = {r.url.split("/", 3)[-1]: r.sizes()["responseBodySize"] for r in seen}
    context.close()
    return sizes


def test_an_english_point_page_loads_a_tiny_font_and_stays_under_20_kb(
    server: Served, browser: Any
) -> None:
    sizes = first_visit(browser, server.base + "/points/BL23/", "en-US")
    fonts = {url: size for url, size in sizes.items() if "/fonts/" in url}
    assert not any("NotoSansSC-subset" in url for url in fonts), fonts
    assert sum(sizes.values()) <= FIRST_VISIT_LIMIT, sizes


def test_a_chinese_page_gets_the_whole_chinese_font(server: Served, browser: Any) -> None:
    sizes = first_visit(browser, server.base + "/points/BL23/", "zh-CN")
    assert any("NotoSansSC-subset" in url for url in sizes), sizes
