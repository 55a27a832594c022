"""The authorization matrix for every practitioner and consent URL: signed out, a stranger,
the client, the linked practitioner, a practitioner of another client, and the linked
practitioner after the client withdrew consent. Anything not theirs is a 404 (401 from the
API when signed out), never data; and the client's pseudonym never leaks into other lists."""

from __future__ import annotations

import json

import pytest
from tests.doubles import FakeWallClock
from tests.web import downloads
from tests.web.practice import item, make_practice

from acupressure.records.practice import withdraw

pytestmark = pytest.mark.django_db(transaction=True)

WHO = ("anonymous", "stranger", "client", "practitioner", "other", "withdrawn")
ALL_404 = (302, 404, 404, 200, 404, 404)
PRESCRIBE = json.dumps({"items": [item("KI27", 120, 3)], "weeks": 2})

MATRIX: list[tuple[str, str, str | None, tuple[int, ...]]] = [
    ("get", "/clients/", None, (302, 404, 404, 200, 200, 200)),
    ("get", "/clients/new/", None, (302, 404, 404, 200, 200, 200)),
    ("get", "/clients/export.csv", None, (302, 404, 404, 200, 200, 200)),
    ("get", "/clients/{L}/", None, ALL_404),
    ("post", "/clients/{L}/invite/", None, (302, 404, 404, 302, 404, 404)),
    ("get", "/clients/{L}/invite/", None, ALL_404),
    ("get", "/clients/{L}/screening/", None, ALL_404),
    ("get", "/clients/{L}/prescribe/", None, ALL_404),
    ("post", "/clients/{L}/routine.pdf", None, ALL_404),
    ("get", "/clients/{L}/fhir.json", None, ALL_404),
    ("get", "/api/clients/{L}/fhir", None, (401, 404, 404, 200, 404, 404)),
    ("post", "/api/clients/{L}/prescription", PRESCRIBE, (401, 404, 404, 201, 404, 404)),
    ("get", "/diary/?client={C}", None, (302, 404, 200, 200, 404, 404)),
    ("get", "/consent/", None, (302, 200, 200, 200, 200, 200)),
    ("get", "/consent/{L}/screening/", None, (302, 404, 200, 404, 404, 404)),
    ("post", "/consent/code/", None, (302, 400, 400, 400, 400, 400)),
    ("post", "/privacy/practitioners/{L}/end/", None, (302, 404, 302, 404, 404, 404)),
    ("get", "/privacy/fhir.json", None, (302, 200, 200, 200, 200, 200)),
    ("get", "/program/{P}/prescription/1/", None, (302, 404, 200, 404, 404, 404)),
    ("get", "/account/password/", None, (302, 200, 200, 200, 200, 200)),
]


@pytest.mark.parametrize(("method", "path", "body", "expected"), MATRIX)
@pytest.mark.parametrize("who", range(len(WHO)), ids=WHO)
def test_matrix(
    clock: FakeWallClock,
    method: str,
    path: str,
    body: str | None,
    expected: tuple[int, ...],
    who: int,
) -> None:
    practice = make_practice()
    persona = WHO[who]
    if persona == "withdrawn":
        withdraw(practice.client.pk, practice.link.pk)
        persona = "practitioner"
    browser = practice.as_(persona)
    url = path.format(L=practice.link.pk, C=practice.client.pk, P=practice.program.pk)
    if body is not None:
        response = getattr(browser, method)(url, body, content_type="application/json")
    else:
        response = getattr(browser, method)(url)
    assert response.status_code == expected[who], (url, WHO[who])
    if response.status_code == 302 and WHO[who] == "anonymous":
        assert response["Location"].startswith("/signin/")
    text = downloads.body(response).decode(errors="replace")
    client_is_theirs = WHO[who] in ("client", "practitioner")
    if not client_is_theirs:
        assert "P-17" not in text, (url, WHO[who])
        assert practice.client.username not in text, (url, WHO[who])
    if response.status_code == 404:
        assert "Before bed too" not in text
