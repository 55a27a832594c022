"""WSGI entry point: gunicorn in `acupressure serve` (waitress without fork), or any WSGI
server behind a proxy.

``application`` believes X-Forwarded-* only from the trusted proxy (``web.proxy``): the
client's address, host and port come from it as waitress would take them. Waitress does that
itself, so it serves ``django_application``.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from acupressure.web.proxy import ForwardedApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")
django_application = get_wsgi_application()

application = ForwardedApp(django_application, settings.PROXY)
