"""Django's signed-in floor in one statement (web/primed.py): a primed request is the same as
Django's own (the user with every column, the session's data, the language) for a client, a
practitioner and a superuser, and nothing is primed where Django's chain would not find the
same person signed in. Every page is asked twice where it can be: through the project's
middleware, and through the same list without PrimedSignInMiddleware (Django's own)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.contrib.sessions.middleware import SessionMiddleware
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from tests.web import primed_urls
from tests.web.primed_urls import SEEN, Seen

from acupressure.records.language.models import LanguagePreference
from acupressure.records.models import PractitionerProfile
from acupressure.records.practice import add_practitioner
from acupressure.records.signin import issue_token
from acupressure.web import primed, signed

pytestmark = pytest.mark.django_db
PRIMED = "acupressure.web.primed.PrimedSignInMiddleware"


@pytest.fixture(autouse=True)
def _probe(settings: object) -> Iterator[None]:
    settings.ROOT_URLCONF = "tests.web.primed_urls"  # type: ignore[attr-defined]
    SEEN.clear()
    yield
    SEEN.clear()


def _signed_in(person: User, backend: str | None = None) -> Client:
    client = Client()
    client.force_login(person, backend=backend)
    return client


def _ask(client: Client, path: str, chain: str) -> HttpResponse:
    """A GET through the project's middleware (``primed``) or through the same list without
    the primed middleware (``django``), with the client's cookies."""
    if chain == "primed":
        return client.get(path)
    asker = Client()  # a new handler, built from the middleware list below
    asker.cookies = client.cookies
    with pytest.MonkeyPatch.context() as patch:
        middleware = [m for m in django_settings.MIDDLEWARE if m != PRIMED]
        patch.setattr(django_settings, "MIDDLEWARE", middleware)
        answer: HttpResponse = asker.get(path)
    return answer


def _probe_as(client: Client, path: str = "/probe/", chain: str = "primed") -> Seen:
    """What the probe saw of a request through either chain."""
    assert _ask(client, path, chain).status_code == 200
    return SEEN[-1]


def _primes(client: Client, path: str = "/probe/") -> bool:
    """Whether the middleware primes a request with this client's cookies (the request is
    only read: nothing changes, whatever the answer)."""
    request = RequestFactory().get(path)
    request.COOKIES.update({k: v.value for k, v in client.cookies.items()})
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    return primed.prime(request)


def _people() -> dict[str, User]:
    client = User.objects.create_user("olivia", "olivia@example.org", "pass 4711 olivia")
    LanguagePreference.objects.create(user=client, language="es")
    practitioner = add_practitioner("ana@example.org", "Dr Ana Silva")
    root = User.objects.create_superuser("root", "root@example.org", None)
    return {"client": client, "practitioner": practitioner, "superuser": root}


@pytest.mark.parametrize("who", ["client", "practitioner", "superuser"])
def test_a_primed_request_is_djangos_own(who: str) -> None:
    person = _people()[who]
    User.objects.filter(pk=person.pk).update(last_login=timezone.now() - timedelta(days=3))
    client = _signed_in(person)
    assert _primes(client)
    django_seen = _probe_as(client, chain="django")
    primed_seen = _probe_as(client)
    assert primed_seen == django_seen
    assert repr(primed_seen.user) == repr(django_seen.user)  # the times' zones too
    assert primed_seen.user[:2] == ("User", True)
    columns = dict(primed_seen.user[3])
    assert columns["id"] == person.pk and columns["username"] == person.username
    assert columns["is_superuser"] is (who == "superuser") is columns["is_staff"]
    assert columns["last_login"] is not None and columns["date_joined"] is not None
    assert primed_seen.language == ("es" if who == "client" else "en")
    profile = primed_seen.user[4]  # the practitioner profile, or its absence, kept on it
    assert (profile is not None) is (who == "practitioner")
    assert profile is None or (dict(profile[0])["name"] == "Dr Ana Silva" and profile[1])


