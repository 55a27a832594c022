"""Schemathesis against the API's own OpenAPI document, in-process (WSGI, no network).

Every operation, signed out and signed in, with generated valid and invalid input: never a
5xx, every answer documented and shaped as the schema says, every 4xx with a message.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis import Case, GenerationMode
from schemathesis.core.transport import Response
from tests.web.personas import Personas

from acupressure.web.wsgi import application

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
# A NUL character is refused before any endpoint (web/edge.py, 400; tests/web/test_edge.py
# and the every-route fuzz in test_practice_fuzz.py feed it), so schema-valid data holds none.
schema.config.generation.update(allow_x00=False)

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CSRF = "fuzz" * 8  # a 32-character CSRF secret, sent as cookie and header alike
# Schemathesis' WSGI transport does not undo gzip (the app compresses when asked; that is
# tested in test_page_cache.py), so the fuzzing asks for plain bodies.
PLAIN = {"Accept-Encoding": "identity"}
SESSION = "fuzzsession" * 3  # fixed: examples are drawn at collection, before any fixture


def has_a_message(ctx: Any, response: Response, case: Case) -> bool:
    """A 4xx (other than 405, which names the methods in Allow) says what is wrong."""
    if 400 <= response.status_code < 500 and response.status_code != 405:
        detail = response.json()["detail"]
        if isinstance(detail, list):
            assert detail and all(item["msg"] for item in detail), detail
        else:
            assert isinstance(detail, str) and detail.strip(), detail
    return True


class SessionCookie:
    """Django's session cookie for the person the `signed_in` fixture signs in."""

    def get(self, case: Case, ctx: Any) -> str:
        return SESSION

    def set(self, case: Case, data: str, ctx: Any) -> None:
        case.cookies = {**(case.cookies or {}), "sessionid": data, "csrftoken": CSRF}
        case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF}


@pytest.fixture
def signed_in(people: Personas) -> None:
    data = {
        SESSION_KEY: str(people.owner.pk),
        BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
        HASH_SESSION_KEY: people.owner.get_session_auth_hash(),
    }
    Session.objects.create(
        session_key=SESSION,
        session_data=SessionStore().encode(data),
        expire_date=timezone.now() + timedelta(days=1),
    )


@schema.parametrize()
@FUZZ
def test_api_signed_out(case: Case) -> None:
    response = case.call_and_validate(headers=PLAIN, additional_checks=[has_a_message])
    if case.path.startswith("/api/diary/"):
        assert response.status_code >= 400, "the diary is only for the signed-in person"


@schema.auth.apply(SessionCookie, refresh_interval=None)
@schema.parametrize()
@FUZZ
def test_api_signed_in(case: Case, signed_in: None) -> None:
    response = case.call_and_validate(headers=PLAIN, additional_checks=[has_a_message])
    positive = case.meta is not None and case.meta.generation.mode is GenerationMode.POSITIVE
    if positive and case.path.startswith("/api/diary/"):
        assert response.status_code < 400, "valid input from a signed-in person must succeed"
