"""WSGI entry point (waitress in `acupressure serve`, or any WSGI server behind a proxy)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acupressure.web.settings")
application = get_wsgi_application()
