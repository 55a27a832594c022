"""Camera helpers for browser tests: a still photo as a fake camera's video, and Chromium
with that fake camera (or a denied permission)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.web.browser import ARGS, CHROMIUM

MODEL_WAIT_MS = 240_000  # MediaPipe on software WebGL and two slow cores


def write_y4m(photo: Path, target: Path, seconds: int = 3, fps: int = 10) -> None:
    """A still video (YUV4MPEG2, 640x480, 4:2:0) of the photo, letterboxed on grey."""
    np = pytest.importorskip("numpy")
    image_module = pytest.importorskip("PIL.Image")
    picture = image_module.open(photo).convert("RGB")
    picture.thumbnail((640, 480))
    frame = image_module.new("RGB", (640, 480), (128, 128, 128))
    frame.paste(picture, ((640 - picture.width) // 2, (480 - picture.height) // 2))
    y, u, v = (np.asarray(c, dtype=np.uint8) for c in frame.convert("YCbCr").split())
    u = u.reshape(240, 2, 320, 2).mean(axis=(1, 3)).round().astype(np.uint8)
    v = v.reshape(240, 2, 320, 2).mean(axis=(1, 3)).round().astype(np.uint8)
    body = b"FRAME\n" + y.tobytes() + u.tobytes() + v.tobytes()
    with target.open("wb") as out:
        out.write(f"YUV4MPEG2 W640 H480 F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(seconds * fps):
            out.write(body)


def camera_browser(p: Any, video: Path | None) -> Any:
    """Chromium with a fake camera: the given video, or a denied permission when None."""
    media = ["--use-fake-device-for-media-stream"]
    if video is not None:
        media += ["--use-fake-ui-for-media-stream", f"--use-file-for-fake-video-capture={video}"]
    return p.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, *media])
