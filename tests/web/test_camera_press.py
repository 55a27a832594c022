"""Am I on it? In real Chromium: the live page's verdict on a fake camera that shows a
composite frame (a second hand pasted so its fingertip lands at a known spot), the photo
page's result, and the web player's "Use the camera" switch (the hold waits for "on")."""

from __future__ import annotations

import json
import math
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser import (
    ARGS,
    CHROMIUM,
    Recorder,
    answer_no_to_every_safety_question,
    sign_in_by_link,
)
from tests.web.camera import MODEL_WAIT_MS, camera_browser, write_y4m
from tests.web.server import Served

from acupressure.vision.press import held_live

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for the vision helpers

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _composites() -> list[tuple[str, str, Any]]:
    """Composite frames whose verdict the photo path gets right, with that verdict."""
    pytest.importorskip("mediapipe")
    from acupressure.vision.detect import Detector
    from acupressure.vision.images import photo_from_rgb
    from acupressure.vision.locate import locate_photo, request
    from vision.composite import compose, framed_backs, pressing_hand, verdict_for
    from vision.photos import hand_photos

    detector = Detector()
    out: list[tuple[str, str, Any]] = []
    try:
        photos = hand_photos()
        source_rgb, presser = pressing_hand(detector, photos)
        for _path, crop, target in framed_backs(detector, photos):
            for code in ("LI4", "TE3"):
                for along, across in ((0.0, 0.0), (3.0, 0.0)):
                    made = compose(crop, target, source_rgb, presser, code, along, across)
                    result = locate_photo(
                        photo_from_rgb(made.rgb), request([code]), detector, press=code
                    )
                    expected = verdict_for(code, made.truth_cun())
                    if result.press is not None and result.press.verdict == expected:
                        out.append((code, expected, made.rgb))
    finally:
        detector.close()
    if not out:
        pytest.skip("no composite frame with both hands found")
    return out


def test_live_page_says_the_verdict_of_a_composite_frame(server: Served, tmp_path: Path) -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    made = _composites()
    # one frame per verdict (an "on" and an "off" where there are both): MediaPipe in
    # Chromium on two slow cores takes about a minute per frame
    frames = [
        next(f for f in made if f[1] == v) for v in ("on", "off") if any(f[1] == v for f in made)
    ]
    told: list[str] = []
    with sync_playwright() as p:
        for k, (code, expected, rgb) in enumerate(frames):
            still = tmp_path / f"frame{k}.png"
            Image.fromarray(rgb).save(still)
            video = tmp_path / f"frame{k}.y4m"
            write_y4m(still, video)
            browser = camera_browser(p, video)
            context = browser.new_context(
                viewport={"width": 360, "height": 780}, service_workers="block"
            )
            page = context.new_page()
            seen = Recorder(page)
            posts: list[Any] = []
            page.on("request", lambda r, into=posts: into.append(r))
            page.goto(server.base + f"/camera/live/?mode=hands&press={code}")
            assert page.locator("#live-press").input_value() == code
            page.get_by_role("button", name="Start the camera").click()
            page.locator("#live[data-verdict]").wait_for(timeout=MODEL_WAIT_MS)
            # a few frames: the verdict settles on what the frame shows
            page.wait_for_timeout(3000)
            verdict = page.locator("#live").get_attribute("data-verdict")
            text = page.locator("#live-verdict").inner_text()
            assert text.startswith(f"{code}: ")
            assert verdict in (expected, "cannot tell"), f"{code}: {verdict}, truth {expected}"
            if verdict != "cannot tell":
                told.append(verdict)
            print(f"live {code}: truth {expected}, browser {verdict}")
            # only landmarks go to the server, never an image
            for r in (r for r in posts if r.method == "POST"):
                body = json.loads(r.post_data or "{}")
                assert set(body) <= {"width", "height", "mirrored", "points", "view", "press",
                                     "hands", "pose", "earlier"}  # fmt: skip
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            page.get_by_role("button", name="Stop").click(
                timeout=MODEL_WAIT_MS
            )  # a busy main thread under load
            assert seen.errors == [] and seen.foreign(server.base) == []
            browser.close()
    assert told, "the browser's MediaPipe found both hands in none of the frames"


