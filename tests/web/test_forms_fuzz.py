"""The HTML form endpoints with generated form data: a page or a 4xx, never a server error.

Values are either plausible (what the page offers) or junk (any text, odd digits, huge
numbers); each endpoint's answer is one of the statuses it documents.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from tests.web.access_matrix import MATRIX, form_path
from tests.web.personas import Personas, intake_form
from tests.web.practice import HOSTILE_FORMS

from acupressure import safety
from acupressure.atlas.models import AREAS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for the vision helpers
from acupressure.records.models import PracticeSession
from vision import badfiles

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a browser (or a script) can send: anything but lone surrogates, which UTF-8 cannot carry,
# and NUL, which the edge refuses before any form sees it (web/edge.py; HOSTILE_TEXT below and
# tests/web/test_edge.py send it).
text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30)
digits = st.one_of(
    st.integers(-(10**25), 10**25).map(str),
    st.sampled_from(["", " 5 ", "5.0", "1e3", "0x10", "-0", "+3", "²", "①", "9" * 5000]),
    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=3),  # "٣", "²", "½"
)


def value(*plausible: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(plausible), digits, text) if plausible else text


PLAN_FIELDS = {
    "area": value(*AREAS),
    "trimester": value("unknown", "1", "2", "3"),
    "minutes": digits,
    "condition": value(*safety.conditions()),
    "pregnant": value("yes"),
    "helper": value("yes"),
    "seen_clinician": value("yes"),
    **{f"flag-{fid}": value("yes", "no") for fid in safety.red_flags()},
}


@st.composite
def plan_form(draw: st.DrawFn) -> dict[str, Any]:
    """A form the page could send, then a few fields changed, dropped or repeated."""
    form: dict[str, Any] = {"area": [draw(st.sampled_from(AREAS))], "trimester": "unknown"}
    form.update({f"flag-{fid}": "no" for fid in safety.red_flags()})
    flags = sorted(f for f in PLAN_FIELDS if f.startswith("flag-"))
    core = sorted(f for f in PLAN_FIELDS if not f.startswith("flag-"))
    names = st.one_of(st.sampled_from(core), st.sampled_from(flags))  # half core fields
    for name in draw(st.lists(names, min_size=1, max_size=2)):
        form[name] = draw(st.lists(PLAN_FIELDS[name], max_size=3))
    return form


def _is_error_page(response: Any) -> bool:
    return b'role="alert"' in response.content or b"error" in response.content.lower()


@FUZZ
@given(form=plan_form(), htmx=st.booleans())
def test_plan_form_answers_a_page_or_a_400(
    client: Client, form: dict[str, Any], htmx: bool
) -> None:
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post("/plan/", form, headers=headers)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert _is_error_page(response)


@FUZZ
@given(minutes=digits, trimester=value("unknown", "1", "2", "3"), pregnant=st.booleans())
def test_plan_form_numbers_answer_a_page_or_a_400(
    client: Client, minutes: str, trimester: str, pregnant: bool
) -> None:
    form = intake_form(area="neck", minutes=minutes, trimester=trimester)
    if pregnant:
        form["pregnant"] = "yes"
    response = client.post("/plan/", form)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert _is_error_page(response)


@FUZZ
@given(area=value(*AREAS), pain=digits, note=text, htmx=st.booleans())
def test_check_in_form_saves_or_says_why(
    owner_client: Client, area: str, pain: str, note: str, htmx: bool
) -> None:
    headers = {"HX-Request": "true"} if htmx else {}
    data = {"area": area, "pain": pain, "note": note}
    response = owner_client.post("/diary/checkin/", data, headers=headers)
    assert response.status_code in (200, 302, 400)


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["client", "next", "x"]), value("1", "2"), max_size=2))
def test_diary_pages_take_any_query(owner_client: Client, query: dict[str, str]) -> None:
    for url in ("/diary/", "/diary/export.csv"):
        assert owner_client.get(url, query).status_code in (200, 403, 404)


intake_json = st.one_of(
    text,
    st.dictionaries(
        st.sampled_from(["areas", "pregnant", "trimester", "minutes", "pain", "red_flags", "x"]),
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text, st.lists(text)),
    ).map(json.dumps),
    st.builds(lambda a: json.dumps({"areas": [a]}), st.sampled_from(AREAS)),
)


@FUZZ
@given(intake=intake_json)
def test_session_start_redirects_or_says_why(owner_client: Client, intake: str) -> None:
    response = owner_client.post("/session/start/", {"intake": intake})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert response.json()["detail"]


@FUZZ
@given(pain=digits, pain_after=digits, steps=digits, note=text, as_json=st.booleans())
def test_session_pain_and_finish_save_or_say_why(
    people: Personas, pain: str, pain_after: str, steps: str, note: str, as_json: bool
) -> None:
    client = people.client_for(people.owner)
    intake = json.dumps({"areas": ["neck"], "red_flags": []})
    started = client.post("/session/start/", {"intake": intake})
    pk = PracticeSession.objects.get(pk=int(started["Location"].split("/")[2])).pk
    response = client.post(f"/session/{pk}/pain/", {"pain": pain})
    assert response.status_code in (200, 400)
    headers = {"Accept": "application/json"} if as_json else {}
    data = {"pain_after": pain_after, "completed_steps": steps, "note": note}
    response = client.post(f"/session/{pk}/finish/", data, headers=headers)
    assert response.status_code in (200, 302, 400)


@FUZZ
@given(username=text, password=text, nxt=value("/", "/diary/", "//evil.example", "https://x.y/"))
def test_signin_form_refuses_or_redirects_home(
    client: Client, username: str, password: str, nxt: str
) -> None:
    response = client.post("/signin/", {"username": username, "password": password, "next": nxt})
    # no such person: the form again, with its errors; after AXES_FAILURE_LIMIT failures from
    # this client, 429 (django-axes' lockout page)
    assert response.status_code in (400, 429)


def _image(size: tuple[int, int], mode: str, fmt: str, exif: bytes) -> bytes:
    image = Image.new(mode, size)
    if fmt != "PNG":
        image = image.convert("RGBA" if fmt == "WEBP" else "RGB")
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"exif": exif} if exif else {}))
    return buffer.getvalue()


HOSTILE_PHOTOS = [  # the shapes that once gave a 500 (issue 10)
    badfiles.png_with_text_bomb(b"zTXt"),
    badfiles.png_with_text_bomb(b"iCCP"),
    badfiles.jpeg_cut_to(200),
]
photo_bytes = st.one_of(
    st.sampled_from(HOSTILE_PHOTOS),
    st.binary(max_size=200),
    st.builds(
        _image,
        st.tuples(st.integers(1, 40), st.integers(1, 40)),
        st.sampled_from(["RGB", "RGBA", "L", "P", "I;16", "1"]),
        st.sampled_from(["PNG", "JPEG", "WEBP"]),
        st.one_of(st.just(b""), st.binary(max_size=60).map(lambda b: b"Exif\x00\x00" + b)),
    ),
)


@FUZZ
@given(
    photo=photo_bytes,
    name=text,
    view=value("front", "back"),
    points=st.lists(value("LI4", "GB21"), max_size=3),
)
def test_camera_upload_answers_a_page_never_a_500(
    client: Client, photo: bytes, name: str, view: str, points: list[str]
) -> None:
    upload = io.BytesIO(photo)
    upload.name = name or "photo.jpg"
    response = client.post("/camera/", {"photo": upload, "view": view, "points": points})
    assert response.status_code in (200, 400, 413)


coordinate = st.one_of(st.floats(-0.5, 1.5), st.floats())  # mostly in frame, sometimes NaN/inf
hand = st.fixed_dictionaries(
    {
        "label": st.sampled_from(["Left", "Right", "left", ""]),
        "score": st.one_of(st.floats(0, 1), st.floats()),
        "landmarks": st.lists(st.tuples(coordinate, coordinate), min_size=20, max_size=22),
    }
)
pose = st.fixed_dictionaries(
    {
        "landmarks": st.lists(st.tuples(coordinate, coordinate), min_size=33, max_size=33),
        "visibility": st.lists(st.one_of(st.floats(0, 1), st.floats()), min_size=33, max_size=33),
    }
)
landmark_body = st.fixed_dictionaries(
    {
        "width": st.one_of(st.integers(1, 4000), st.integers()),
        "height": st.one_of(st.integers(1, 4000), st.integers()),
    },
    optional={
        "mirrored": st.booleans(),
        "view": st.sampled_from(["front", "back", "side"]),
        "points": st.lists(value("LI4", "GB21", "BL23"), max_size=3),
        "hands": st.lists(hand, max_size=2),
        "pose": pose,
    },
)


@FUZZ
@given(body=landmark_body)
def test_landmarks_endpoint_places_points_or_says_why(
    owner_client: Client, body: dict[str, Any]
) -> None:
    payload = json.dumps(body)  # NaN and Infinity as JavaScript's JSON.parse would refuse them
    response = owner_client.post("/api/locate/landmarks", payload, content_type="application/json")
    assert response.status_code in (200, 422)
    parsed = json.loads(response.content, parse_constant=lambda c: pytest.fail(f"{c} in answer"))
    assert parsed if response.status_code == 200 else parsed["detail"]


# Every form and upload, each field fed the hostile shapes: an answer below 500, always.
DEEP = "[" * 50_000
HOSTILE_TEXT = [DEEP, "9" * 5000, '{"minutes": ' + "9" * 5000 + "}", "\x00", "x" * 100_000]
FORMS = {
    "/plan/": ["area", "minutes", "trimester", "condition", "flag-fever"],
    "/reminders/choices/": ["quiet_start", "quiet_end", "by_push", "by_email", "weekly_summary"],
    "/signin/email/": ["email"],
    "/diary/checkin/": ["area", "pain", "note"],
    "/session/start/": ["intake"],
    "/session/{pk}/pain/": ["pain"],
    "/session/{pk}/finish/": ["pain_after", "completed_steps", "note"],
    "/session/{pk}/progress/": ["completed_steps", "pressed_seconds", "on_target", "ended"],
    "/privacy/delete/": ["confirm"],
    "/signin/": ["username", "password", "next"],
    "/camera/": ["view", "points"],
    "/admin/login/": ["username", "password", "next"],
    "/program/new/": ["intake", "weeks", "per_day", "at", "tz"],
    "/program/{program}/start/": ["kind"],
    "/program/{program}/calendar/": ["action"],
    "/program/{program}/rescreen/": ["flag-fever"],
    "/program/{program}/check/?week=1": [
        "q-pain-week-pain",
        "q-activities-activity-1-name",
        "q-activities-activity-1-rating",
        "q-change-rating",
    ],
}
JSON_ENDPOINTS = [
    "/api/plan",
    "/api/diary/checkins",
    "/api/locate/landmarks",
]


def _own_session(client: Client) -> int:
    intake = json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})
    response = client.post("/session/start/", {"intake": intake})
    return int(response["Location"].strip("/").split("/")[-1])


def _own_program(client: Client) -> int:
    intake = json.dumps({"areas": ["neck"], "red_flags": []})
    response = client.post("/program/new/", {"intake": intake, "tz": "UTC"})
    return int(response["Location"].split("/")[2])


@pytest.mark.parametrize("url", sorted(FORMS))
def test_every_form_field_survives_the_hostile_shapes(owner_client: Client, url: str) -> None:
    path = url.format(pk=_own_session(owner_client), program=_own_program(owner_client))
    for name in FORMS[url]:
        for hostile in HOSTILE_TEXT:
            form = intake_form(area="neck") if url == "/plan/" else {}
            form[name] = hostile
            response = owner_client.post(path, form)
            assert response.status_code < 500, (url, name, hostile[:20])


@pytest.mark.parametrize("photo", HOSTILE_PHOTOS, ids=["ztxt", "iccp", "cut-jpeg"])
def test_every_upload_survives_the_hostile_photos(client: Client, photo: bytes) -> None:
    upload = io.BytesIO(photo)
    upload.name = "photo.png"
    assert client.post("/camera/", {"photo": upload}).status_code == 400


@pytest.mark.parametrize("url", JSON_ENDPOINTS)
def test_every_json_endpoint_survives_the_hostile_shapes(owner_client: Client, url: str) -> None:
    for hostile in HOSTILE_TEXT:
        response = owner_client.post(url, hostile, content_type="application/json")
        assert 400 <= response.status_code < 500, (url, hostile[:20])
        assert "detail" in response.json()


def test_the_hostile_shapes_reach_every_personal_form() -> None:
    posted = {form_path(r.path) for r in MATRIX if r.method == "POST" and not r.json_body}
    fieldless = {
        "/signout/",
        "/program/{program}/stop/",
        "/program/{program}/resume/",
        "/reminders/devices/{pk}/remove/",
    }
    assert posted - set(FORMS) - set(HOSTILE_FORMS) - fieldless == set()
    json_bodies = {form_path(r.path) for r in MATRIX if r.json_body}
    others = {"/api/clients/{link}/prescription", "/reminders/push/subscribe/"}
    assert json_bodies - others <= set(JSON_ENDPOINTS)


def test_push_subscribe_refuses_the_hostile_shapes(owner_client: Client) -> None:
    odd = [
        "[]",
        '{"endpoint": 1, "keys": []}',
        '{"endpoint": "https://fcm.googleapis.com/x", "keys": {"p256dh": "\\u0000", "auth": 5}}',
        '{"endpoint": "https://fcm.googleapis.com/\\u0000", "keys": {"p256dh": "", "auth": ""}}',
    ]
    for hostile in [*HOSTILE_TEXT, *odd]:
        response = owner_client.post(
            "/reminders/push/subscribe/", hostile, content_type="application/json"
        )
        assert response.status_code == 400, hostile[:40]
        if response["Content-Type"].startswith("application/json"):  # else the edge's NUL answer
            assert "detail" in response.json()
