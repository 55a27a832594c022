"""A Chinese-speaking browser, end to end in headless Chromium: the routine and the player
in Chinese, the cues spoken with a Chinese voice, and the bundled font drawing the hanzi
(this machine has no CJK font)."""

from __future__ import annotations

import re

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    Recorder,
    answer_no_to_every_safety_question,
)
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Record what the player asks the browser to say, instead of saying it.
SPEECH_SPY = """
window.__said = [];
window.speechSynthesis.speak = function (u) { window.__said.push([u.lang, u.text]); };
"""


def test_a_chinese_browser_plans_and_runs_a_session_in_chinese(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            locale="zh-CN", viewport={"width": 360, "height": 780}, service_workers="block"
        )
        context.add_init_script(SPEECH_SPY)
        page = context.new_page()
        seen = Recorder(page)
        page.clock.install()
        page.goto(server.signin_link)
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        page.get_by_role("button", name="登录").click()  # the one-time link's page, in Chinese
        page.wait_for_url(server.base + "/")
        page.goto(server.base + "/plan/?area=neck")
        assert page.locator(".flags .translation-mark").first.is_visible()
        answer_no_to_every_safety_question(page)
        page.get_by_role("button", name="显示我的按压方案").click()
        page.locator(".routine").wait_for()
        page.get_by_role("button", name="开始引导练习").click()
        page.wait_for_url(re.compile(r"/session/\d+/$"))
        page.locator("#pain-before").fill("5")
        page.get_by_role("button", name="开始练习").click()
        page.keyboard.press("Space")
        assert page.locator("#pause").inner_text() == "继续"
        page.keyboard.press("Space")
        total = int(
            page.locator("#timeline").evaluate("e => JSON.parse(e.textContent).total_seconds")
        )
        page.clock.run_for(total * 1000 + 1000)
        page.get_by_role("heading", name=re.compile(r"做得很好|练习结束")).wait_for()
        said = page.evaluate("window.__said")
        assert said and all(lang == "zh-CN" for lang, _ in said)
        assert any("按压" in text for _, text in said)
        # the hanzi are drawn by the bundled web font, not a system one
        page.goto(server.base + "/points/LI4/")
        page.wait_for_function("document.fonts.status === 'loaded'")
        assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"', '合谷')")
        assert any("/static/fonts/NotoSansSC-subset" in u for u in seen.urls)  # maybe hashed
        assert seen.foreign(server.base) == [] and seen.errors == []
        browser.close()


def test_the_live_camera_and_the_home_page_speak_chinese_from_their_scripts(
    server: Served,
) -> None:
    """live.js and home.js show the page's words, not their English fallbacks."""
    from playwright.sync_api import sync_playwright
    from tests.web.camera import camera_browser

    with sync_playwright() as p:
        browser = camera_browser(p, None)  # the camera permission is denied
        context = browser.new_context(locale="zh-CN", service_workers="block")
        page = context.new_page()
        page.goto(server.base + "/camera/live/")
        assert page.locator("#live-status").inner_text() == "摄像头已关闭。请按“打开摄像头”。"
        page.get_by_role("button", name="打开摄像头").click()
        status = page.locator("#live-status")
        status.filter(has_text="摄像头权限被拒绝").wait_for(timeout=20_000)
        assert not re.search(r"[A-Za-z]{3,}", status.inner_text())
        page.goto(server.base + "/")
        page.locator("form.home button[type=submit]").first.click()  # no area chosen
        error = page.locator("#home-area-error")
        error.filter(has_text="请").wait_for(timeout=5_000)
        assert not re.search(r"[A-Za-z]{3,}", error.inner_text())
        browser.close()
