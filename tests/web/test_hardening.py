"""The hardening of issue 10: bad input is a 4xx, limits answer busy, caches keep nothing
personal, static files carry the security headers, the database is private."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from tests.web.personas import Personas, intake_form

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for the vision helpers

from acupressure.records.paths import folder_warning, private_database
from acupressure.web.proxy import ProxyTrust, proxy_trust
from vision import badfiles

pytestmark = pytest.mark.django_db

DEEP = "[" * 50_000
DIGITS = "9" * 5_000


def _upload(client: Client, data: bytes) -> Any:
    photo = io.BytesIO(data)
    photo.name = "photo.png"
    return client.post("/camera/", {"photo": photo})


# The five inputs that gave a 500 before (issue 10, item 4).
@pytest.mark.parametrize(
    "data",
    [
        badfiles.png_with_text_bomb(b"zTXt"),
        badfiles.png_with_text_bomb(b"iCCP"),
        badfiles.jpeg_cut_to(200),
    ],
    ids=["png-ztxt-bomb", "png-iccp-bomb", "jpeg-cut-to-200-bytes"],
)
def test_broken_photos_are_a_400(client: Client, data: bytes) -> None:
    response = _upload(client, data)
    assert response.status_code == 400
    assert b"truncated or corrupt" in response.content


@pytest.mark.parametrize("url", ["/api/locate/landmarks", "/api/plan", "/api/diary/checkins"])
def test_deeply_nested_json_is_a_400(owner_client: Client, url: str) -> None:
    response = owner_client.post(url, DEEP, content_type="application/json")
    assert response.status_code == 400 and "detail" in response.json()


def test_a_huge_number_of_minutes_is_a_400(client: Client) -> None:
    response = client.post("/plan/", intake_form(area="neck", minutes=DIGITS))
    assert response.status_code == 400 and b"whole number of minutes" in response.content
    api = client.post(
        "/api/plan", f'{{"areas": ["neck"], "minutes": {DIGITS}}}', content_type="application/json"
    )
    assert api.status_code in (400, 422)


def test_an_oversized_json_body_gets_a_json_413(owner_client: Client) -> None:
    body = json.dumps({"area": "neck", "pain": 3, "note": "x" * 3_000_000})
    response = owner_client.post("/api/diary/checkins", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "the request body is too large"}


def test_camera_busy_answers_503_at_once(client: Client) -> None:
    from acupressure.web.camera import views

    taken = 0
    while views._analyses.acquire(blocking=False):
        taken += 1
    try:
        response = _upload(client, badfiles.jpeg())
    finally:
        for _ in range(taken):
            views._analyses.release()
    assert taken >= 1
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert b"busy" in response.content


def test_camera_and_landmarks_are_rate_limited_per_client(settings: Any) -> None:
    settings.CAMERA_UPLOADS_PER_MINUTE = 2
    settings.CAMERA_LANDMARKS_PER_MINUTE = 3
    one, other = Client(REMOTE_ADDR="10.1.1.1"), Client(REMOTE_ADDR="10.1.1.2")
    uploads = [_upload(one, badfiles.TEXT).status_code for _ in range(3)]
    assert uploads == [400, 400, 429]
    assert _upload(other, badfiles.TEXT).status_code == 400
    body = json.dumps({"width": 10, "height": 10})
    marks = [
        one.post("/api/locate/landmarks", body, content_type="application/json").status_code
        for _ in range(4)
    ]
    assert marks == [200, 200, 200, 429]


def _upload_two(client: Client, data: bytes, alone: bytes) -> Any:
    photo, second = io.BytesIO(data), io.BytesIO(alone)
    photo.name, second.name = "photo.png", "alone.png"
    return client.post("/camera/", {"photo": photo, "alone": second, "press": "LI4"})


def test_the_photo_of_the_hand_alone_counts_as_a_photo(settings: Any) -> None:
    """The rate limit counts photos: a request with the photo of the hand alone counts two."""
    settings.CAMERA_UPLOADS_PER_MINUTE = 3
    one = Client(REMOTE_ADDR="10.1.1.3")
    first = _upload_two(one, badfiles.TEXT, badfiles.TEXT)
    assert first.status_code == 400  # two of three photos used
    second = _upload_two(one, badfiles.TEXT, badfiles.TEXT)
    assert second.status_code == 429 and second["Retry-After"] == "60"
    assert _upload(one, badfiles.TEXT).status_code == 429


def test_each_photo_is_capped_and_a_bad_second_photo_is_named(client: Client) -> None:
    big = b"\xff\xd8" + b"\0" * (16 * 1024 * 1024)
    response = _upload_two(client, badfiles.jpeg(), big)
    assert response.status_code == 413 and b"too large" in response.content
    response = _upload_two(client, badfiles.jpeg(), badfiles.TEXT)
    assert response.status_code == 400
    assert b"The photo of the hand alone: " in response.content


def test_two_photos_take_one_analysis_slot(client: Client) -> None:
    from acupressure.web.camera import views

    taken = 0
    while views._analyses.acquire(blocking=False):
        taken += 1
    try:
        views._analyses.release()  # one slot free: a request with two photos gets it
        taken -= 1
        response = _upload_two(client, badfiles.TEXT, badfiles.TEXT)
        assert response.status_code == 400
        views._analyses.acquire(blocking=False)
        taken += 1
        response = _upload_two(client, badfiles.TEXT, badfiles.TEXT)
        assert response.status_code == 503 and b"busy" in response.content
    finally:
        for _ in range(taken):
            views._analyses.release()


def test_static_files_carry_the_security_headers(client: Client) -> None:
    response = client.get("/static/web/sw.js")
    assert response.status_code == 200
    response.close()
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_sign_out_and_deleting_the_diary_clear_the_browsers_copies(
    owner_client: Client, people: Personas
) -> None:
    deleted = owner_client.post("/privacy/delete/", {"confirm": "yes"})
    assert deleted["Clear-Site-Data"] == '"cache", "storage"'
    assert deleted["Cache-Control"] == "no-store, private"
    out = owner_client.post("/signout/")
    assert out["Clear-Site-Data"] == '"cache", "storage"'


def test_personal_answers_are_never_cached_public_ones_may_be(
    owner_client: Client, client: Client
) -> None:
    for path in ("/privacy/export.json", "/diary/", "/api/diary/checkins", "/points/"):
        assert owner_client.get(path)["Cache-Control"] == "no-store, private", path
    assert "no-store" not in client.get("/points/").get("Cache-Control", "")


def test_swagger_ui_is_gone_and_the_schema_stays(client: Client) -> None:
    assert client.get("/api/docs").status_code == 404
    assert client.get("/api/openapi.json").status_code == 200


def test_the_database_and_its_side_files_are_private(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    private_database(database)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    wal = tmp_path / "db.sqlite3-wal"
    wal.write_bytes(b"")
    wal.chmod(0o644)
    database.chmod(0o644)
    private_database(database)  # an existing database found too open is tightened
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_a_folder_open_to_others_gives_a_warning(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    assert folder_warning(tmp_path) is None
    tmp_path.chmod(0o755)
    warning = folder_warning(tmp_path)
    assert warning is not None and "chmod 700" in warning and str(tmp_path) in warning


def test_proxy_trust_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACUPRESSURE_BEHIND_PROXY", raising=False)
    direct = proxy_trust()
    assert not direct.behind_proxy and "trusted_proxy" not in direct.waitress_options()
    monkeypatch.setenv("ACUPRESSURE_BEHIND_PROXY", "1")
    monkeypatch.setenv("ACUPRESSURE_TRUSTED_PROXY", "10.0.0.5")
    trust = proxy_trust()
    options = trust.waitress_options()
    assert options["trusted_proxy"] == "10.0.0.5" and options["clear_untrusted_proxy_headers"]
    assert "x-forwarded-proto" in options["trusted_proxy_headers"]
    assert trust.gunicorn_options()["forwarded_allow_ips"] == "10.0.0.5"
    os.environ.pop("ACUPRESSURE_TRUSTED_PROXY", None)


def test_forwarded_headers_are_believed_only_from_the_trusted_proxy() -> None:
    trust = ProxyTrust(trusted="127.0.0.1")
    headers = {
        "HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.7",  # the proxy appended the last one
        "HTTP_X_FORWARDED_HOST": "clinic.example",
        "HTTP_X_FORWARDED_PORT": "443",
        "HTTP_X_FORWARDED_PROTO": "https",
    }
    proxied: dict[str, Any] = {"REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1:8000", **headers}
    trust.forward(proxied)
    assert proxied["REMOTE_ADDR"] == "203.0.113.7"
    assert (proxied["HTTP_HOST"], proxied["SERVER_PORT"]) == ("clinic.example", "443")
    direct: dict[str, Any] = {"REMOTE_ADDR": "198.51.100.4", "HTTP_HOST": "h:1", **headers}
    trust.forward(direct)  # anyone else: the headers are dropped, nothing is believed
    assert direct == {"REMOTE_ADDR": "198.51.100.4", "HTTP_HOST": "h:1"}
    garbled: dict[str, Any] = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, x"}
    trust.forward(garbled)
    assert garbled["REMOTE_ADDR"] == "127.0.0.1"
    nobody: dict[str, Any] = {"REMOTE_ADDR": "127.0.0.1", **headers}
    ProxyTrust(trusted=None).forward(nobody)  # not behind a proxy: nobody is trusted
    assert nobody == {"REMOTE_ADDR": "127.0.0.1"}


def test_a_trusted_proxy_that_is_no_address_stops_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ACUPRESSURE_BEHIND_PROXY", "1")
    monkeypatch.setenv("ACUPRESSURE_TRUSTED_PROXY", "proxy.local")
    with pytest.raises(ImproperlyConfigured, match="ACUPRESSURE_TRUSTED_PROXY"):
        proxy_trust()
