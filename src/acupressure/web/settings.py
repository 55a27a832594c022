"""Django settings, read from the environment (see docs/deployment.md for every variable)."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from acupressure import i18n
from acupressure.exports.links import PublicUrlError, public_url
from acupressure.i18n import catalog as i18n_catalog
from acupressure.web.env import env_bool, env_int, env_list, env_optional
from acupressure.web.paths import data_dir, private_database, secret_key_file
from acupressure.web.proxy import proxy_trust
from acupressure.web.reminders.mailconf import mail_settings

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

DEBUG = env_bool("ACUPRESSURE_DEBUG", False)
SECRET_KEY = env_optional("ACUPRESSURE_SECRET_KEY") or secret_key_file(DATA_DIR)
ALLOWED_HOSTS = env_list("ACUPRESSURE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("ACUPRESSURE_CSRF_TRUSTED_ORIGINS", [])
try:  # where links and QR codes point (web/links.py); unset: the request's own host
    PUBLIC_URL = public_url()
except PublicUrlError as exc:
    raise ImproperlyConfigured(str(exc)) from None

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "acupressure.web.apps.WebConfig",
    "acupressure.web.camera.apps.CameraConfig",
    "acupressure.web.language.apps.LanguageConfig",
    "django_tasks",
    "django_tasks_db",
    "acupressure.web.reminders.apps.RemindersConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "acupressure.web.security.SecurityHeadersMiddleware",  # before whitenoise: static too
    "acupressure.web.edge.NoNulMiddleware",  # no NUL character anywhere in a request
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and JSON compressed when the browser asks; Django's GZipMiddleware pads each
    # response at random against BREACH (pages carry CSRF tokens). Static files come
    # pre-compressed from whitenoise and are left alone.
    "django.middleware.gzip.GZipMiddleware",
    "acupressure.web.pagecache.PublicPageMiddleware",  # cached public pages, no cookies
    "acupressure.web.personal.OwnPageMiddleware",  # one's own cached pages (two statements)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "acupressure.web.language.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "acupressure.web.security.PrivateResponsesMiddleware",
    "acupressure.web.errors.PlainErrorsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "acupressure.web.urls"
WSGI_APPLICATION = "acupressure.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "acupressure.web.language.context.language",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    url = env_optional("DATABASE_URL")
    if url:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
        return config
    path = DATA_DIR / "acupressure.sqlite3"
    private_database(path)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # kept open between requests, as PostgreSQL's are: opening one (and its PRAGMAs) on
        # every signed-in request cost more than the rest of a cached page's answer
        "CONN_MAX_AGE": 60,
        "OPTIONS": {
            "timeout": env_int("ACUPRESSURE_SQLITE_TIMEOUT", 20, minimum=1),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id, at most this many hashes at once (each takes ~100 MiB): acupressure.web.hashers.
PASSWORD_HASHES_AT_ONCE = env_int("ACUPRESSURE_PASSWORD_HASHES_AT_ONCE", 2, minimum=1)
PASSWORD_HASHERS = [
    "acupressure.web.hashers.BoundedArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # django-axes: failed sign-ins are counted first
    "django.contrib.auth.backends.ModelBackend",
]
# Password sign-in and /admin/login/: after AXES_FAILURE_LIMIT failures for one account (from
# anywhere) or from one client address (on any account), further attempts are refused (429)
# for the cool-off time. Counted in the database, so every server process shares the count.
AXES_FAILURE_LIMIT = env_int("ACUPRESSURE_SIGNIN_FAILURES", 10, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ACUPRESSURE_SIGNIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "acupressure.web.ratelimit.axes_client_ip"
AXES_USERNAME_CALLABLE = "acupressure.web.ratelimit.axes_username"
AXES_LOCKOUT_TEMPLATE = "web/signin_locked.html"
AXES_VERBOSE = False
LOGIN_URL = "/signin/"
LOGIN_REDIRECT_URL = "/"

# Languages (acupressure.i18n): the browser's (Accept-Language), the switcher's cookie, or a
# signed-in person's stored choice (web/language). One catalog with the core's strings.
LANGUAGE_CODE = "en"
LANGUAGES = [(code.lower(), name) for code, name in i18n.NAMES.items()]
LOCALE_PATHS = [i18n_catalog.locale_path()]
LANGUAGE_COOKIE_NAME = "acupressure_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# `acupressure serve` builds the static files once per release (`acupressure.web.staticbuild`:
# names with a content hash, brotli and gzip copies) and names that folder here; whitenoise
# then serves them pre-compressed, hashed names cached for a year. Without it (tests, a bare
# WSGI start) whitenoise serves them straight from the package. ACUPRESSURE_STATIC_ROOT is
# where `collectstatic` puts them for a reverse proxy that serves them itself.
_static_root = env_optional("ACUPRESSURE_STATIC_ROOT")
STATIC_ROOT = Path(_static_root) if _static_root else None
# The Chinese font subset the charts use (charts/fonts), served to pages at /static/fonts/.
STATICFILES_DIRS = [("fonts", str(Path(str(resources.files("acupressure.charts"))) / "fonts"))]
_compiled = env_optional("ACUPRESSURE_COMPILED_STATIC")
if _compiled:
    STATIC_ROOT = Path(_compiled)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _compiled
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _compiled
WHITENOISE_AUTOREFRESH = DEBUG
# MediaPipe's models and wasm (32 MB, only for the live camera page) are not compressed:
# it would take most of a minute at every release for a page few people open.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("woff", "woff2", "mp4", "webm", "tflite", "data", "wasm", "binarypb"),
]

# Cookies: HttpOnly and SameSite always; Secure when the request came over https
# (SecurityHeadersMiddleware marks them) or always with ACUPRESSURE_HTTPS=1.
HTTPS = env_bool("ACUPRESSURE_HTTPS", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_AGE = env_int("ACUPRESSURE_SESSION_DAYS", 30, minimum=1) * 86400
# Behind a reverse proxy: whom the WSGI server trusts for X-Forwarded-* (acupressure.web.proxy).
PROXY = proxy_trust()
if PROXY.behind_proxy:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS and env_bool("ACUPRESSURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("ACUPRESSURE_HSTS_SECONDS", 0, minimum=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The camera (docs/deployment.md): photos analysed at once, and per-client rate limits.
CAMERA_ANALYSES_AT_ONCE = env_int("ACUPRESSURE_CAMERA_AT_ONCE", 2, minimum=1)
CAMERA_UPLOADS_PER_MINUTE = env_int("ACUPRESSURE_CAMERA_PER_MINUTE", 12, minimum=1)
CAMERA_LANDMARKS_PER_MINUTE = env_int("ACUPRESSURE_LANDMARKS_PER_MINUTE", 1200, minimum=1)

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
# Creation limits per person (acupressure.web.creation): new rows per sliding window, then 429.
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