def test_the_headers_and_the_admin_are_djangos_own() -> None:
    people = _people()
    for person in people.values():
        client = _signed_in(person)
        answers = []
        for chain in ("django", "primed"):
            client.cookies.pop(django_settings.LANGUAGE_COOKIE_NAME, None)
            answer = _ask(client, "/about/", chain)
            cookie = answer.cookies.get(django_settings.LANGUAGE_COOKIE_NAME)
            answers.append((answer["Vary"], answer["Content-Language"], cookie and cookie.value))
        assert answers[0] == answers[1], person.username
    root = _signed_in(people["superuser"])
    assert root.get("/admin/").status_code == 200
    assert _signed_in(people["client"]).get("/admin/").status_code == 302


def test_the_floor_is_one_statement_where_it_was_four() -> None:
    client = _signed_in(_people()["client"])
    with CaptureQueriesContext(connection) as first:
        _probe_as(client)
    assert len(first.captured_queries) == 2  # the worker learns the session's account
    with CaptureQueriesContext(connection) as django_seen:
        _probe_as(client, chain="django")
    with CaptureQueriesContext(connection) as primed_seen:
        _probe_as(client)
    assert len(django_seen.captured_queries) == 4  # the session, the user, the language
    # and the practitioner profile
    assert len(primed_seen.captured_queries) == 1
    assert "django_session" in primed_seen.captured_queries[0]["sql"]
    with CaptureQueriesContext(connection) as frame:
        assert not _primes(client, "/api/locate/landmarks")  # the camera's frames: no database
    assert frame.captured_queries == []


def _expire(person: User, client: Client) -> None:
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))


def _flush(person: User, client: Client) -> None:
    Session.objects.filter(pk=client.cookies[django_settings.SESSION_COOKIE_NAME].value).delete()


def _new_password(person: User, client: Client) -> None:
    person.set_password("a new password 4711")
    person.save()


def _deactivate(person: User, client: Client) -> None:
    User.objects.filter(pk=person.pk).update(is_active=False)


def _delete(person: User, client: Client) -> None:
    User.objects.filter(pk=person.pk).delete()


def _tamper(person: User, client: Client) -> None:
    row = Session.objects.get(pk=client.cookies[django_settings.SESSION_COOKIE_NAME].value)
    data = row.session_data
    row.session_data = data[:-3] + ("A" if data[-3] != "A" else "B") + data[-2:]
    row.save()


@pytest.mark.parametrize(
    "change",
    [_expire, _flush, _new_password, _deactivate, _delete, _tamper],
    ids=lambda f: f.__name__,
)
def test_nothing_is_primed_where_django_would_not_sign_in(change: object) -> None:
    person = _people()["practitioner"]
    client = _signed_in(person)
    assert _probe_as(client).user[1]  # signed in; the worker knows the session's account
    change(person, client)  # type: ignore[operator]
    assert not _primes(client)
    assert _probe_as(client).user[:2] == ("AnonymousUser", False)  # Django's own answer
    assert client.get("/clients/").status_code == 302  # to the sign-in page


def test_another_persons_session_with_a_stale_hint_is_never_trusted() -> None:
    people = _people()
    olivia, ana = _signed_in(people["client"]), _signed_in(people["practitioner"])
    olivia_key = olivia.cookies[django_settings.SESSION_COOKIE_NAME].value
    ana_key = ana.cookies[django_settings.SESSION_COOKIE_NAME].value
    signed._hints[olivia_key] = people["practitioner"].pk  # as if the keys were swapped
    signed._hints[ana_key] = people["client"].pk
    for _ in range(3):  # the two sessions used alternately in one process
        for client, person in ((olivia, people["client"]), (ana, people["practitioner"])):
            seen = _probe_as(client)
            assert dict(seen.user[3])["id"] == person.pk
            assert seen == _probe_as(client, chain="django")
    assert client.get("/clients/").status_code == 200
    assert olivia.get("/clients/").status_code != 200  # a client is no practitioner


