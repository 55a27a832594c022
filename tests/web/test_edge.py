"""The 5xx that remained (issue 22), each as a regression: NUL characters refused at the
edge, over-long usernames, deep or long JSON in a form field, a `next` that Django would take
for a URL name, a form body over the size limit, degenerate poses at the live camera.
Run on SQLite here and on PostgreSQL by tests/web/test_postgres.py (where the NUL and the
username gave the 500s)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from tests.web.personas import Personas

from acupressure.records.models import CheckIn

pytestmark = pytest.mark.django_db
NUL_MESSAGE = b"NUL character"


def _session(client: Client) -> int:
    intake = json.dumps({"areas": ["neck"], "red_flags": []})
    started = client.post("/session/start/", {"intake": intake})
    return int(started["Location"].strip("/").split("/")[-1])


def test_nul_in_a_form_a_query_a_path_or_a_cookie_is_refused(owner_client: Client) -> None:
    form = {"area": "neck", "pain": "3", "note": "fine\x00"}
    encoded = owner_client.post("/diary/checkin/", form)  # multipart, as the test client sends
    urlencoded = owner_client.post(
        "/diary/checkin/",
        "area=neck&pain=3&note=fine%00",
        content_type="application/x-www-form-urlencoded",
    )
    query = owner_client.get("/diary/", {"client": "1\x00"})
    path = owner_client.get("/calendar/abc%00def.ics")
    cookie = Client(HTTP_COOKIE="sessionid=abcdefgh\x00ijkl").get("/diary/")
    for answer in (encoded, urlencoded, query, path, cookie):
        assert answer.status_code == 400 and NUL_MESSAGE in answer.content
    assert not CheckIn.objects.exists()  # nothing half-saved


def test_nul_in_json_is_refused_and_an_escaped_backslash_is_not(owner_client: Client) -> None:
    def post(body: str) -> Any:
        return owner_client.post("/api/diary/checkins", body, content_type="application/json")

    refused = post(json.dumps({"area": "neck", "pain": 3, "note": "a\x00b"}))
    assert refused.status_code == 400 and "NUL" in refused.json()["detail"]
    text = post(json.dumps({"area": "neck", "pain": 3, "note": "C:\\u0000 is a path"}))
    assert text.status_code == 201, text.content  # the text backslash-u-0000, no NUL
    assert CheckIn.objects.get().note == "C:\\u0000 is a path"


def test_a_username_past_the_lockout_columns_length_is_a_plain_failure(client: Client) -> None:
    User.objects.create_user("lee", password="a long pass phrase 42")
    answer = client.post("/signin/", {"username": "x" * 300, "password": "x"})
    assert answer.status_code == 400  # the form again: no such account
    assert AccessAttempt.objects.get().username == "x" * 255  # the failure still counts
    admin = client.post("/admin/login/", {"username": "y" * 1000, "password": "x"})
    assert admin.status_code == 200  # Django's admin shows its form again


@pytest.mark.parametrize("on_target", ["[" * 5000, "9" * 4400, "[" * 1000 + "]" * 1000])
def test_on_target_nested_deep_or_long_is_a_400(people: Personas, on_target: str) -> None:
    client = people.client_for(people.owner)
    pk = _session(client)
    form = {"pain_after": "2", "completed_steps": "1", "on_target": on_target}
    answer = client.post(f"/session/{pk}/finish/", form, headers={"Accept": "application/json"})
    assert answer.status_code == 400 and "on_target" in answer.json()["detail"]


@pytest.mark.parametrize("target", ["nodots", "diary", "", "//evil.example/", "/diary/"])
def test_the_language_switch_goes_to_a_path_here_or_home(client: Client, target: str) -> None:
    answer = client.post("/language/", {"language": "es", "next": target})
    assert answer.status_code == 302
    assert answer["Location"] == ("/diary/" if target == "/diary/" else "/")


def test_a_form_body_over_the_limit_is_a_413_that_says_so(
    owner_client: Client, people: Personas
) -> None:
    browser = Client(enforce_csrf_checks=True)  # as a browser: the CSRF check reads the form
    browser.force_login(people.owner)
    browser.cookies["csrftoken"] = "a" * 32  # the page's cookie; the form's token is read
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    form = browser.post(
        "/diary/checkin/",
        f"area=neck&pain=3&note={big}",
        content_type="application/x-www-form-urlencoded",
    )
    assert form.status_code == 413 and form.content == b"the request body is too large\n"
    api = owner_client.post(
        "/api/diary/checkins", json.dumps({"note": big}), content_type="application/json"
    )
    assert api.status_code == 413 and api.json()["detail"] == "the request body is too large"
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("view", [None, "front", "back"])
def test_degenerate_poses_at_the_live_camera_cannot_tell(client: Client, view: str | None) -> None:
    one_point = {"landmarks": [[0.5, 0.5]] * 33, "visibility": [1.0] * 33}
    one_line = {"landmarks": [[0.5, i / 33] for i in range(33)], "visibility": [1.0] * 33}
    for pose in (one_point, one_line):
        body: dict[str, Any] = {"width": 640, "height": 480, "pose": pose, "press": "GB21"}
        if view:
            body["view"] = view
        answer = client.post(
            "/api/locate/landmarks", json.dumps(body), content_type="application/json"
        )
        assert answer.status_code == 200, answer.content
        assert answer.json()["press"]["verdict"] in ("cannot tell", "on", "close", "off")
