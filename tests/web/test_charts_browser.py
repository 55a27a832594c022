"""Inline point charts stay readable: full content width on a desktop, scrolled at 360 px."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from tests.web.browser import ARGS, CHROMIUM, need_chromium
from tests.web.personas import intake_form
from tests.web.server import Served, start_server

from acupressure.web.charts import charts_for


@pytest.mark.django_db
def test_routine_gets_one_scrollable_chart_per_view(client: Client) -> None:
    response = client.post("/plan/", intake_form(area=["neck", "lower-back"]))
    page = response.content.decode()
    codes = [c for c in ("BL23", "BL10", "LI4") if f'data-code="{c}"' in page]
    assert len(codes) == 3
    assert page.count('class="point-chart"') == page.count('class="chart-scroll"') >= 3
    assert len(charts_for(codes)) == 3  # back, neck and hand: never one shrunken sheet


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Any, str]]:
    need_chromium()
    from playwright.sync_api import sync_playwright

    server: Served = start_server()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser, server.base
        browser.close()
    server.stop()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("width", "least"), [(360, 640), (1280, 740)])
def test_point_chart_is_drawn_at_a_readable_size(
    served: tuple[Any, str], width: int, least: int
) -> None:
    browser, base = served
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "/points/GB21/")
    chart = page.locator("svg.point-chart").bounding_box()
    assert chart["width"] >= least  # about 760 px drawn: 640 px keeps 12 px text near 10 px
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # only the chart scrolls
    context.close()
