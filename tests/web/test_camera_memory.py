"""One photo analysis stays under 300 MB of memory, even for a 6320 x 6320 JPEG.

The server runs in its own process; its peak resident memory (VmHWM) is reset just before
the upload (``echo 5 > /proc/PID/clear_refs``) and read after it, so the figure is the peak
growth of that one analysis over what the warm server already held. Linux only.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from tests.web.server import start_server

pytestmark = [pytest.mark.vision, pytest.mark.slow]
BOUND_MB = 300


def _kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def big_jpeg(side: int = 6320) -> bytes:
    """A large, smooth JPEG: few bytes (well under a megabyte), many pixels."""
    small = Image.linear_gradient("L").resize((side, side)).convert("RGB")
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=40)
    return buffer.getvalue()


def test_a_6320_pixel_jpeg_costs_less_than_300_mb(tmp_path: Path) -> None:
    pytest.importorskip("mediapipe")
    import requests

    if not Path("/proc/self/clear_refs").exists():
        pytest.skip("needs Linux /proc to measure peak memory")
    photo = big_jpeg()
    assert len(photo) < 1_000_000
    served = start_server(tmp_path / "data")
    pid = served.process.pid
    try:
        http = requests.Session()

        def upload(data: bytes) -> int:
            page = http.get(served.base + "/camera/", timeout=60).text
            token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
            answer = http.post(
                served.base + "/camera/",
                data={"csrfmiddlewaretoken": token},
                files={"photo": ("photo.jpg", data, "image/jpeg")},
                headers={"Referer": served.base + "/camera/"},
                timeout=120,
            )
            return answer.status_code

        assert upload(big_jpeg(640)) in (200, 400)  # warm: MediaPipe's graph is loaded
        before = _kib(pid, "VmRSS")
        Path(f"/proc/{pid}/clear_refs").write_text("5")  # reset the peak to the current size
        assert upload(photo) in (200, 400)
        growth_mb = (_kib(pid, "VmHWM") - before) / 1024
        print(f"peak RSS growth for one 6320x6320 JPEG: {growth_mb:.0f} MB")
        assert growth_mb < BOUND_MB
    finally:
        served.stop()
