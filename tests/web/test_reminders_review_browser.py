"""/privacy/'s Reminders section at 360 px in Chromium, with email on (so every choice shows):
no sideways scroll, every control at least 24 px square (a long label squeezed the disabled
email checkbox to 15 px before), each quiet-hours time on one line with its label, and axe
finds nothing serious."""

from __future__ import annotations

import pytest
from tests.web.browser import ARGS, CHROMIUM, axe_serious, need_chromium, sign_in_by_link
from tests.web.server import start_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZES = """() => [...document.querySelectorAll(
    '#reminders input:not([type=hidden]), #reminders button')]
  .map(e => { const r = e.getBoundingClientRect();
              return {html: e.outerHTML.slice(0, 80), w: r.width, h: r.height}; })"""
ROWS = """() => [...document.querySelectorAll('#reminders .quiet-time')].map(pair =>
  [...pair.children].map(e => Math.round(e.getBoundingClientRect().top + e.offsetHeight / 2)))"""


def test_the_reminder_choices_fit_a_phone() -> None:
    need_chromium()
    from playwright.sync_api import sync_playwright

    served = start_server(
        args=("--no-reminders",),
        extra_env={
            "ACUPRESSURE_SMTP_URL": "smtp://127.0.0.1:1",
            "ACUPRESSURE_EMAIL_FROM": "clinic@example.org",
        },
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(
                viewport={"width": 360, "height": 740}, service_workers="block", bypass_csp=True
            )
            page = context.new_page()
            sign_in_by_link(page, served.signin_link)
            page.goto(served.base + "/privacy/")
            assert page.get_by_label("A weekly summary by email").count() == 1
            assert not page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            sizes = page.evaluate(SIZES)
            assert len(sizes) >= 6  # three boxes, two times, the button
            small = [s for s in sizes if s["w"] < 24 or s["h"] < 24]
            assert small == []
            for label_middle, input_middle in page.evaluate(ROWS):
                assert abs(label_middle - input_middle) <= 4  # side by side, not wrapped
            assert axe_serious(page) == []
            browser.close()
    finally:
        served.stop()
