"""Django settings of the web app, read from the environment (see docs/deployment.md for every
variable): the records' settings (acupressure.records.settings: database, secret key,
languages, passwords, email, reminders) and HTTP around them."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources
from pathlib import Path

from acupressure.records.env import env_bool, env_int, env_list, env_optional
from acupressure.records.settings import *  # noqa: F403 - the records' settings, then the web's
from acupressure.records.settings import DEBUG, RECORDS_APPS, TEMPLATES
from acupressure.web.proxy import proxy_trust

ALLOWED_HOSTS = env_list("ACUPRESSURE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("ACUPRESSURE_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    *RECORDS_APPS,
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "acupressure.web.apps.WebConfig",
    "acupressure.web.camera.apps.CameraConfig",
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
    "acupressure.web.quick_checkin.CheckInMiddleware",  # the check-in's plain success
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # the session, the account, its stored language and profile in one statement (web/primed.py)
    "acupressure.web.primed.PrimedSignInMiddleware",
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
        **TEMPLATES[0],
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

# The language: the browser's (Accept-Language), the switcher's cookie, or a signed-in
# person's stored choice (records/language); the languages are the records' settings.
LANGUAGE_COOKIE_NAME = "acupressure_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

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
