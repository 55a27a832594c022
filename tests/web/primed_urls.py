"""The project's URLs with a probe that records what a view sees of the signed-in person
(tests/web/test_primed.py), and a second authentication backend for those tests."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils import translation
from django.utils.functional import LazyObject

from acupressure import i18n
from acupressure.web.urls import urlpatterns as project


@dataclass(frozen=True)
class Seen:
    """What the view saw: the user (its class, state and every column), the session's key
    and data, the page's language (Django's and the core's) and the messages waiting."""

    user: tuple[Any, ...]
    session_key: str | None
    session: dict[str, Any]
    language: str
    core_language: str
    messages: tuple[str, ...]


SEEN: list[Seen] = []


class OtherBackend(ModelBackend):
    """A backend other than Django's model backend (the same rules)."""


def user_of(request: HttpRequest) -> tuple[Any, ...]:
    """The user's class, whether signed in, its state and every column."""
    user: Any = request.user
    while isinstance(user, LazyObject):  # Django's lazy object
        assert user.is_authenticated in (True, False)  # evaluated
        user = user._wrapped
    if not isinstance(user, User):
        return (type(user).__name__, user.is_authenticated, None, (), None)
    state = (user._state.db, user._state.adding)
    profile = getattr(user, "practitioner", None)  # as records/access.is_practitioner asks
    kept = None if profile is None else (_columns(profile), profile.user is user)
    return (type(user).__name__, user.is_authenticated, state, _columns(user), kept)


def _columns(instance: Any) -> tuple[tuple[str, Any], ...]:
    fields = instance._meta.concrete_fields
    return tuple((f.attname, getattr(instance, f.attname)) for f in fields)


def probe(request: HttpRequest) -> HttpResponse:
    """Records what it sees; ``?set`` stores a value in the session, ``?change`` changes a
    stored value in place without marking the session changed, ``?message`` adds a
    message."""
    seen_messages = tuple(str(m) for m in messages.get_messages(request))
    SEEN.append(
        Seen(
            user_of(request),
            request.session.session_key,
            copy.deepcopy(dict(request.session.items())),
            translation.get_language(),
            i18n.current(),
            seen_messages,
        )
    )
    if "set" in request.GET:
        request.session["probe"] = {"n": [1]}
    if "change" in request.GET:
        request.session["probe"]["n"].append(2)  # Django would not save this
    if "message" in request.GET:
        messages.info(request, "a message for the next page")
    return HttpResponse(f"{request.user.pk}")


urlpatterns = [path("probe/", probe), *project]
