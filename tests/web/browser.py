"""Debian's Chromium driven by Playwright, with every request recorded."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.web.practice import EXCLUDED_IN_PREGNANCY
from tests.web.server import Served, start_server

from acupressure import atlas

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"


def need_chromium() -> None:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it as root)")
    pytest.importorskip("playwright.sync_api")


@contextmanager
def phone_page() -> Iterator[tuple[Any, Served]]:
    """A fresh server and a 360 px wide page in Chromium."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    served = start_server()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            viewport={"width": 360, "height": 780}, bypass_csp=True, service_workers="block"
        )
        yield context.new_page(), served
        browser.close()


def sign_in_by_link(page: Any, link: str) -> None:
    """Open the one-time link `acupressure serve` printed and press its one button."""
    page.goto(link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(link.split("/signin/")[0] + "/", timeout=10000)


def run_whole_session(page: Any, pain_before: int, pain_after: int) -> None:
    """On the player page (with Playwright's clock installed): pain before, start, the clock
    run through every step, pain after, saved to the diary."""
    before = page.get_by_label(re.compile("How bad is the pain now, from 0 .no pain."))
    before.fill(str(pain_before))
    page.get_by_role("button", name="Start the session").click()
    total = int(page.locator("#timeline").evaluate("e => JSON.parse(e.textContent).total_seconds"))
    page.clock.run_for(total * 1000 + 1000)
    page.get_by_role("heading", name="Well done").wait_for()
    page.get_by_label("How bad is the pain now, from 0 to 10?").fill(str(pain_after))
    page.get_by_role("button", name="Save to my diary").click()
    page.get_by_role("link", name="Saved. See your diary.").wait_for()


class Recorder:
    """Every request a page makes, and every console error (CSP violations among them)."""

    def __init__(self, page: Any) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def foreign(self, base: str) -> list[str]:
        return [u for u in self.urls if not (u.startswith((base + "/", "data:")))]


def axe_serious(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def answer_no_to_every_safety_question(page: Any) -> None:
    for radio in page.locator("fieldset.flag:not([hidden]) input[value=no]").all():
        radio.check()


def start_link(server: Served) -> str:
    """A fresh one-time sign-in link for the same data folder (what a restart prints)."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='acupressure.web.settings';"
        "django.setup();"
        "from acupressure.records.signin import issue_token, local_user;"
        "print(issue_token(local_user('axe-tester')))"
    )
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(server.data_dir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    token = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    return f"{server.base}/signin/link/{token}/"


def practitioner_link(server: Served) -> str:
    """`acupressure practitioner add` for Dr Ana Silva: her one-time sign-in link."""
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(server.data_dir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-m", "acupressure", "practitioner", "add", "ana@example.org",
         "--name", "Dr Ana Silva", "--base-url", server.base, "--json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return str(json.loads(done.stdout)["signin_link"])


def add_and_prescribe(desk: Any) -> tuple[str, str]:
    """On /clients/: add P-17, record a pregnancy (trimester 2), prescribe TE3 and KI27;
    the client's sign-in link and the client page's address."""
    desk.get_by_role("link", name="Add a client").click()
    desk.get_by_label("Name or pseudonym").fill("P-17")
    desk.get_by_label("Year of birth (optional)").fill("1990")
    desk.get_by_role("button", name="Add and show the sign-in link").click()
    desk.get_by_role("img", name="QR code of the sign-in link").wait_for()
    signin_url = desk.get_by_label("Sign-in link").input_value()
    assert "/signin/link/" in signin_url
    desk.get_by_role("link", name="Record the screening answers").click()
    desk.get_by_label("Neck", exact=True).check()
    desk.get_by_label("Pregnant").check()
    desk.get_by_label("Trimester").select_option("2")
    answer_no_to_every_safety_question(desk)
    desk.get_by_role("button", name="Save and prescribe").click()
    desk.wait_for_url(re.compile(r"/clients/\d+/prescribe/$"))
    for code in sorted(EXCLUDED_IN_PREGNANCY):
        box = desk.locator(f"input[name=point][value={code}]")
        assert box.is_disabled(), code
        reason = desk.locator(f"#why-{code}").inner_text()
        assert reason == f"Not available for this client: {atlas.get(code).pregnancy.note}"
    desk.locator("input[name=point][value=TE3]").check()
    desk.locator("input[name=point][value=KI27]").check()
    desk.locator("input[name=note-KI27]").fill("Breathe out as you press")
    desk.get_by_label("Weeks").fill("2")
    desk.get_by_role("button", name="Save the prescription").click()
    desk.wait_for_url(re.compile(r"/clients/\d+/$"))
    assert "Waiting for P-17" in desk.locator("main").inner_text()
    return signin_url, desk.url
