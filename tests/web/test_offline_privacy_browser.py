"""Nothing personal outlives sign-out in the browser: real Chromium with the service worker.

Sign in, write a note with a marker, open every personal page, the exports and the diary
API, then sign out and go offline: no cache or storage of the origin holds a byte of it,
and the personal pages answer with the offline page. Deleting the diary empties the caches.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests.web.browser import ARGS, CHROMIUM, sign_in_by_link, start_link
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MARKER = "zebra-quartz-8812"  # in the note; must never be found in any cache or storage
PERSONAL = ["/diary/", "/privacy/", "/privacy/delete/", "/diary/export.csv", "/privacy/export.json",
            "/api/diary/checkins", "/api/diary/sessions"]  # fmt: skip

HOLD_THE_NOTE = {"/diary/", "/diary/export.csv", "/privacy/export.json", "/api/diary/checkins"}

EVERYTHING_STORED = """async () => {
  const found = {caches: {}, local: JSON.stringify(localStorage),
                 session: JSON.stringify(sessionStorage), indexedDB: []};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      found.caches[name + " " + request.url] = await response.text();
    }
  }
  if (indexedDB.databases) { found.indexedDB = (await indexedDB.databases()).map(d => d.name); }
  return found;
}"""


def _stored(page: Any) -> dict[str, Any]:
    return dict(page.evaluate(EVERYTHING_STORED))


def _controlled(page: Any, base: str) -> None:
    page.goto(base + "/points/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def _visit_everything_personal(page: Any, base: str) -> None:
    page.goto(base + "/diary/")
    page.get_by_label("Pain now, from 0 (no pain) to 10 (worst pain imaginable)").fill("5")
    page.get_by_label("Note (optional)").fill(MARKER)
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text("Saved").first.wait_for()
    for path in PERSONAL:  # every one through the worker: pages, downloads and JSON
        text = page.evaluate(f"fetch('{path}').then(r => r.text())")
        assert MARKER in text or path not in HOLD_THE_NOTE, path
        if path.endswith("/"):
            page.goto(base + path)


def _public_only(stored: dict[str, Any], base: str) -> list[str]:
    public = re.compile(r"^/(|about/|points/([A-Z0-9]+/)?|plan/(\?.*)?|offline/|camera/|static/.*|"
                        r"api/points|manifest\.webmanifest)$")  # fmt: skip
    paths = [key.split(" ", 1)[1].removeprefix(base) for key in stored["caches"]]
    return [p for p in paths if not public.match(p)]


def test_nothing_personal_is_readable_after_sign_out(server: Served) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        page = context.new_page()
        _controlled(page, server.base)
        sign_in_by_link(page, server.signin_link)
        _visit_everything_personal(page, server.base)

        signed_in = _stored(page)  # even while signed in, the caches hold public pages only
        assert MARKER not in repr(signed_in)
        assert _public_only(signed_in, server.base) == []
        assert any("/points/GV14/" in key for key in signed_in["caches"])  # the atlas is there

        page.goto(server.base + "/")
        page.evaluate("caches.open('probe').then(c => c.put('/probe', new Response('x')))")
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url(server.base + "/")
        after = _stored(page)
        assert not any(key.startswith("probe ") for key in after["caches"])  # emptied
        assert MARKER not in repr(after) and _public_only(after, server.base) == []

        context.set_offline(True)
        for path in ("/diary/", "/privacy/", "/privacy/export.json"):
            try:  # the worker answers with the offline page, or (unregistered) nothing does
                page.goto(server.base + path)
            except PlaywrightError as exc:
                assert "ERR_INTERNET_DISCONNECTED" in str(exc)
            else:
                assert "offline" in page.content().lower() and MARKER not in page.content()
        browser.close()


def test_deleting_the_diary_empties_the_caches(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        page = context.new_page()
        _controlled(page, server.base)
        assert _stored(page)["caches"]  # the worker has precached the public pages
        sign_in_by_link(page, start_link(server))
        page.goto(server.base + "/privacy/delete/")
        page.evaluate(  # a sentinel in Cache Storage and local storage, to see them go
            "caches.open('probe').then(c => c.put('/probe', new Response('x')))"
            ".then(() => localStorage.setItem('probe', 'x'))"
        )
        assert "probe" in page.evaluate("caches.keys()")
        page.get_by_label("I understand that my diary will be gone for good").check()
        page.get_by_role("button", name="Delete my diary").click()
        page.wait_for_url(server.base + "/privacy/")
        assert "probe" not in page.evaluate("caches.keys()")
        assert page.evaluate("localStorage.getItem('probe')") is None
        assert page.evaluate("navigator.serviceWorker.controller") is None  # unregistered
        browser.close()