def _remembered_on() -> tuple[str, Any, Any]:
    """A composite whose fingertip is on the point and which, with the target hand as the
    frame before showed it alone, the server judges "on": (code, the hand alone, pressed)."""
    pytest.importorskip("mediapipe")
    from acupressure.vision.detect import Detector
    from acupressure.vision.images import photo_from_rgb
    from acupressure.vision.press import judge
    from vision.composite import compose, framed_backs, pressing_hand, verdict_for
    from vision.photos import hand_photos

    detector = Detector()
    try:
        photos = hand_photos()
        source_rgb, presser = pressing_hand(detector, photos)
        for _path, crop, target in framed_backs(detector, photos):
            for code in ("TE3", "LI4"):
                for turn in (None, 90.0, 270.0, 0.0, 180.0):
                    made = compose(crop, target, source_rgb, presser, code, 0.0, 0.0, turn)
                    hands = detector.hands(photo_from_rgb(made.rgb))
                    press = judge(code, hands, None, earlier=target)
                    if press.remembered and press.verdict == verdict_for(code, 0.0) == "on":
                        return code, crop, made.rgb
    finally:
        detector.close()
    pytest.skip("no composite frame with both hands found")


def test_live_page_confirms_on_with_the_hand_seen_alone_first(
    server: Served, tmp_path: Path
) -> None:
    """The fake camera shows the target hand alone, then the other hand's fingertip on the
    point: the live page sends the hand it saw alone, and the server says "on", placed on it
    ("remembered"); never a wrong verdict while the hand is covered."""
    from PIL import Image
    from playwright.sync_api import sync_playwright

    code, alone, pressed = _remembered_on()
    Image.fromarray(alone).save(tmp_path / "alone.png")
    Image.fromarray(pressed).save(tmp_path / "pressed.png")
    video = tmp_path / "press.y4m"
    write_y4m(tmp_path / "pressed.png", video, seconds=3, before=tmp_path / "alone.png")
    answers: list[Any] = []
    with sync_playwright() as p:
        browser = camera_browser(p, video)
        page = browser.new_context(service_workers="block").new_page()
        page.on(
            "response",
            lambda r: answers.append(r.json()) if r.url.endswith("/api/locate/landmarks") else None,
        )
        page.goto(server.base + f"/camera/live/?mode=hands&press={code}")
        page.get_by_role("button", name="Start the camera").click()
        # "on" shown from the hand seen alone: from a covered hand's own landmarks the page
        # would add the request to show that hand alone
        page.wait_for_function(
            """code => {
              const text = document.getElementById("live-verdict").textContent;
              return document.getElementById("live").dataset.verdict === "on"
                && text.startsWith(code + ": on the point")
                && !text.includes("show that hand alone");
            }""",
            arg=code,
            timeout=MODEL_WAIT_MS,
        )
        page.get_by_role("button", name="Stop").click(timeout=MODEL_WAIT_MS)
        browser.close()
    verdicts = [a["press"] for a in answers if a.get("press")]
    told = [v for v in verdicts if v["verdict"] != "cannot tell"]
    print(f"live {code}: {[(v['verdict'], v['remembered'], v['certainty']) for v in told]}")
    assert any(v["verdict"] == "on" and v["remembered"] for v in told)
    assert all(v["verdict"] in ("on", "close") for v in told)  # the fingertip is on it


