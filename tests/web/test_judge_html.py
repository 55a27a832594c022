"""Outside judge: every kind of page, as each kind of visitor gets it, through the Nu HTML
Checker (the W3C's validator, vnu.jar) in one run: 0 errors. Every page also has a meta
description, in the page's language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.judges.vnu import check_pages
from tests.web.personas import intake_form
from tests.web.practice import Practice, make_practice, signed_in
from tests.web.programs import INTAKE, make

from acupressure.records.models import PracticeSession
from acupressure.records.signin import issue_token

pytestmark = [pytest.mark.judge, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "/", "/about/", "/points/", "/points/LI4/", "/points/BL52/?from=B47", "/points/XX99/", "/plan/",
    "/camera/", "/camera/live/", "/camera/live/?embed=1", "/signin/", "/offline/",
    "/signin/link/not-a-token/", "/no-such-page/",
]  # fmt: skip


def pages(practice: Practice) -> dict[str, Any]:
    """name -> response, for every page kind."""
    anonymous, me, ana = Client(), signed_in(practice.client), signed_in(practice.practitioner)
    got: dict[str, Any] = {path: anonymous.get(path) for path in PUBLIC}
    got["plan result"] = anonymous.post("/plan/", intake_form(area=["neck"], minutes="10"))
    got["plan refused"] = anonymous.post("/plan/", intake_form())
    got["sign-in link"] = anonymous.get(f"/signin/link/{issue_token(practice.stranger)}/")
    own = make(me)
    program = practice.program.pk
    me.post("/session/start/", {"intake": INTAKE})
    session = PracticeSession.objects.filter(owner=practice.client).latest("id").pk
    for path in (
        "/", "/diary/", f"/program/{program}/", f"/program/{own.pk}/",
        f"/program/{own.pk}/check/?week=0", f"/program/{own.pk}/rescreen/",
        f"/program/{program}/prescription/1/", f"/session/{session}/", "/privacy/",
        "/privacy/delete/", "/consent/", "/account/password/",
    ):  # fmt: skip
        got[f"client {path}"] = me.get(path)
    got["client /diary/ after a check-in"] = me.post("/diary/checkin/", {"area": "neck"})
    link = practice.link.pk
    for path in (
        "/clients/", "/clients/new/", f"/clients/{link}/", f"/clients/{link}/screening/",
        f"/clients/{link}/prescribe/",
    ):  # fmt: skip
        got[f"practitioner {path}"] = ana.get(path)
    got["practitioner invite"] = ana.post("/clients/new/", {"label": "P-99"}, follow=True)
    for lang in ("es", "zh-Hans"):
        for path in PUBLIC:
            got[f"{path} {lang}"] = Client().get(path, HTTP_ACCEPT_LANGUAGE=lang)
    return got


def test_every_page_kind_passes_the_nu_html_checker(clock: FakeWallClock, tmp_path: Path) -> None:
    got = pages(make_practice())
    files = {}
    for n, (name, response) in enumerate(got.items()):
        assert response["Content-Type"].startswith("text/html"), name
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        path = tmp_path / f"page-{n}.html"
        path.write_bytes(response.content)
        files[str(path)] = name
    # the judge can fail: an hx-post attribute and a label for a missing id are errors
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<form hx-post="/x"><label for="nowhere">A</label><input name="a"></form></body></html>'
    )
    errors = check_pages([*(Path(p) for p in files), bad])  # one run of the checker
    wrong = errors.pop(str(bad))
    assert any("hx-post" in e for e in wrong) and any("“label”" in e for e in wrong)
    found = {files.get(f, f): e for f, e in errors.items() if e}
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
    for name, response in got.items():
        page = response.content.decode()
        description = re.search(r'<meta name="description" content="([^"]+)">', page)
        assert description and len(description.group(1)) > 30, name
