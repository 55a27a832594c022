"""In Chromium: a PDF link says at once that the PDF is being made, then saves it under the
server's file name and says it is ready."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    Recorder,
    answer_no_to_every_safety_question,
    sign_in_by_link,
)
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RECORD_STATUS = """
window.__said = [];
document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("pdf-status");
  if (status) new MutationObserver(() => window.__said.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
});
"""


def test_the_routine_pdf_link_shows_progress_then_saves_the_pdf(
    server: Served, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(accept_downloads=True, service_workers="block")
        context.add_init_script(RECORD_STATUS)
        page = context.new_page()
        seen = Recorder(page)
        sign_in_by_link(page, server.signin_link)
        page.goto(server.base + "/plan/?area=neck")
        answer_no_to_every_safety_question(page)
        page.get_by_role("button", name="Show my routine").click()
        page.locator("form.make-program").get_by_role("button", name="Make it a program").click()
        page.wait_for_url(re.compile(r"/program/\d+/check/\?week=0$"))
        program = re.search(r"/program/(\d+)/", page.url)
        assert program is not None
        page.goto(f"{server.base}/program/{program[1]}/")
        with page.expect_download() as got:
            page.get_by_role("link", name="My routine (PDF, A4)").click()
        download = got.value
        assert download.suggested_filename == "my-routine.pdf"
        saved = tmp_path / "routine.pdf"
        download.save_as(saved)
        assert saved.read_bytes().startswith(b"%PDF-")
        status = page.locator("#pdf-status")
        status.filter(has_text="Your PDF is ready: my-routine.pdf").wait_for()
        said = page.evaluate("window.__said")
        assert said[0].startswith("Making your PDF")  # shown before the PDF arrived
        assert said[-1] == "Your PDF is ready: my-routine.pdf"
        assert seen.errors == []
        browser.close()
