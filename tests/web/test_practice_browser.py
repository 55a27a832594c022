"""End to end in Chromium: a practitioner adds a client, records a pregnancy and prescribes
(LI4, BL60, GB21 and CV6 unavailable, with reasons); the client signs in with the link,
consents, does a session and a weekly check; the practitioner sees it on /clients/ and
downloads the FHIR bundle; the client withdraws consent and the practitioner gets 404s."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    Recorder,
    add_and_prescribe,
    practitioner_link,
    run_whole_session,
)
from tests.web.practice import open_link
from tests.web.server import Served

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_practitioner_and_client_end_to_end(server: Served, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle
    from playwright.sync_api import sync_playwright

    link = practitioner_link(server)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tablet = browser.new_context(
            viewport={"width": 1024, "height": 768}, service_workers="block", has_touch=True
        )
        desk = tablet.new_page()
        desk_seen = Recorder(desk)
        open_link(desk, link)
        desk.wait_for_url(server.base + "/clients/")
        signin_url, client_page = add_and_prescribe(desk)

        phone = browser.new_context(
            viewport={"width": 390, "height": 800}, service_workers="block", timezone_id="UTC"
        )
        me = phone.new_page()
        me_seen = Recorder(me)
        me.clock.install()
        open_link(me, signin_url)
        consent_session_and_check(me, server)

        # the practitioner sees it on /clients/ and downloads the bundle
        desk.goto(server.base + "/clients/")
        row = desk.locator("tr.client-row", has_text="P-17")
        assert "none yet" not in row.inner_text()
        assert re.search(r"6 \(6\)|\(6\)", row.inner_text())  # pain at the start: 6
        desk.goto(client_page)
        assert "Pain before" in desk.locator("table.sessions").inner_text()
        with desk.expect_download() as download:
            desk.get_by_role("link", name="FHIR bundle").click()
        saved = tmp_path / "bundle.json"
        download.value.save_as(saved)
        bundle = Bundle.model_validate_json(saved.read_text())
        kinds = [e.resource.get_resource_type() for e in bundle.entry]
        assert {
            "Patient",
            "Practitioner",
            "CarePlan",
            "Observation",
            "QuestionnaireResponse",
        } <= set(kinds)

        # the client ends the practitioner's access; the practitioner gets 404s
        me.goto(server.base + "/privacy/")
        me.get_by_role("button", name="End Dr Ana Silva's access").click()
        me.get_by_text("Dr Ana Silva can no longer see").wait_for()
        assert desk.goto(client_page).status == 404
        assert desk.goto(client_page + "fhir.json").status == 404
        desk.goto(server.base + "/clients/")
        assert "P-17" not in desk.locator("main").inner_text()
        assert desk_seen.foreign(server.base) == [] and me_seen.foreign(server.base) == []
        expected = "the server responded with a status of 404"  # the two pages after withdrawal
        assert [e for e in desk_seen.errors if expected not in e] == []
        assert len(desk_seen.errors) == 2 and me_seen.errors == []
        browser.close()


def consent_session_and_check(me: Any, server: Served) -> None:
    me.wait_for_url(server.base + "/consent/")
    text = me.locator("main").inner_text()
    assert "Dr Ana Silva would like to follow your practice" in text
    assert "notes stay private unless you tick the box" in text
    me.get_by_role("button", name="I agree").click()
    me.wait_for_url(server.base + "/")
    me.get_by_text("Dr Ana Silva can now follow your practice").wait_for()
    me.get_by_role("button", name=re.compile("Start the next session")).click()
    me.wait_for_url(re.compile(r"/session/\d+/$"))
    run_whole_session(me, 6, 4)
    me.goto(server.base + "/")
    me.get_by_role("link", name="Before you start: where you are now").click()
    me.wait_for_url(re.compile(r"/program/\d+/check/"))
    me.get_by_label("How bad was your pain on average").fill("6")
    if me.get_by_label("First activity").count():
        me.get_by_label("First activity").fill("turning my head")
        me.get_by_label("How well can you do it now").first.fill("4")
    me.get_by_role("button", name="Save").click()
    me.wait_for_url(re.compile(r"/diary/#summary$"))
