"""Django's signed-in floor in one statement: every signed-in page used to read the session
row (SessionMiddleware), the account (AuthenticationMiddleware), the stored language
(LanguageMiddleware) and the practitioner profile (records/access.is_practitioner, which the
navigation asks) in four ORM queries.

`PrimedSignInMiddleware`, right before AuthenticationMiddleware, reads them together
(web/signed.py: the session joined with every column of its account, the stored language
and the practitioner profile) and, only when the reading verifies as Django's own would
(unexpired session, signed in through the model backend, the account active, the session's
hash verified with the current secret key), primes what Django would otherwise query: the
session's data (a copy of its own, which Django may change and save), the user Django's
`get_user` would load (every column, as the ORM converts them; its profile, or none, kept
on it as `user.practitioner` keeps what it reads) and the stored language. Anything else
primes nothing and Django does what it always did: no session, an expired or flushed one,
another backend, a hash that does not verify (Django flushes the session, or cycles it when
a SECRET_KEY_FALLBACKS key verifies it), signed-cookie or cached sessions.

It sits after the middleware between SessionMiddleware and itself (locale, common, CSRF),
none of which reads the session: a redirect of CommonMiddleware's reads nothing, as before.
Past it, LanguageMiddleware asks whether the user is signed in on every request but the
camera's frames (skipped here), which reads the session in Django's chain: so a primed
session is marked read, and SessionMiddleware adds `Vary: Cookie` as it did.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse

from acupressure.web import signed
from acupressure.web.language import middleware as language


class PrimedSignInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        prime(request)
        return self.get_response(request)


def prime(request: HttpRequest) -> bool:
    """Primes the session, the user and the stored language of a request Django would find
    signed in; True when it did. Nothing is primed otherwise."""
    session = getattr(request, "session", None)
    if type(session) is not SessionStore or hasattr(session, "_session_cache"):
        return False  # another engine, or the session read already
    if request.path in language.FRAME_PATHS:
        return False  # the camera's frames touch no database (issue 13)
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or session.session_key != key:
        return False
    found = signed.verified(request)
    if found is None:
        return False
    session._session_cache = found.own_session()  # type: ignore[attr-defined]
    session.accessed = True  # as get_user's reading of it would
    request._cached_user = signed.user(found.account)  # type: ignore[attr-defined]
    language.prime(request, found.user_id, found.account.language)
    return True