def test_other_backends_and_fallback_keys_are_left_to_django(settings: object) -> None:
    person = _people()["client"]
    other = "tests.web.primed_urls.OtherBackend"
    settings.AUTHENTICATION_BACKENDS = [*django_settings.AUTHENTICATION_BACKENDS, other]  # type: ignore[attr-defined]
    client = _signed_in(person, backend=other)
    assert not _primes(client)
    assert _probe_as(client) == _probe_as(client, chain="django")
    assert SEEN[-1].user[1]  # Django signs them in through that backend
    old_key = django_settings.SECRET_KEY
    client = _signed_in(person)
    settings.SECRET_KEY = "a new secret key for this test, long enough 4711"  # type: ignore[attr-defined]
    settings.SECRET_KEY_FALLBACKS = [old_key]  # type: ignore[attr-defined]
    before = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert not _primes(client)
    seen = _probe_as(client)
    assert seen.user[1] and seen.session_key != before  # Django cycled the session's key
    assert _primes(client)  # its new hash is made with the current key


def test_signed_cookie_sessions_are_left_to_django(settings: object) -> None:
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"  # type: ignore[attr-defined]
    client = _signed_in(_people()["client"])
    assert not _primes(client)
    assert _probe_as(client).user[1]


def test_a_session_changed_after_priming_is_saved(settings: object) -> None:
    settings.MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"  # type: ignore[attr-defined]
    people = _people()
    client = _signed_in(people["client"])
    _probe_as(client, "/probe/?set")
    assert _probe_as(client, "/probe/?change").session["probe"] == {"n": [1]}
    assert _probe_as(client).session["probe"] == {"n": [1]}  # the change was never saved
    _probe_as(client, "/probe/?message")
    assert "_messages" in _probe_as(client).session  # read from the primed session
    assert SEEN[-1].messages == ("a message for the next page",)
    assert _probe_as(client).messages == ()
    assert "_messages" not in SEEN[-1].session
    switched = client.post("/language/", {"language": "zh-hans", "next": "/probe/"})
    assert switched.status_code == 302
    assert _probe_as(client).language == "zh-hans" == _probe_as(client, chain="django").language
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert client.post("/signout/").status_code == 302
    assert not Session.objects.filter(pk=key).exists()
    assert _probe_as(client).user[:2] == ("AnonymousUser", False)
    assert primed_urls.SEEN is SEEN


def test_a_profile_removed_after_sign_in_is_gone_on_the_next_page() -> None:
    person = _people()["practitioner"]
    client = _signed_in(person)
    assert _probe_as(client).user[4] is not None
    assert client.get("/clients/").status_code == 200
    PractitionerProfile.objects.filter(user=person).delete()
    assert _probe_as(client).user[4] is None
    assert SEEN[-1] == _probe_as(client, chain="django")
    assert client.get("/clients/").status_code != 200  # no longer a practitioner


def test_a_sign_in_link_of_another_person_in_a_primed_browser_signs_in_only_them() -> None:
    people = _people()
    browser = _signed_in(people["practitioner"])
    old_key = browser.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert _probe_as(browser).user[1]  # primed as the practitioner
    token = issue_token(people["client"])
    assert browser.post(f"/signin/link/{token}/").status_code == 302
    seen = _probe_as(browser)
    assert dict(seen.user[3])["id"] == people["client"].pk and seen.user[4] is None
    assert seen == _probe_as(browser, chain="django")
    assert not Session.objects.filter(pk=old_key).exists()  # the practitioner's is flushed
    assert browser.get("/clients/").status_code != 200


def test_an_early_answer_going_on_to_the_chain_leaves_its_reading_to_it() -> None:
    client = _signed_in(_people()["client"])
    client.get("/about/")  # the worker learns the session's account
    with CaptureQueriesContext(connection) as seen:
        made = client.get("/diary/")  # not kept yet: OwnPageMiddleware reads, the view makes it
    assert made.status_code == 200 and hasattr(made.wsgi_request, "session")
    sessions = [q for q in seen.captured_queries if "django_session" in q["sql"]]
    assert len(sessions) == 1  # one reading for the early answer and the chain
    assert client.get("/probe/").status_code == 200
    assert SEEN[-1] == _probe_as(client, chain="django")
