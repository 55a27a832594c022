"""Who is signed in, read the way Django's session and authentication middleware would find
them, in one statement (two the first time a worker sees a session): for the answers given
before those middleware run (web/personal.py: one's own cached pages; web/quick_checkin.py:
the check-in), and to prime those middleware on every other signed-in page (web/primed.py).

Django reads the session row, decodes it, then reads the account and checks the session's
hash against it. Here the session row and the account (every column of its row, with the
stored language, the records version and the practitioner profile) come back together,
joined on the account id this worker last found in that session: a hint only, never
trusted. The session's own data still names the account and must name that one, or the
reading starts again in two statements (the session, then the account it names). A decoded
session is kept per process by its exact stored text and the secret keys (signed with the
key: the same text decodes the same way), and shared read-only: only a reading handed to
Django's session (web/primed.py, :meth:`Verified.own_session`) gets its own deep copy.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any
from weakref import WeakKeyDictionary

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.crypto import constant_time_compare

from acupressure import i18n
from acupressure.records import prepared
from acupressure.records.language.models import LanguagePreference
from acupressure.records.models import PractitionerProfile, RecordsVersion
from acupressure.web.language.middleware import core_language
from acupressure.web.security import PRIVATE

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
DB_SESSIONS = "django.contrib.sessions.backends.db"
_LEFT = "_acupressure_signed_reading"  # on the request: an early answer's reading
HINTS = 20_000  # sessions whose account a worker remembers (then it forgets them all)
_hints: dict[str, int] = {}


@dataclass(frozen=True)
class Account:
    """The account's row with its stored language and records version."""

    password: str
    active: bool
    language: str | None
    version: str  # the records version, and when the account was made (ids of accounts
    # deleted in a rolled-back transaction come back; their made time does not)
    columns: tuple[Any, ...] = field(repr=False, compare=False)  # the user row, as read
    profile: tuple[Any, ...] | None = field(repr=False, compare=False)  # its practitioner
    # profile's row, as read; None without one


@dataclass(frozen=True)
class Verified:
    """A session Django would find signed in: its data (read-only, shared by every reading
    of the same stored text), the account it names and that account's row."""

    session: Mapping[str, Any]
    user_id: int
    account: Account

    def own_session(self) -> dict[str, Any]:
        """The session's data as a copy of its own: Django may change its values in place,
        then save it."""
        return copy.deepcopy(dict(self.session))


@dataclass(frozen=True)
class Signed:
    """What a signed-in request's early answer depends on."""

    user_id: int
    language: i18n.Language
    version: str
    practitioner: bool  # has a practitioner profile (pagecache.signed_in_role)


