"""Django settings for the records alone, read from the environment (docs/deployment.md).

What the terminal (`acupressure program ...`, `practitioner add`, `worker`) needs to read and
change people's records and send their reminders: the database, the secret key, languages,
passwords, email and the reminders' settings. The web app's settings
(``acupressure.web.settings``) start from these and add HTTP: middleware, sessions, static
files, the admin. Both read the same data folder, so they share one database.
"""

from __future__ import annotations

from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from acupressure import i18n
from acupressure.exports.links import PublicUrlError, public_url
from acupressure.i18n import catalog as i18n_catalog
from acupressure.records.env import env_bool, env_int, env_list, env_optional
from acupressure.records.paths import data_dir, private_database, secret_key_file
from acupressure.records.reminders.mailconf import mail_settings

DATA_DIR = data_dir()

DEBUG = env_bool("ACUPRESSURE_DEBUG", False)
SECRET_KEY = env_optional("ACUPRESSURE_SECRET_KEY") or secret_key_file(DATA_DIR)
try:  # where links and QR codes point (web/links.py); unset: the request's own host
    PUBLIC_URL = public_url()
except PublicUrlError as exc:
    raise ImproperlyConfigured(str(exc)) from None

# The records' apps (acupressure.web.settings puts the web's around them).
RECORDS_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "acupressure.records.apps.RecordsConfig",
    "acupressure.records.language.apps.LanguageConfig",
    "django_tasks",
    "django_tasks_db",
    "acupressure.records.reminders.apps.RemindersConfig",
]
INSTALLED_APPS = RECORDS_APPS

# The emails' templates (records/reminders/templates).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {},
    },
]


def _database() -> dict[str, Any]:
    url = env_optional("DATABASE_URL")
    if url:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
        if env_bool("ACUPRESSURE_PG_PREPARED", True):  # the hot statements: records/prepared.py
            # (psycopg prepares a statement bound on the server the first time it runs;
            # Django's own cursors bind in the client and never prepare)
            config.setdefault("OPTIONS", {})["prepare_threshold"] = 0
        return config
    path = DATA_DIR / "acupressure.sqlite3"
    private_database(path)
    return {
        "ENGINE": "acupressure.records.sqlite",  # Django's, writers queued: records/sqlite
        "NAME": str(path),
        # kept open between requests, as PostgreSQL's are: opening one (and its PRAGMAs) on
        # every signed-in request cost more than the rest of a cached page's answer
        "CONN_MAX_AGE": 60,
        # the tests' database in memory, as Django makes it for its own SQLite engine
        # (pytest-django names another engine's test database after the file otherwise)
        "TEST": {"NAME": ":memory:"},
        "OPTIONS": {
            "timeout": env_int("ACUPRESSURE_SQLITE_TIMEOUT", 20, minimum=1),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id, at most this many hashes at once (each takes ~100 MiB): acupressure.records.hashers.
PASSWORD_HASHES_AT_ONCE = env_int("ACUPRESSURE_PASSWORD_HASHES_AT_ONCE", 2, minimum=1)
PASSWORD_HASHERS = [
    "acupressure.records.hashers.BoundedArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Languages (acupressure.i18n): one catalog with the core's strings, shared with templates.
LANGUAGE_CODE = "en"
LANGUAGES = [(code.lower(), name) for code, name in i18n.NAMES.items()]
LOCALE_PATHS = [i18n_catalog.locale_path()]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Reminders (docs/reminders.md): tasks in the database (django-tasks-db), run by
# `acupressure worker` (and by `serve`); email through SMTP when ACUPRESSURE_SMTP_URL is set.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL = mail_settings()
EMAIL_ENABLED = MAIL is not None
if MAIL is not None:
    globals().update(MAIL.django_settings())
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"  # nothing is sent
# Web Push: the push services the server posts to (host suffixes over https, or origins).
PUSH_SERVICES = env_list(
    "ACUPRESSURE_PUSH_SERVICES",
    ["fcm.googleapis.com", "push.services.mozilla.com", "notify.windows.com", "push.apple.com"],
)
# A reminder claimed this long ago by a worker that never finished is sent again.
REMINDER_LEASE_SECONDS = env_int("ACUPRESSURE_REMINDER_LEASE", 120, minimum=1)
# Anyone may make an account by email (a clinic may turn it on; off by default).
OPEN_SIGNUP = env_bool("ACUPRESSURE_OPEN_SIGNUP", False)
# Creation limits per person (acupressure.records.creation): new rows per window, then 429.
CREATION_WINDOW_SECONDS = 60 * env_int("ACUPRESSURE_LIMIT_WINDOW_MINUTES", 60, minimum=1)
CREATION_LIMITS = {
    "sessions": env_int("ACUPRESSURE_SESSIONS_PER_WINDOW", 60, minimum=1),
    "check-ins": env_int("ACUPRESSURE_CHECK_INS_PER_WINDOW", 30, minimum=1),
    "programs": env_int("ACUPRESSURE_PROGRAMS_PER_WINDOW", 10, minimum=1),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
