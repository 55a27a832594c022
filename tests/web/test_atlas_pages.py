"""The public atlas pages: list, one point, aliases, unknown codes."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_atlas_lists_all_fourteen_points(client: Client) -> None:
    page = client.get("/points/").content.decode()
    for code in (
        "CV6",
        "BL23",
        "BL52",
        "GV4",
        "BL60",
        "LR3",
        "BL40",
        "GB21",
        "BL10",
        "TE3",
        "LI4",
        "KI27",
        "GV14",
        "SI15",
    ):
        assert f'href="/points/{code}/"' in page


def test_point_page_shows_finding_technique_cautions_and_sources(client: Client) -> None:
    response = client.get("/points/BL52/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "How to find it" in page and "How to press it" in page and "Cautions" in page
    assert "WHO Standard Acupuncture Point Locations" in page  # sources listed in full
    assert "Hunmen" in page  # the erratum about the old label B47


def test_old_label_redirects_to_standard_code(client: Client) -> None:
    response = client.get("/points/B47/")
    assert response.status_code == 302
    assert response["Location"] == "/points/BL52/?from=B47"
    assert "You looked for “B47”" in client.get(response["Location"]).content.decode()


def test_lowercase_and_legacy_prefixes_redirect(client: Client) -> None:
    assert client.get("/points/lv3/")["Location"].startswith("/points/LR3/")
    assert client.get("/points/Hegu/")["Location"].startswith("/points/LI4/")


def test_unknown_code_is_a_404_page_with_help(client: Client) -> None:
    response = client.get("/points/ZZ99/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "No point “ZZ99”" in page
    assert 'href="/points/BL23/"' in page


def test_standard_code_outside_the_atlas_explains(client: Client) -> None:
    response = client.get("/points/BL47/")
    assert response.status_code == 404
    assert "BL52" in response.content.decode()  # hint: B47 is BL52


def test_pages_send_a_strict_content_security_policy(client: Client) -> None:
    response = client.get("/points/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/about/", "/points/", "/plan/", "/offline/"])
def test_public_pages_load(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert b"<script>" not in response.content  # no inline script anywhere


def test_about_cites_evidence_and_guidelines(client: Client) -> None:
    page = client.get("/about/").content.decode()
    for sid in ("hsieh-2006", "murphy-2019", "li-2021", "nice-ng59"):
        assert f'id="src-{sid}"' in page
    assert 'id="clinician"' in page


def test_home_offers_the_four_areas_as_map_and_checkboxes(client: Client) -> None:
    page = client.get("/").content.decode()
    for area in ("lower-back", "upper-back", "neck", "shoulders"):
        assert f'data-area="{area}"' in page
        assert f'name="area" value="{area}"' in page


def test_manifest_and_service_worker(client: Client) -> None:
    manifest = client.get("/manifest.webmanifest")
    assert manifest.json()["start_url"] == "/"
    worker = client.get("/sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert b"caches" in worker.content