def verified(request: HttpRequest, leave: bool = False) -> Verified | None:
    """The session and its account when Django's session and authentication middleware
    would find this request signed in through the model backend with the current secret
    key; else None (Django's own chain decides). An early answer (``leave``) that goes on
    down the chain leaves its reading to the priming (web/primed.py), which takes it once."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    left: tuple[str, Verified | None] | None = getattr(request, _LEFT, None)
    if left is not None and left[0] == key:
        delattr(request, _LEFT)  # once: the chain may change the session it primes
        return left[1]
    found = _verified(key)
    if leave:
        setattr(request, _LEFT, (key, found))
    return found


def _verified(key: str) -> Verified | None:
    if settings.SESSION_ENGINE != DB_SESSIONS or not 8 <= len(key) <= 40:
        return None
    if settings.AUTH_USER_MODEL != "auth.User":
        return None
    if MODEL_BACKEND not in settings.AUTHENTICATION_BACKENDS:
        return None
    found = _read(key)
    if found is None:
        return None
    session, user_id, account = found
    if account is None or not account.active:
        return None
    hashed = _session_hash(account.password, settings.SECRET_KEY)
    if not constant_time_compare(str(session.get(HASH_SESSION_KEY, "")), hashed):
        return None  # Django flushes it, or cycles it when a fallback key verifies it
    return Verified(session, user_id, account)


@lru_cache(maxsize=4096)
def _session_hash(password: str, _secret: str) -> str:
    """The session hash Django's get_user checks (made from the password and the secret key
    alone), worked out once per password and key: making a User for it took a tenth of an
    early answer."""
    return User(password=password).get_session_auth_hash()


def user(account: Account) -> User:
    """The account as Django's ModelBackend.get_user loads it (every column), with its
    practitioner profile, or its absence, kept on it as `user.practitioner` keeps what it
    reads (records/access.is_practitioner)."""
    found: User = _instance(User, account.columns)
    related = User.practitioner.related
    profile = None if account.profile is None else _instance(PractitionerProfile, account.profile)
    if profile is not None:
        related.field.set_cached_value(profile, found)
    related.set_cached_value(found, profile)
    return found


def _instance(model: Any, columns: tuple[Any, ...]) -> Any:
    """The model's instance from every column of its row, converted as the ORM converts them
    (SQLite's text dates, its 0 and 1)."""
    values = []
    for (column, converters), value in zip(_converters(model), columns, strict=True):
        for convert in converters:
            value = convert(value, column, connection)
        values.append(value)
    return model.from_db(connection.alias, None, values)


_CONVERTERS: WeakKeyDictionary[Any, dict[Any, list[tuple[Any, list[Any]]]]] = WeakKeyDictionary()


def _converters(model: Any) -> list[tuple[Any, list[Any]]]:
    """Each column's converters, as the ORM's compiler finds them, worked out once per
    connection (each thread has its own) and model."""
    kept = _CONVERTERS.setdefault(connection.ops, {})
    if model not in kept:
        table, found = model._meta.db_table, []
        for model_field in model._meta.concrete_fields:
            column = model_field.get_col(table)
            converters = connection.ops.get_db_converters(column)
            found.append((column, converters + column.get_db_converters(connection)))
        kept[model] = found
    return kept[model]


def signed_in(request: HttpRequest) -> Signed | None:
    """The signed-in person, their page's language and records version, when Django's
    session and authentication middleware would find them signed in and no message waits;
    else None."""
    found = verified(request, leave=True)
    if found is None or "_messages" in found.session:
        return None
    user_id, stored = found.user_id, found.account.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if stored and cookie != stored:
        return None  # the language middleware sets the cookie: its answer
    code = stored or translation.get_language_from_request(request)
    account = found.account
    return Signed(user_id, core_language(code), account.version, account.profile is not None)


def finish(
    request: HttpRequest, response: HttpResponse, who: Signed, csrf: CsrfViewMiddleware
) -> HttpResponse:
    """An early answer with the headers the skipped middleware would have set: length,
    frame options, language, private caching, the CSRF cookie and Vary (named in the order
    the chain names them: the CSRF middleware's, then the locale's and the session's)."""
    response["Content-Length"] = str(len(response.content))
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    response["Content-Language"] = who.language.lower()
    response["Cache-Control"] = PRIVATE
    csrf.process_response(request, response)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _read(key: str) -> tuple[Mapping[str, Any], int, Account | None] | None:
    """The session's data, the account it names and that account's row."""
    hint = _hints.get(key)
    if hint is not None:
        row = prepared.fetch_one(_SESSION_AND_ACCOUNT, [hint, key, _now()])
        if row is not None:
            session = _decoded(row[0])
            if _named(session) == hint:
                return session, hint, _account(row[1:])
    row = prepared.fetch_one(_SESSION, [key, _now()])
    if row is None:
        return None
    session = _decoded(row[0])
    user_id = _named(session)
    if user_id is None:
        return None
    if len(_hints) >= HINTS:
        _hints.clear()
    _hints[key] = user_id
    account = prepared.fetch_one(_ACCOUNT, [user_id])
    return session, user_id, _account(account) if account else None


def account(user_id: int) -> Account | None:
    """The account's row with its stored language and records version (one statement)."""
    row = prepared.fetch_one(_ACCOUNT, [user_id])
    return _account(row) if row else None


def _named(session: Mapping[str, Any]) -> int | None:
    """The account a session signed in through the model backend names, else None."""
    if session.get(BACKEND_SESSION_KEY) != MODEL_BACKEND:
        return None
    raw_id = str(session.get(SESSION_KEY, ""))
    if not raw_id.isdecimal() or len(raw_id) > 18:
        return None
    return int(raw_id)


@lru_cache(maxsize=4096)
def _decoded_once(data: str, _keys: tuple[str, ...]) -> Mapping[str, Any]:
    return MappingProxyType(SessionStore().decode(data))


def _decoded(data: str) -> Mapping[str, Any]:
    """The session's data, read-only (its values are shared: never change them). Kept per
    text and secret keys (other keys would not decode the text the same way)."""
    return _decoded_once(data, (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS))


def _account(row: tuple[Any, ...]) -> Account:
    count = len(_USER_FIELDS)
    columns = tuple(row[:count])
    language, number = row[count : count + 2]
    profile = tuple(row[count + 2 :])
    password, active = columns[_AT["password"]], bool(columns[_AT["is_active"]])
    version = f"{number or 0}/{columns[_AT['date_joined']]}"
    kept = profile if profile[0] is not None else None  # the LEFT JOIN found none
    return Account(password, active, language, version, columns, kept)


def _now() -> Any:
    return connection.ops.adapt_datetimefield_value(timezone.now())


def _tables() -> tuple[str, ...]:
    quote = connection.ops.quote_name
    models = (Session, User, LanguagePreference, RecordsVersion, PractitionerProfile)
    return tuple(quote(m._meta.db_table) for m in models)


_USER_FIELDS = tuple(User._meta.concrete_fields)  # in the order User.from_db takes them
_AT = {f.attname: i for i, f in enumerate(_USER_FIELDS)}
_session_table, _user, _chosen, _version, _profile = _tables()


def _columns(alias: str, model: Any) -> str:
    return ", ".join(
        f"{alias}.{connection.ops.quote_name(f.column)}" for f in model._meta.concrete_fields
    )


_COLUMNS = f"{_columns('u', User)}, c.language, v.number, {_columns('p', PractitionerProfile)}"
_JOINS = (
    f"LEFT JOIN {_chosen} c ON c.user_id = u.id LEFT JOIN {_version} v ON v.owner_id = u.id "
    f"LEFT JOIN {_profile} p ON p.user_id = u.id"
)
_LIVE = "s.session_key = %s AND s.expire_date > %s"
_ACCOUNT = f"SELECT {_COLUMNS} FROM {_user} u {_JOINS} WHERE u.id = %s"  # noqa: S608
_SESSION = f"SELECT s.session_data FROM {_session_table} s WHERE {_LIVE}"  # noqa: S608
_SESSION_AND_ACCOUNT = (
    f"SELECT s.session_data, {_COLUMNS} FROM {_session_table} s "  # noqa: S608
    f"JOIN {_user} u ON u.id = %s {_JOINS} WHERE {_LIVE}"
)
