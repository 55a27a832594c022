"""The live camera page: its CSP, and MediaPipe in real Chromium fed a video made from a photo."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from django.test import Client
from tests.web.browser import Recorder, axe_serious
from tests.web.camera import MODEL_WAIT_MS, camera_browser, write_y4m
from tests.web.server import Served

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for the vision helpers

from vision.photos import hand_photos

VENDOR = Path(__file__).resolve().parents[2] / "src/acupressure/web/static/vendor"


@pytest.mark.django_db
def test_only_the_live_page_may_compile_webassembly() -> None:
    client = Client()
    live = client.get("/camera/live/")
    assert live.status_code == 200
    assert "script-src 'self' 'wasm-unsafe-eval';" in live["Content-Security-Policy"]
    assert b'name="csrfmiddlewaretoken"' in live.content
    assert "wasm-unsafe-eval" not in client.get("/camera/")["Content-Security-Policy"]


def test_vendored_mediapipe_has_only_the_files_the_solutions_load() -> None:
    files = {p.name for p in VENDOR.rglob("*") if p.is_file()}
    assert "hands.js" in files and "pose.js" in files
    assert "hand_landmark_full.tflite" in files and "pose_landmark_full.tflite" in files
    assert not {"pose_landmark_heavy.tflite", "hands_solution_wasm_bin.wasm"} & files


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("photo_name", "mode", "codes", "note"),
    [
        # a right hand shows its back (both points), a left hand its palm
        ("none_00c84257", "hands", {"LI4", "TE3"}, "Your left hand, TE3 and LI4: on the back"),
        # a person facing the camera: GB21 shows from the front, the back points cannot
        ("none_00af1db1", "body", {"GB21"}, "back of the body: turn your back to the camera"),
    ],
    ids=["hands", "body"],
)
def test_live_page_draws_the_points_on_a_video(
    server: Served, tmp_path: Path, photo_name: str, mode: str, codes: set[str], note: str
) -> None:
    from playwright.sync_api import sync_playwright

    photo = next(p for p in hand_photos() if p.name.startswith(photo_name))
    video = tmp_path / "camera.y4m"
    write_y4m(photo, video)
    with sync_playwright() as p:
        browser = camera_browser(p, video)
        context = browser.new_context(
            viewport={"width": 360, "height": 780}, service_workers="block"
        )
        page = context.new_page()
        seen = Recorder(page)
        page.goto(server.base + "/camera/live/")
        page.get_by_label(re.compile("My hands" if mode == "hands" else "My back")).check()
        page.get_by_role("button", name="Start the camera").click()
        drawn = page.locator("#live:not([data-markers='0'])")  # markers drawn on the canvas
        drawn.wait_for(timeout=MODEL_WAIT_MS)
        shown = page.locator("#live-shown").inner_text()
        assert shown.endswith(" shown") and codes <= set(shown.removesuffix(" shown").split(", "))
        page.locator("#live-notes").filter(has_text=note).wait_for(timeout=MODEL_WAIT_MS)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.get_by_role("button", name="Stop").click(
            timeout=MODEL_WAIT_MS
        )  # a busy main thread under load
        assert page.locator("#live-status").inner_text() == "The camera is off."
        assert page.locator("#live").get_attribute("data-markers") == "0"
        assert seen.foreign(server.base) == []
        assert seen.errors == []
        browser.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_denied_camera_says_how_to_allow_it_accessibly(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = camera_browser(p, None)
        page = browser.new_page(bypass_csp=True)  # bypass only so that axe can be injected
        page.goto(server.base + "/camera/live/")
        page.get_by_role("button", name="Start the camera").click()
        status = page.locator("#live-status")
        status.filter(has_text="permission was denied").wait_for(timeout=10_000)
        assert page.get_by_role("button", name="Start the camera").is_enabled()
        assert axe_serious(page) == []
        browser.close()
