"""Every page, in Spanish and in Chinese: nothing left in English (tests/i18n/english.py),
the page says its language, and translated safety text carries the review mark."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from tests.i18n.english import english_left, visible_text
from tests.web.personas import Personas, intake_form

from acupressure import i18n

HEADER = {"es": "es-ES,es;q=0.9", "zh-Hans": "zh-CN,zh;q=0.9,en;q=0.5"}
MARK = {
    "es": "Traducido, aún no revisado por un profesional sanitario que lea este idioma.",
    "zh-Hans": "此为译文，尚未经懂中文的临床医务人员审核。",
}
LANGUAGES = ["es", "zh-Hans"]
PAGES = [
    "/",
    "/?area=neck&error=area",
    "/points/",
    "/points/LI4/",
    "/points/BL52/?from=B47",
    "/points/KI27/",
    "/points/XX99/",
    "/plan/",
    "/about/",
    "/signin/",
    "/signin/link/not-a-token/",
    "/offline/",
    "/diary/",
    "/privacy/",
    "/privacy/delete/",
]
# The pages of programs, weekly checks, practitioners and the camera: test_languages_pages.py.


def _get(client: Client, path: str, language: str) -> str:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=HEADER[language])
    assert response.status_code in (200, 400, 404), path
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.django_db
def test_every_page_has_no_english_left(owner_client: Client, language: i18n.Language) -> None:
    for path in PAGES:
        page = _get(owner_client, path, language)
        assert f'<html lang="{language}">' in page, path
        assert english_left(visible_text(page), language) == [], path
        shown_by_scripts = " ".join(re.findall(r'data-message="([^"]*)"', page))
        assert english_left(shown_by_scripts, language) == [], path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.django_db
def test_routine_blocked_advice_and_player_have_no_english_left(
    owner_client: Client, people: Personas, language: i18n.Language
) -> None:
    header = {"HTTP_ACCEPT_LANGUAGE": HEADER[language]}
    form = intake_form(area=["neck", "lower-back"], helper="yes", condition=["bleeding-risk"])
    routine = owner_client.post("/plan/", form, **header).content.decode()
    blocked = owner_client.post(
        "/plan/", intake_form(area=["neck"], **{"flag-fever": "yes"}), **header
    ).content.decode()
    soon = owner_client.post(
        "/plan/", intake_form(area=["neck"], **{"flag-night-pain": "yes"}), **header
    ).content.decode()
    bad = owner_client.post("/plan/", {"area": ["neck"]}, **header).content.decode()
    for page in (routine, blocked, soon, bad):
        assert english_left(visible_text(page), language) == []
    intake = json.dumps({"areas": ["neck"], "red_flags": []})
    started = owner_client.post("/session/start/", {"intake": intake}, **header)
    player = owner_client.get(started["Location"], **header).content.decode()
    assert english_left(visible_text(player), language) == []
    words = player.split('id="player-words" type="application/json">')[1].split("</script>")[0]
    assert english_left(" ".join(json.loads(words).values()), language) == []
    timeline = owner_client.get(started["Location"] + "timeline.json", **header).json()
    cues = " ".join(s["cue"] for s in timeline["steps"])
    assert english_left(cues, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.django_db
def test_translated_safety_text_is_marked(client: Client, language: i18n.Language) -> None:
    point = _get(client, "/points/GB21/", language)
    cautions = point.split('id="cautions"')[1].split("</section>")[0]
    assert MARK[language] in cautions
    plan = _get(client, "/plan/", language)
    flags = plan.split('class="flags"')[1]
    assert flags.index(MARK[language]) < flags.index('class="flag"')
    english = client.get("/points/GB21/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert all(mark not in english for mark in MARK.values())


@pytest.mark.django_db
def test_the_switcher_remembers_the_choice_in_a_cookie(client: Client) -> None:
    response = client.post("/language/", {"language": "zh-hans", "next": "/points/"})
    assert response.status_code == 302 and response["Location"] == "/points/"
    page = client.get("/points/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="zh-Hans">' in page and "穴位图谱" in page
    bad = client.post("/language/", {"language": "fr", "next": "https://evil.example/"})
    assert bad.status_code == 400


@pytest.mark.django_db
def test_the_switcher_needs_no_token_and_refuses_other_sites() -> None:
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/points/LI4/").content.decode()
    assert 'action="/language/"' in page and "csrfmiddlewaretoken" not in page
    same = browser.post("/language/", {"language": "es"}, headers={"origin": "http://testserver"})
    assert same.status_code == 302 and same.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    for headers in ({"sec-fetch-site": "cross-site"}, {"origin": "https://evil.example"}):
        refused = Client().post("/language/", {"language": "es"}, headers=headers)
        assert refused.status_code == 403 and settings.LANGUAGE_COOKIE_NAME not in refused.cookies


@pytest.mark.django_db
def test_a_signed_in_person_keeps_the_language_on_another_browser(people: Personas) -> None:
    first = people.client_for(people.owner)
    first.post("/language/", {"language": "es", "next": "/"})
    other = people.client_for(people.owner)  # a new browser: no cookie, English header
    response = other.get("/diary/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert '<html lang="es">' in page and "Su diario del dolor" in page
    # that browser now carries the choice, for the live camera's frames (no database there)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    again = other.get("/diary/", HTTP_ACCEPT_LANGUAGE="en")
    assert settings.LANGUAGE_COOKIE_NAME not in again.cookies  # in step: not set again
    stranger = people.client_for(people.stranger).get("/diary/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="en">' in stranger.content.decode()


@pytest.mark.django_db
def test_the_api_follows_accept_language_and_keeps_codes(client: Client) -> None:
    english = client.get("/api/points/LI4", HTTP_ACCEPT_LANGUAGE="en").json()
    chinese = client.get("/api/points/LI4", HTTP_ACCEPT_LANGUAGE="zh-CN").json()
    spanish = client.get("/api/points/LI4", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.8").json()
    assert chinese["code"] == spanish["code"] == english["code"] == "LI4"
    assert chinese["rule"] == english["rule"] and chinese["chart"] == english["chart"]
    assert chinese["location"]["standard"].startswith("在手背")
    assert spanish["location"]["standard"].startswith("En el dorso de la mano")
    plan = client.post(
        "/api/plan",
        {"areas": ["neck"], "red_flags": []},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert plan["Content-Language"] == "es"
    assert english_left(json.dumps(plan.json(), ensure_ascii=False), "es") == []


@pytest.mark.django_db
def test_the_scan_finds_english_when_it_is_there(client: Client) -> None:
    """The scan can fail: the same pages in English are full of what it looks for."""
    for path in ("/points/LI4/", "/plan/", "/about/"):
        page = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert len(english_left(visible_text(page), "es")) > 10, path
        assert len(english_left(visible_text(page), "zh-Hans")) > 10, path


ENGLISH_RUN = re.compile(r"[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+)+")
CITATIONS = re.compile(
    r'<ul class="sources">.*?</ul>|<code>.*?</code>|<span class="cite">.*?</span>', re.S
)


@pytest.mark.django_db
def test_chinese_pages_have_no_run_of_english_words(owner_client: Client) -> None:
    """Beyond the catalog: on a Chinese page no two English words follow each other, so a
    string nobody marked for translation shows up too. Citations and commands are allowed."""
    header = {"HTTP_ACCEPT_LANGUAGE": HEADER["zh-Hans"]}
    pages = [owner_client.get(path, **header).content.decode() for path in PAGES]
    form = intake_form(area=["neck", "lower-back"], helper="yes")
    pages.append(owner_client.post("/plan/", form, **header).content.decode())
    for page in pages:  # usernames (the practitioner "dr-pat" on /privacy/) are names
        text = visible_text(CITATIONS.sub("", page)).replace("dr-pat", "")
        assert ENGLISH_RUN.findall(text) == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_the_camera_and_switcher_refusals_are_translated(client: Client, language: str) -> None:
    header = {"es": "es", "zh-Hans": "zh-CN"}[language]
    bad = {"width": "wide", "height": 480, "points": ["LI4"]}
    frame = client.post(
        "/api/locate/landmarks", bad, content_type="application/json", HTTP_ACCEPT_LANGUAGE=header
    )
    deep = client.post(
        "/api/locate/landmarks",
        "[" * 5000,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=header,
    )
    switch = client.post("/language/", {"language": "fr"}, HTTP_ACCEPT_LANGUAGE=header)
    assert (frame.status_code, deep.status_code, switch.status_code) == (422, 400, 400)
    said = [frame.json()["detail"], deep.json()["detail"], switch.content.decode()]
    assert said[0].startswith("width: ")
    assert english_left("\n".join(said), i18n.parse(language) or "en") == [], said