def test_live_page_does_not_remember_a_hand_that_moved(server: Served, tmp_path: Path) -> None:
    """The fake camera shows the target hand alone, then (shifted by about 2 cun, more than
    the memory's 0.3 cun) the other hand's fingertip on the point: the hand moved, so the
    server never places the point on the hand seen alone, says why ("moved"), and the page
    asks to show the hand alone again."""
    from PIL import Image
    from playwright.sync_api import sync_playwright

    from vision.alone import moved

    code, alone, pressed = _remembered_on()
    Image.fromarray(moved(alone)).save(tmp_path / "alone.png")
    Image.fromarray(pressed).save(tmp_path / "pressed.png")
    video = tmp_path / "moved.y4m"
    write_y4m(tmp_path / "pressed.png", video, seconds=3, before=tmp_path / "alone.png")
    answers: list[tuple[bool, Any]] = []  # (sent with the hand seen alone, the answer)

    def answered(r: Any) -> None:
        if r.url.endswith("/api/locate/landmarks") and r.ok:
            sent = json.loads(r.request.post_data or "{}")
            answers.append(("earlier" in sent, r.json()))

    with sync_playwright() as p:
        browser = camera_browser(p, video)
        page = browser.new_context(service_workers="block").new_page()
        page.on("response", answered)
        page.goto(server.base + f"/camera/live/?mode=hands&press={code}")
        page.get_by_role("button", name="Start the camera").click()
        # until a frame with both hands was judged with the hand seen alone
        deadline = MODEL_WAIT_MS / 1000
        waited = 0.0
        while not any(e and a["press"]["verdict"] != "cannot tell" for e, a in answers):
            assert waited < deadline, f"no judged frame with the hand seen alone: {answers}"
            page.wait_for_timeout(500)
            waited += 0.5
        # the page says why the hand seen alone was not used, and asks to show it alone again
        verdict = page.locator("#live-verdict")
        verdict.filter(has_text="The hand seen alone was not used: the").wait_for(
            timeout=MODEL_WAIT_MS
        )
        verdict.filter(has_text="show that hand alone").wait_for(timeout=MODEL_WAIT_MS)
        page.get_by_role("button", name="Stop").click(timeout=MODEL_WAIT_MS)
        browser.close()
    presses = [(e, a["press"]) for e, a in answers if a.get("press")]
    print(f"live moved {code}: {[(e, v['verdict'], v['not_remembered']) for e, v in presses]}")
    assert not any(v["remembered"] for _, v in presses)
    judged = [v for e, v in presses if e and v["verdict"] != "cannot tell"]
    assert judged and all(v["not_remembered"] in ("moved", "covered") for v in judged)
    assert any(v["not_remembered"] == "moved" for v in judged)


