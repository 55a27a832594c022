"""The camera page: uploads in memory with clear messages, and the landmarks endpoint."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from django.test import Client

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for the vision helpers

from acupressure.vision.locate import locate_observations, request
from vision import badfiles
from vision.handshapes import hand
from vision.photos import hand_photos

pytestmark = pytest.mark.django_db


def _post(client: Client, data: bytes, name: str = "photo.jpg") -> tuple[int, str]:
    upload = io.BytesIO(data)
    upload.name = name
    response = client.post("/camera/", {"photo": upload})
    return response.status_code, response.content.decode()


def test_camera_page_has_the_upload_form() -> None:
    response = Client().get("/camera/")
    assert response.status_code == 200
    assert b'name="photo"' in response.content and b"never stored" in response.content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty"),
        (badfiles.TEXT, "Not a photo"),
        (badfiles.truncated_jpeg(), "truncated or corrupt"),
        (badfiles.huge_png(), "too many pixels"),
        (badfiles.jpeg(640, 480), "No hand or body found"),
        (badfiles.dark_jpeg(), "too dark"),
    ],
    ids=["empty", "text", "truncated-jpeg", "bomb", "nobody", "dark"],
)
def test_bad_upload_is_a_400_with_a_clear_message(data: bytes, message: str) -> None:
    status, body = _post(Client(), data)
    assert status == 400
    assert 'role="alert"' in body and message in body


def test_upload_over_the_limit_is_refused() -> None:
    status, body = _post(Client(), b"\xff\xd8" + b"\0" * (16 * 1024 * 1024))
    assert status == 413 and "too large" in body


@pytest.mark.vision
def test_a_hand_photo_comes_back_annotated_with_points() -> None:
    photo = next(p for p in hand_photos() if p.name.startswith("none_00c84257"))
    client = Client()
    upload = io.BytesIO(photo.read_bytes())
    upload.name = photo.name
    response = client.post("/camera/", {"photo": upload, "points": ["LI4", "TE3"]})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'src="data:image/png;base64,' in body
    assert body.count('data-code="LI4"') == 2 and "turn your hand over" in body


def test_landmarks_endpoint_places_points_like_the_photo_path() -> None:
    obs = hand("right", "back", size=100, centre=(300, 400))
    payload = {
        "width": 640,
        "height": 480,
        "points": ["LI4", "TE3"],
        "hands": [
            {
                "label": obs.label,
                "score": obs.score,
                "landmarks": [[x / 640, y / 480] for x, y in obs.points],
            }
        ],
    }
    response = Client().post("/api/locate/landmarks", json.dumps(payload), "application/json")
    assert response.status_code == 200
    got = response.json()
    expected = locate_observations(640, 480, [obs], None, request(["LI4", "TE3"]))
    assert got["detections"][0]["hand"] == "right" and got["detections"][0]["facing"] == "back"
    for a, b in zip(got["detections"][0]["points"], expected.detections[0].points, strict=True):
        assert a["code"] == b.code
        assert abs(a["x"] - b.x) < 0.2 and abs(a["y"] - b.y) < 0.2


@pytest.mark.parametrize(
    "payload",
    [b"not json", b'{"width": 0, "height": 10}', b'{"width": 10, "height": 10, "points": ["XX9"]}'],
)
def test_landmarks_endpoint_rejects_bad_bodies(payload: bytes) -> None:
    response = Client().post("/api/locate/landmarks", payload, "application/json")
    assert response.status_code == 422 and "detail" in response.json()


def test_landmarks_endpoint_answers_the_press_verdict() -> None:
    target = hand("right", "back", size=120, centre=(300, 420))
    # the left hand's index tip put right on LI4 of the right hand
    placed = locate_observations(640, 480, [target], None, request(["LI4"]))
    (li4,) = placed.detections[0].points
    assert li4.x is not None and li4.y is not None
    presser = hand("left", "palm", size=120, angle_deg=160, centre=(0, 0))
    tip = presser.points[8]
    presser = presser.model_copy(
        update={"points": [(x - tip[0] + li4.x, y - tip[1] + li4.y) for x, y in presser.points]}
    )
    payload = {
        "width": 640,
        "height": 480,
        "points": ["LI4"],
        "press": "hegu",  # any alias
        "hands": [
            {
                "label": h.label,
                "score": h.score,
                "landmarks": [[x / 640, y / 480] for x, y in h.points],
            }
            for h in (target, presser)
        ],
    }
    response = Client().post("/api/locate/landmarks", json.dumps(payload), "application/json")
    assert response.status_code == 200
    press = response.json()["press"]
    assert press["code"] == "LI4" and press["verdict"] == "on" and press["distance_cun"] < 0.05
    assert press["presser"]["hand"] == "left" and press["presser"]["fingertip"] == "index"
    assert abs(press["target"]["x"] - li4.x) < 0.2 and press["certainty"] == "high"
    payload["press"] = "XX9"
    response = Client().post("/api/locate/landmarks", json.dumps(payload), "application/json")
    assert response.status_code == 422
