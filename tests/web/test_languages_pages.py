"""The pages of programs, weekly checks, practitioners and the camera, in Spanish and in
Chinese: nothing left in English (tests/i18n/english.py), the page says its language, and the
words the scripts show come translated with the page. Also: the chart image varies on the
language, and the personal-data export carries the chosen language."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock
from tests.i18n.english import english_left, visible_text
from tests.web import downloads
from tests.web.personas import Personas
from tests.web.practice import Practice, make_practice, signed_in
from tests.web.programs import check, make

from acupressure import i18n
from acupressure.records.models import PractitionerLink

pytestmark = pytest.mark.django_db

HEADER = {"es": "es-ES,es;q=0.9", "zh-Hans": "zh-CN,zh;q=0.9,en;q=0.5"}
LANGUAGES = ["es", "zh-Hans"]
WORDS = re.compile(
    r'<script id="(?:live|camera|today|player)-words" type="application/json">(.*?)</script>', re.S
)
# On a Chinese page no two English words follow each other (beyond the catalog: a string
# nobody marked shows up too). People's names, usernames and codes are allowed.
ENGLISH_RUN = re.compile(r"[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+)+")
NAMES = re.compile(
    r"Dr Ana Silva|Ben Okafor|Cara Lind|Someone else|Old client|ana@example\.org|"
    r"ben@example\.org|cara@example\.org|dr-pat|Europe/London|[\w.-]+@example\.org|"
    r"Before bed too"  # a practitioner's note, as typed
)


def _scan(page: str, language: i18n.Language, where: str) -> None:
    assert f'<html lang="{language}">' in page, where
    text = NAMES.sub("", visible_text(page))
    assert english_left(text, language) == [], (where, english_left(text, language), text)
    messages = " ".join(re.findall(r'data-message="([^"]*)"', page))  # shown by scripts
    assert english_left(messages, language) == [], where
    for words in WORDS.findall(page):  # what the page's scripts show or say
        assert english_left(" ".join(json.loads(words).values()), language) == [], where
    if language == "zh-Hans":
        assert ENGLISH_RUN.findall(text) == [], where


def _get(client: Client, path: str, language: str, status: int = 200) -> str:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=HEADER[language])
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


def _post(client: Client, path: str, data: dict[str, Any], language: str, status: int) -> str:
    response = client.post(path, data, HTTP_ACCEPT_LANGUAGE=HEADER[language])
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


@pytest.fixture
def practice(clock: FakeWallClock) -> Practice:
    made = make_practice()
    # Ben invites Ana's client too: her consent page has a practitioner waiting
    PractitionerLink.objects.create(
        practitioner=made.other, client=made.client, active=False, created_at=clock()
    )
    return made


@pytest.mark.parametrize("language", LANGUAGES)
def test_practitioner_pages_have_no_english_left(practice: Practice, language: str) -> None:
    ana = practice.as_("practitioner")
    link = practice.link.pk
    pages = {
        path: _get(ana, path, language)
        for path in (
            "/clients/",
            f"/clients/{link}/",
            "/clients/new/",
            f"/clients/{link}/screening/",
            f"/clients/{link}/prescribe/",
            "/account/password/",
        )
    }
    _post(ana, "/clients/new/", {"label": "Q-3"}, language, 302)
    added = PractitionerLink.objects.latest("id").pk
    pages["invitation"] = _get(ana, f"/clients/{added}/invite/", language)
    _post(ana, f"/clients/{link}/invite/", {}, language, 302)
    pages["renewed link"] = _get(ana, f"/clients/{link}/invite/", language)
    pages["no name"] = _post(ana, "/clients/new/", {"label": " "}, language, 400)
    bad = {"point": ["KI27"], "hold-KI27": "x", "weeks": "2", "at": ["08:00"], "tz": "UTC"}
    pages["bad prescription"] = _post(ana, f"/clients/{link}/prescribe/", bad, language, 400)
    waiting = _get(ana, f"/clients/{PractitionerLink.objects.latest('id').pk}/", language)
    pages["waiting client"] = waiting
    for where, page in pages.items():
        _scan(page, language, where)
    assert 'role="alert"' in pages["no name"] and 'role="alert"' in pages["bad prescription"]
    assert "KI27" in pages[f"/clients/{link}/"]  # codes stay


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clients_pages_have_no_english_left(practice: Practice, language: str) -> None:
    client = practice.as_("client")
    program = practice.program.pk
    pages = {
        "today": _get(client, "/", language),
        "program": _get(client, f"/program/{program}/", language),
        "version": _get(client, f"/program/{program}/prescription/1/", language),
        "consent": _get(client, "/consent/", language),
        "screening": _get(client, f"/consent/{practice.link.pk}/screening/", language),
        "privacy": _get(client, "/privacy/", language),
        "bad code": _post(client, "/consent/code/", {"code": "NOPE-NOPE"}, language, 400),
    }
    for where, page in pages.items():
        _scan(page, language, where)
    assert 'id="today-words"' in pages["today"]
    assert "KI27" in pages["program"] and "TE3" in pages["version"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_program_check_and_rescreen_pages_have_no_english_left(
    owner_client: Client, clock: FakeWallClock, language: str
) -> None:
    program = make(owner_client)
    pk = program.pk
    pages = {
        "before you start": _get(owner_client, f"/program/{pk}/check/?week=0", language),
        "home with a check due": _get(owner_client, "/", language),
    }
    assert check(owner_client, pk, 0, 7, None, [3, 4, 2]).status_code == 302
    owner_client.get("/about/")  # shows (and so clears) the English "Saved" the check left
    pages["weekly check"] = _get(owner_client, f"/program/{pk}/check/?week=1", language)
    bad = _post(
        owner_client, f"/program/{pk}/check/?week=1", {"q-pain-week-pain": "11"}, language, 400
    )
    assert '<div class="error" role="alert">' in bad
    pages["bad answer"] = bad
    pages["diary with summary"] = _get(owner_client, "/diary/", language)
    pages["rescreen"] = _get(owner_client, f"/program/{pk}/rescreen/", language)
    pages["rescreen unanswered"] = _post(
        owner_client, f"/program/{pk}/rescreen/", {}, language, 400
    )
    pages["refused"] = _post(owner_client, "/program/new/", {"weeks": "x"}, language, 400)
    pages["not found"] = _get(owner_client, "/program/99999/", language, 404)
    flags = re.findall(r'name="flag-([\w-]+)"', pages["rescreen"])
    answers = {f"flag-{f}": "yes" for f in flags}
    pages["stopped"] = _post(owner_client, f"/program/{pk}/rescreen/", answers, language, 200)
    pages["stopped program"] = _get(owner_client, f"/program/{pk}/", language)
    for where, page in pages.items():
        _scan(page, language, where)
    assert 'id="summary"' in pages["diary with summary"]
    assert 'class="translation-mark"' in pages["rescreen"]  # safety text, not yet reviewed
    assert 'class="translation-mark"' in pages["stopped"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_camera_pages_have_no_english_left(language: str) -> None:
    client = Client()
    pages = {
        "camera": _get(client, "/camera/", language),
        "live hands": _get(client, "/camera/live/", language),
        "live body": _get(client, "/camera/live/?mode=body", language),
        "live in the player": _get(client, "/camera/live/?embed=1&mode=hands", language),
        "no photo": _post(client, "/camera/", {}, language, 400),
    }
    for where, page in pages.items():
        _scan(page, language, where)
    assert 'id="live-words"' in pages["live hands"] and 'id="camera-words"' in pages["camera"]


@pytest.mark.vision
@pytest.mark.parametrize("language", LANGUAGES)
def test_camera_result_page_has_no_english_left(language: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for the photos
    from vision.photos import hand_photos

    photo = next(p for p in hand_photos() if p.name.startswith("none_00c84257"))
    upload = io.BytesIO(photo.read_bytes())
    upload.name = photo.name
    form = {"photo": upload, "points": ["LI4", "TE3"], "press": "LI4"}
    page = _post(Client(), "/camera/", form, language, 200)
    assert 'id="result"' in page and 'data-code="LI4"' in page and 'class="press' in page
    _scan(page, language, "camera result")


def test_the_chart_image_varies_on_the_language(client: Client) -> None:
    charts = {
        language: client.get("/points/LI4/chart.svg", HTTP_ACCEPT_LANGUAGE=header)
        for language, header in {"en": "en", **HEADER}.items()
    }
    for response in charts.values():
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Accept-Language", "Cookie"} <= vary  # a shared cache keeps one per language
    texts = {language: r.content.decode() for language, r in charts.items()}
    assert len(set(texts.values())) == 3
    assert re.search(r"[\u4e00-\u9fff]", texts["zh-Hans"]) and not re.search(
        r"[\u4e00-\u9fff]", texts["es"].replace("合谷", "")
    )
    switched = Client()
    switched.post("/language/", {"language": "es", "next": "/"})
    by_cookie = switched.get("/points/LI4/chart.svg", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert by_cookie.content.decode() == texts["es"]


def test_the_personal_data_export_says_the_chosen_language(people: Personas) -> None:
    owner = people.client_for(people.owner)

    def exported(client: Client) -> Any:
        return json.loads(downloads.body(client.get("/privacy/export.json")))  # streamed

    assert exported(owner)["account"]["language"] is None
    owner.post("/language/", {"language": "zh-hans", "next": "/"})
    assert exported(owner)["account"]["language"] == "zh-hans"
    other: User = people.stranger
    assert exported(signed_in(other))["account"]["language"] is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_api_errors_follow_accept_language(client: Client, language: i18n.Language) -> None:
    header = {"HTTP_ACCEPT_LANGUAGE": HEADER[language]}
    missing = client.post(
        "/api/plan", {"areas": ["neck"]}, content_type="application/json", **header
    )
    assert missing.status_code == 400 and "red_flags" in missing.json()["detail"]
    assert english_left(missing.json()["detail"], language) == []
    assert (
        "missing field"
        in client.post("/api/plan", {"areas": ["neck"]}, content_type="application/json").json()[
            "detail"
        ]
    )  # English without the header


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_changed_is_stored_in_english_and_read_in_each_language(
    practice: Practice, language: i18n.Language
) -> None:
    from tests.web.practice import form_for, item

    ana = practice.as_("practitioner")
    changed = form_for(
        [item("KI27", 120, 4, "moderate", where="clinic"), item("BL10", 150, 1, "gentle")],
        weeks="3",
    )
    assert ana.post(f"/clients/{practice.link.pk}/prescribe/", changed).status_code == 302
    stored = practice.program.prescriptions.get(version=2).changes
    assert "Added BL10." in stored and "Removed TE3." in stored  # the record is English
    page = _get(practice.as_("client"), f"/program/{practice.program.pk}/prescription/2/", language)
    _scan(page, language, "version 2")
    shown = re.search(r'<ul class="changes">(.*?)</ul>', page, re.S)
    assert shown is not None
    items = re.findall(r"<li>(.*?)</li>", shown.group(1))
    assert len(items) == len(stored)
    assert all(a != b for a, b in zip(items, stored, strict=True))  # every sentence translated
    for code in ("BL10", "TE3", "KI27"):
        assert code in shown.group(1)  # codes stay
    with i18n.use(language):
        from acupressure.atlas.labels import PRESSURE

        assert PRESSURE["moderate"] in shown.group(1)  # the pressure's word too
