"""Pages, plans and charts made once per data version: what a cached answer must still do."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.test import Client
from tests.web.personas import Personas, answered_early, intake_form

from acupressure import atlas
from acupressure.atlas import loader
from acupressure.safety import loader as safety_loader
from acupressure.web.pagecache import ANONYMOUS, PAGES, PLAN_BODIES, PLANS, TOKEN_PLACEHOLDER

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _clear_loaded_data() -> None:
    for cached in (atlas._english, atlas._translated, atlas._codes, atlas.index, atlas.sources):
        cached.cache_clear()
    for name in ("_red_flags", "_conditions", "_english_red_flags", "_english_conditions"):
        getattr(safety_loader, name).cache_clear()


@pytest.fixture
def edited_atlas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the atlas data that a test may edit; the real data is back afterwards."""
    folder = tmp_path / "data"
    shutil.copytree(Path(str(loader.data_dir())), folder)
    monkeypatch.setattr(loader, "data_dir", lambda: folder)
    yield folder
    monkeypatch.undo()
    _clear_loaded_data()


def test_cached_form_carries_each_visitors_own_working_token() -> None:
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [c.get("/plan/").content.decode() for c in (first, second, first)]
    tokens = [TOKEN.search(p).group(1) for p in pages]  # type: ignore[union-attr]
    assert len(set(tokens)) == 3  # masked afresh on every response, as Django renders it
    assert not any(TOKEN_PLACEHOLDER in p for p in pages)
    for client, token in ((first, tokens[2]), (second, tokens[1])):  # second: early answer
        answer = client.post("/plan/", {**intake_form(area="neck"), "csrfmiddlewaretoken": token})
        assert answer.status_code == 200 and "Your routine" in answer.content.decode()
    refused = second.post("/plan/", {**intake_form(area="neck"), "csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    stranger = Client(enforce_csrf_checks=True)  # a token without its cookie is refused
    cross = stranger.post("/plan/", {**intake_form(area="neck"), "csrfmiddlewaretoken": tokens[1]})
    assert cross.status_code == 403


def test_signed_in_and_anonymous_visitors_get_their_own_page(
    client: Client, owner_client: Client
) -> None:
    for _ in range(2):  # the second round comes from the cache
        anonymous = client.get("/points/LI4/").content.decode()
        signed_in = owner_client.get("/points/LI4/").content.decode()
        assert "Sign in</a>" in anonymous and "Sign out" not in anonymous
        assert "Sign out" in signed_in and TOKEN.search(signed_in)


def test_query_strings_are_never_served_from_the_cache(client: Client) -> None:
    assert "Neck: add" in client.get("/").content.decode()  # now cached
    chosen = client.get("/?area=neck").content.decode()
    assert "Neck, chosen: remove" in chosen and "Neck: add" not in chosen
    assert "Neck: add" in client.get("/").content.decode()
    client.get("/points/BL52/")
    assert "Hunmen" in client.get("/points/BL52/?from=B47").content.decode()


def test_a_data_change_replaces_cached_pages_plans_and_charts(
    client: Client, edited_atlas: Path
) -> None:
    body = json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})
    before = client.get("/points/LI4/").content.decode()
    plan_before = client.post("/api/plan", body, content_type="application/json").json()
    chart_before = client.get("/points/LI4/chart.svg").content.decode()
    for made in (before, chart_before, json.dumps(plan_before)):
        assert "Joining Valley" in made  # LI4's English name, in the neck routine too
    point_file = edited_atlas / "points" / "LI4.yaml"
    point_file.write_text(point_file.read_text().replace("Joining Valley", "Meeting Valley"))
    again = client.get("/points/LI4/").content.decode()  # nothing reloaded yet
    assert TOKEN.sub("", again) == TOKEN.sub("", before)  # (the switcher's token is fresh)
    _clear_loaded_data()  # what a restart with the new data does
    after = client.get("/points/LI4/").content.decode()
    plan_after = client.post("/api/plan", body, content_type="application/json").json()
    chart_after = client.get("/points/LI4/chart.svg").content.decode()
    for made in (after, chart_after, json.dumps(plan_after)):
        assert "Meeting Valley" in made and "Joining Valley" not in made


def test_plans_are_made_once_per_intake_and_each_caller_gets_a_copy(client: Client) -> None:
    PLANS.clear()
    neck = json.dumps({"areas": ["neck"], "red_flags": []})
    back = json.dumps({"areas": ["lower-back"], "red_flags": []})
    first = client.post("/api/plan", neck, content_type="application/json").json()
    again = client.post("/api/plan", neck, content_type="application/json").json()
    other = client.post("/api/plan", back, content_type="application/json").json()
    assert first == again != other


