"""A reminder end to end with real Chromium: the server's worker sends it to a push service on
loopback (which checks VAPID and decrypts, as the browser's would); delivered to the service
worker (DevTools: ServiceWorker.deliverPushMessage) it shows as a notification with its
actions (Later and Skip today as buttons; Start is a click on it, since Chromium shows two
buttons at most), and Start opens that session in the player.

Chromium cannot subscribe to its own push service here (no network), so the page's button is
checked for asking permission and saying why it failed, and the test gives the server the
loopback service's subscription, posted from the signed-in page as the button would."""

from __future__ import annotations

import json
import re
import sqlite3
import time
import warnings
from datetime import UTC, datetime
from typing import Any

import pytest
from tests.reminders.pushservice import PushService
from tests.web.browser import ARGS, CHROMIUM, need_chromium, sign_in_by_link
from tests.web.programs import INTAKE
from tests.web.server import start_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ACTIVE = """async () => { const r = await navigator.serviceWorker.ready;
  return r.active !== null && r.active.state === "activated"; }"""
SHOWN = """async () => { const r = await navigator.serviceWorker.ready;
  for (let i = 0; i < 100; i++) { const n = await r.getNotifications();
    if (n.length) return n.map(x => ({title: x.title, body: x.body, data: x.data,
                                      actions: x.actions.map(a => a.action)}));
    await new Promise(ok => setTimeout(ok, 100)); } return []; }"""


def _csrf(page: Any) -> str:
    return str(page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value"))


def _make_program(page: Any, base: str) -> str:
    page.goto(base + "/privacy/")
    form = {
        "intake": INTAKE,
        "weeks": "2",
        "per_day": "1",
        "at": "09:00",
        "tz": "UTC",
        "csrfmiddlewaretoken": _csrf(page),
    }
    answer = page.request.post(
        base + "/program/new/", form=form, headers={"Referer": base + "/"}, max_redirects=0
    )
    assert answer.status == 302, answer.text()
    return str(re.search(r"/program/(\d+)/", answer.headers["location"])[1])  # type: ignore[index]


def _live(registrations: list[Any], base: str) -> list[Any]:
    """The service worker registrations of the site that are not being deleted."""
    return [r for r in registrations if not r.get("isDeleted") and r["scopeURL"].startswith(base)]


def _due_now(database: str) -> None:
    """The test's stand-in for waiting until 09:00: the first reminder is due now."""
    with sqlite3.connect(database) as db:
        first = db.execute(
            "SELECT id FROM reminders_reminder WHERE kind='session' ORDER BY fire_at LIMIT 1"
        ).fetchone()[0]
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
        db.execute("UPDATE reminders_reminder SET fire_at=? WHERE id=?", (now, first))


def test_a_reminder_shows_in_chromium_and_its_start_opens_the_player() -> None:
    need_chromium()
    from playwright.sync_api import sync_playwright

    with PushService() as push:
        served = start_server(
            args=("--workers", "1"), extra_env={"ACUPRESSURE_PUSH_SERVICES": push.origin}
        )
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                context = browser.new_context(
                    viewport={"width": 360, "height": 780}, bypass_csp=True
                )
                context.grant_permissions(["notifications"], origin=served.base)
                page = context.new_page()
                sign_in_by_link(page, served.signin_link)
                program = _make_program(page, served.base)
                page.goto(f"{served.base}/program/{program}/")
                page.get_by_role("button", name="Remind me on this device").click()
                page.wait_for_function("document.getElementById('push-status').textContent !== ''")
                assert page.locator("#push-status").text_content()  # why it failed, in words
                answer = page.request.post(
                    served.base + "/reminders/push/subscribe/",
                    data=json.dumps(
                        {**push.device("chromium").subscription(), "label": "Chromium"}
                    ),
                    headers={
                        "Content-Type": "application/json",
                        "X-CSRFToken": _csrf(page),
                        "Referer": served.base + "/",
                    },
                )
                assert answer.status == 201, answer.text()
                _due_now(str(served.data_dir / "acupressure.sqlite3"))
                deadline = time.monotonic() + 90  # the worker looks at least every 30 s
                while not push.received and time.monotonic() < deadline:
                    time.sleep(0.5)
                assert push.received, served.output()[-2000:]
                [sent] = push.received
                assert push.refused == []

                cdp = context.new_cdp_session(page)
                found: list[Any] = []
                cdp.on(
                    "ServiceWorker.workerRegistrationUpdated",
                    lambda e: found.extend(e["registrations"]),
                )
                cdp.send("ServiceWorker.enable")
                # the push goes to an active service worker: one still installing loses it
                page.wait_for_function(ACTIVE, timeout=30_000)
                deadline = time.monotonic() + 10
                while not _live(found, served.base) and time.monotonic() < deadline:
                    page.wait_for_timeout(100)
                push_message = {
                    "origin": served.base,
                    # the live registration: the events also list ones being replaced
                    "registrationId": _live(found, served.base)[-1]["registrationId"],
                    "data": json.dumps(sent.payload),
                }
                cdp.send("ServiceWorker.deliverPushMessage", push_message)
                notes = page.evaluate(SHOWN)
                if not notes:  # headless Chromium drops a CDP-delivered push now and then
                    warnings.warn("the push was delivered again", stacklevel=1)
                    cdp.send("ServiceWorker.deliverPushMessage", push_message)
                    notes = page.evaluate(SHOWN)
                assert len(notes) == 1, (notes, found, sent.payload)  # what went where, if astray
                [shown] = notes
                assert shown["title"] == "Time for your acupressure"
                assert shown["body"].startswith("Upper back routine: about ")
                # Chromium shows two buttons: Later and Skip today; a click on it is Start
                assert shown["actions"] == ["later", "skip"]

                [worker] = context.service_workers
                todo = worker.evaluate(
                    "async () => { const [n] = await self.registration.getNotifications();"
                    " return reminderAction('', n.data); }"
                )
                page.goto(served.base + todo["open"])
                assert re.search(r"/session/\d+/$", page.url), page.url
                assert page.get_by_role("button", name=re.compile("Start")).first.is_visible()
                browser.close()
        finally:
            served.stop()