def test_photo_result_reads_on_a_phone_and_keeps_the_form(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    from vision.photos import hand_photos

    photo = next(p for p in hand_photos() if p.name.startswith("none_00c84257"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 780})
        seen = Recorder(page)
        page.goto(server.base + "/camera/")
        page.set_input_files("#photo", str(photo))
        page.get_by_label("LI4 Hegu").check()
        page.get_by_label("BL60 Kunlun").check()
        page.locator("#press").select_option("LI4")
        page.get_by_role("button", name="Find the points").click()
        page.get_by_role("heading", name="Result").wait_for()
        assert page.get_by_label("LI4 Hegu").is_checked()  # the form keeps the choice
        assert page.get_by_label("BL60 Kunlun").is_checked()
        assert not page.get_by_label("TE3 Zhongzhu").is_checked()
        assert page.locator("#press").input_value() == "LI4"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        image = page.locator("#located")
        box = image.bounding_box()
        column = page.locator("main").evaluate(
            "m => { const s = getComputedStyle(m);"
            " return m.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }"
        )
        assert box is not None and box["width"] >= column - 2  # fills the column
        page.get_by_role("button", name="Enlarge the photo").click()
        big = image.bounding_box()
        assert big is not None and big["height"] > box["height"]
        page.keyboard.press("Escape")
        words = page.locator(".found").inner_text()
        assert "On the back of your" in words and "hand" in words
        assert "Show the outside of your ankle" in words  # BL60: not "turn your back"
        assert "turn your back" not in words
        assert "px" not in words  # pixels stay in the JSON
        assert re.search(r"(?i)LI4: (on the point|close|not there yet|.*show both hands)",
                         page.locator(".press").inner_text())  # fmt: skip
        assert seen.errors == []
        browser.close()


def test_photo_form_with_the_photo_of_the_hand_alone(server: Served, tmp_path: Path) -> None:
    """The form's second photo: the hand alone, taken just before from the same place. On a
    composite whose verdict the pressed photo alone gets wrong, the result is the right one,
    placed on the hand alone; with the hand moved between the photos, the page says why the
    second photo was not used."""
    pytest.importorskip("mediapipe")
    from PIL import Image
    from playwright.sync_api import sync_playwright

    from vision.alone import Remembering, fixed_case, moved

    detector = Remembering()
    try:
        case = fixed_case(detector)
    finally:
        detector.close()
    if case is None:
        pytest.skip("no composite whose verdict the photo of the hand alone corrects")
    files = {"pressed": case.made.rgb, "alone": case.alone, "moved": moved(case.alone)}
    for name, rgb in files.items():
        Image.fromarray(rgb).save(tmp_path / f"{name}.png")
    words = {"on": "on the point", "close": "close", "off": "not there yet"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 780})
        seen = Recorder(page)
        page.goto(server.base + "/camera/")
        second = page.get_by_label(re.compile("a photo of the same hand alone, taken just before"))
        assert "from the same place" in (second.evaluate("e => e.labels[0].textContent") or "")
        for alone, used in (("alone", True), ("moved", False)):
            page.set_input_files("#photo", str(tmp_path / "pressed.png"))
            second.set_input_files(str(tmp_path / f"{alone}.png"))
            page.locator("#press").select_option(case.code)
            page.get_by_role("button", name="Find the points").click()
            page.get_by_role("heading", name="Result").wait_for()
            press = page.locator(".press").inner_text()
            memory = page.locator(".press .memory").inner_text()
            if used:
                assert press.lower().startswith(f"{case.code}: {words[case.expected]}".lower())
                assert "placed on the photo of the hand alone" in memory
            else:
                assert "The photo of the hand alone was not used" in memory
                assert "is not where it was" in memory
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert seen.errors == []
        browser.close()


def _start_session(page: Any, server: Served) -> None:
    sign_in_by_link(page, server.signin_link)
    page.goto(server.base + "/plan/?area=neck")
    answer_no_to_every_safety_question(page)
    page.get_by_role("button", name="Show my routine").click()
    page.locator(".routine").wait_for()
    page.get_by_role("button", name="Start the guided session").click()
    page.wait_for_url(re.compile(r"/session/\d+/$"))
    page.get_by_label(re.compile("How bad is the pain now, from 0 .no pain.")).fill("5")
    page.get_by_role("button", name="Start the session").click()


def _to_press(page: Any, wanted: Any) -> str:
    """Step on (key N) to the next press step whose code ``wanted`` accepts."""
    page.evaluate("document.activeElement && document.activeElement.blur()")  # keys to the page
    for _ in range(200):
        step = page.evaluate("window.acuPlayer.step()")
        if step and step["kind"] == "press" and wanted(step["code"]):
            return str(step["code"])
        page.keyboard.press("n")
    raise AssertionError("no such press step")


def _to_checkable_press(page: Any) -> str:
    checkable = (page.locator("#player-camera").get_attribute("data-checkable") or "").split(",")
    return _to_press(page, lambda c: c in checkable)


def _seconds(text: str) -> int:
    m, s = text.split(":")
    return int(m) * 60 + int(s)