def test_html_is_compressed_when_the_browser_asks(client: Client) -> None:
    PAGES.clear()
    plain = client.get("/points/BL23/")
    packed = client.get("/points/BL23/", headers={"accept-encoding": "gzip, br"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "br" and "Accept-Encoding" in packed["Vary"]
    assert brotli.decompress(packed.content) == plain.content  # no token: the same bytes
    assert len(packed.content) < len(plain.content) / 3
    again = client.get("/points/BL23/", headers={"accept-encoding": "gzip, br"})
    assert again.content == packed.content  # compressed once, sent as it is
    only_gzip = client.get("/points/BL23/", headers={"accept-encoding": "gzip;q=1, br;q=0"})
    assert only_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(only_gzip.content) == plain.content


@pytest.mark.parametrize("cookieless", [True, False])
def test_a_form_is_gzipped_around_its_token_which_stays_uncompressed(
    cookieless: bool, owner_client: Client
) -> None:
    """The parts between tokens are compressed once; each visitor's token goes between them
    in a stored block, never compressed with the page (BREACH has nothing to measure)."""
    PAGES.clear()
    browser = Client(enforce_csrf_checks=True) if cookieless else owner_client
    plain = browser.get("/plan/").content.decode()
    answers = [browser.get("/plan/", headers={"accept-encoding": "br, gzip"}) for _ in range(2)]
    pages = [gzip.decompress(a.content).decode() for a in answers]
    assert all(a["Content-Encoding"] == "gzip" for a in answers)  # br cannot go around
    tokens = [TOKEN.search(p).group(1) for p in pages]  # type: ignore[union-attr]
    assert tokens[0] != tokens[1] and TOKEN.sub("", pages[0]) == TOKEN.sub("", plain)
    for answer, token in zip(answers, tokens, strict=True):
        assert token.encode() in answer.content  # sent as it is, in a stored block
    # the same length, whatever the token: only the token's bytes and the CRC differ
    assert len(answers[0].content) == len(answers[1].content)
    first, second = (a.content for a in answers)
    differ = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert len(differ) <= len(tokens[0]) * plain.count("csrfmiddlewaretoken") + 4
    assert len(answers[0].content) < len(plain) / 3
    if cookieless:  # the token works: posted back with the cookie set alongside
        token = tokens[1]
        posted = browser.post("/plan/", {**intake_form(area="neck"), "csrfmiddlewaretoken": token})
        assert posted.status_code == 200


def test_chart_image_by_code_alias_and_unknown(client: Client) -> None:
    chart = client.get("/points/LI4/chart.svg")
    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
    assert chart.content.startswith(b"<svg") or b"<svg" in chart.content[:200]
    assert "public" in chart["Cache-Control"]
    alias = client.get("/points/B47/chart.svg")
    assert alias.status_code == 302 and alias["Location"] == "/points/BL52/chart.svg"
    assert client.get("/points/XX99/chart.svg").status_code == 404


def test_player_page_carries_no_chart_but_links_each_points_image(
    people: Personas, owner_client: Client
) -> None:
    intake = json.dumps({"areas": ["neck", "lower-back"], "helper": True, "red_flags": []})
    start = owner_client.post("/session/start/", {"intake": intake})
    page = owner_client.get(start["Location"]).content.decode()
    images = re.findall(r'<img class="point-chart" src="/points/(\w+)/chart.svg"', page)
    assert len(images) >= 2 and 'loading="lazy"' in page
    assert "<svg" not in page.split('class="point-charts"')[1]
    assert "vendor/htmx" not in page  # the player loads only its own script and the site's


def test_cookieless_visitors_get_the_same_page_and_headers_from_the_early_answer() -> None:
    PAGES.clear()
    full = Client().get("/points/GV4/")  # rendered and cached on the way
    early = Client().get("/points/GV4/")  # answered before the session middleware
    assert early.content == full.content
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type", "Content-Length"):
        assert early[header] == full[header]
    assert "Cookie" in early["Vary"] and "Accept-Language" in early["Vary"]
    Client().get("/plan/")
    form = Client().get("/plan/")  # a form from the early answer: a token and its cookie
    assert TOKEN_PLACEHOLDER not in form.content.decode() and TOKEN.search(form.content.decode())
    assert form.cookies["csrftoken"]["samesite"] == "Lax" and form.cookies["csrftoken"]["httponly"]
    assert Client().get("/points/GV4/", headers={"host": "evil.example"}).status_code == 400


def test_a_repeated_plan_body_gets_the_same_answer_and_errors_are_never_kept() -> None:
    body = json.dumps({"areas": ["shoulders"], "red_flags": []})
    first = Client().post("/api/plan", body, content_type="application/json")
    again = Client().post("/api/plan", body, content_type="application/json")  # early answer
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again["X-Frame-Options"] == first["X-Frame-Options"]
    assert again["Content-Length"] == str(len(again.content))
    packed = Client().post(
        "/api/plan", body, content_type="application/json", headers={"accept-encoding": "br"}
    )
    assert packed["Content-Encoding"] == "br" and "Accept-Encoding" in packed["Vary"]
    assert json.loads(brotli.decompress(packed.content)) == first.json()
    bad = json.dumps({"areas": ["knees"], "red_flags": []})
    for _ in range(2):
        assert Client().post("/api/plan", bad, content_type="application/json").status_code == 422
    PLAN_BODIES.clear()
    uncached = Client().post("/api/plan", body, content_type="text/plain")
    Client().post("/api/plan", body, content_type="application/json")  # kept under JSON only
    as_text = Client().post("/api/plan", body, content_type="text/plain")
    assert (as_text.status_code, as_text.content) == (uncached.status_code, uncached.content)


def test_the_early_answer_is_in_the_visitors_language() -> None:
    """A cookieless Spanish browser after an English one (and the other way round): each gets
    the page in its own language, from the cache, never the other's."""
    PAGES.clear()
    for _ in range(2):  # the second round comes from the early answer
        english = Client().get("/points/LI4/", headers={"accept-language": "en"})
        spanish = Client().get("/points/LI4/", headers={"accept-language": "es-ES,es;q=0.9"})
        chinese = Client().get("/points/LI4/", headers={"accept-language": "zh-CN"})
        assert '<html lang="en">' in english.content.decode()
        assert '<html lang="es">' in spanish.content.decode()
        assert '<html lang="zh-Hans">' in chinese.content.decode()
    assert PAGES.peek(("/points/LI4/", ANONYMOUS), "es") is not None


@pytest.mark.django_db
def test_a_plan_answered_early_from_the_cache_says_its_language() -> None:
    """The second POST of the same body is answered before the view (the middleware), with
    the same Content-Language and Vary as the view's answer."""
    body = {"areas": ["neck"], "red_flags": [], "pregnant": False}
    first = Client().post(
        "/api/plan", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="es"
    )
    again = Client().post(
        "/api/plan", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert first["Content-Language"] == again["Content-Language"] == "es"
    assert "Accept-Language" in again["Vary"] and again.content == first.content


def test_a_returning_visitor_is_answered_early_in_their_cookies_language() -> None:
    """A browser that kept the CSRF cookie (from any form) and the language cookie (from the
    language switch) gets the same page and headers as Django's chain gives it, from the
    cache, in the cookie's language even where its Accept-Language says another."""
    PAGES.clear()
    browser = Client()
    browser.get("/plan/")  # the CSRF cookie, as any page with a form sets it
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    english = {"accept-language": "en"}
    full = browser.get("/points/GV4/", headers=english)  # rendered and cached on the way
    early = browser.get("/points/GV4/", headers=english)
    assert not answered_early(full) and answered_early(early)
    assert early.content == full.content and '<html lang="es">' in early.content.decode()
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type", "Content-Length"):
        assert early[header] == full[header]
    assert early["Content-Language"] == full["Content-Language"] == "es"
    assert set(early["Vary"].split(", ")) == set(full["Vary"].split(", "))


def test_a_returning_visitors_form_carries_a_token_of_their_own_cookie() -> None:
    PAGES.clear()
    browser = Client(enforce_csrf_checks=True)
    browser.get("/plan/")
    secret = browser.cookies[settings.CSRF_COOKIE_NAME].value
    again = browser.get("/plan/")  # answered early, with the cookie it has
    assert answered_early(again) and again.cookies[settings.CSRF_COOKIE_NAME].value == secret
    token = TOKEN.search(again.content.decode()).group(1)  # type: ignore[union-attr]
    posted = browser.post("/plan/", {**intake_form(area="neck"), "csrfmiddlewaretoken": token})
    assert posted.status_code == 200 and "Your routine" in posted.content.decode()
    broken = Client(enforce_csrf_checks=True)  # a malformed cookie is replaced, as Django does
    broken.cookies[settings.CSRF_COOKIE_NAME] = "not-a-secret"
    fresh = broken.get("/plan/")
    assert answered_early(fresh)
    assert fresh.cookies[settings.CSRF_COOKIE_NAME].value not in ("not-a-secret", secret)
    token = TOKEN.search(fresh.content.decode()).group(1)  # type: ignore[union-attr]
    posted = broken.post("/plan/", {**intake_form(area="neck"), "csrfmiddlewaretoken": token})
    assert posted.status_code == 200


@pytest.mark.parametrize(
    "cookie", [settings.SESSION_COOKIE_NAME, "messages", "another"], ids=lambda c: c
)
def test_any_other_cookie_goes_on_to_djangos_chain(cookie: str) -> None:
    """A session (perhaps signed in), a message waiting, or a cookie the app does not know:
    never answered from the anonymous page."""
    PAGES.clear()
    Client().get("/points/GV4/")  # cached
    browser = Client()
    browser.cookies[cookie] = "x" * 32
    browser.cookies[settings.CSRF_COOKIE_NAME] = "a" * 32
    assert not answered_early(browser.get("/points/GV4/"))