def test_player_hold_runs_only_while_on_target(server: Served) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 780})
        page = context.new_page()
        seen = Recorder(page)
        page.clock.install()
        _start_session(page, server)
        # from here time moves only when the test moves it (run_for)
        now_ms = page.evaluate("Date.now()")
        page.clock.pause_at(datetime.fromtimestamp(now_ms / 1000 + 0.5, tz=UTC))
        code = _to_checkable_press(page)
        countdown = page.locator("#countdown")
        # without the switch the hold runs as before
        before = page.evaluate("window.acuPlayer.elapsed()")
        page.clock.run_for(1000)
        assert page.evaluate("window.acuPlayer.elapsed()") == pytest.approx(before + 1, abs=0.05)
        page.get_by_label(re.compile("Use the camera")).check()
        frame = page.locator("#player-camera iframe")
        assert f"press={code}" in (frame.get_attribute("src") or "")
        page.frame_locator("#player-camera iframe").get_by_role(
            "button", name="Start the camera"
        ).wait_for()  # the live page loads inside the player (same origin)
        held = _seconds(countdown.inner_text())
        page.clock.run_for(3000)  # no verdict yet: the hold waits
        assert _seconds(countdown.inner_text()) == held
        assert f"waits until your finger is on {code}" in page.locator("#camera-hold").inner_text()

        page.get_by_text("How the camera times the hold").click()  # behind a details toggle
        policy = page.locator("#camera-policy").inner_text()
        assert "high or medium certainty" in policy and "with low certainty it waits" in policy

        def verdict(word: str, certainty: str = "high") -> None:  # what the camera frame posts
            page.evaluate(
                "([c, v, s]) => window.postMessage({type: 'acu-press', code: c, verdict: v,"
                " certainty: s}, location.origin)",
                [code, word, certainty],
            )
            state = "waits" if word != "on" else "runs" if certainty != "low" else "unsure"
            page.locator(f"#camera-hold[data-state='{state}']").wait_for()

        verdict("on")
        page.clock.run_for(1000)
        assert _seconds(countdown.inner_text()) == held - 1
        verdict("close")
        page.clock.run_for(3000)
        assert _seconds(countdown.inner_text()) == held - 1  # waits again
        verdict("on", "low")  # on, but the camera is not sure: shown as unsure, does not count
        assert "not sure" in page.locator("#camera-hold").inner_text()
        page.clock.run_for(3000)
        assert _seconds(countdown.inner_text()) == held - 1
        verdict("on", "medium")
        assert "the hold runs" in page.locator("#camera-hold").inner_text()
        page.clock.run_for(1000)
        assert _seconds(countdown.inner_text()) == held - 2
        on_target = page.evaluate("window.acuPlayer.onTarget")
        assert math.isclose(on_target[code], 2.0, abs_tol=0.35)
        # a press on a point the live camera cannot time (not on the hand): the clock holds.
        # Stepping there with N while "on" skips the rest of this point (and its other side):
        # skipped seconds were not held, and the diary below still reads 2 s.
        other = _to_press(page, lambda c: c not in held_live([c]))
        page.locator("#camera-hold[data-state='clock']").wait_for()
        assert f"finger on {other}" in page.locator("#camera-hold").inner_text()
        before = page.evaluate("window.acuPlayer.elapsed()")
        page.clock.run_for(1000)
        assert page.evaluate("window.acuPlayer.elapsed()") == pytest.approx(before + 1, abs=0.05)
        # finish: the diary shows the seconds on target
        page.get_by_label(re.compile("Use the camera")).uncheck()
        total = int(
            page.locator("#timeline").evaluate("e => JSON.parse(e.textContent).total_seconds")
        )
        page.clock.run_for(total * 1000 + 1000)
        page.locator("#stage-after").wait_for()
        page.get_by_label("How bad is the pain now, from 0 to 10?").fill("2")
        page.get_by_role("button", name="Save to my diary").click()
        page.get_by_role("link", name="Saved. See your diary.").click()
        row = page.locator(".session-row").first.inner_text()
        assert re.search(rf"{code} 2 s", row), row
        assert seen.errors == []
        browser.close()
