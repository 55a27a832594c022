"""The web app manifest, the service worker (served from / for its scope) and the offline page."""

from __future__ import annotations

import json

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static

MANIFEST = {
    "name": "Acupressure for back pain",
    "short_name": "Acupressure",
    "start_url": "/",
    "scope": "/",
    "display": "standalone",
    "background_color": "#ffffff",
    "theme_color": "#1d5c4d",
    "description": "Point atlas, safe routines, guided sessions and a pain diary.",
}


def manifest(request: HttpRequest) -> HttpResponse:
    data = {
        **MANIFEST,
        "icons": [{"src": static("web/icon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    return HttpResponse(json.dumps(data), content_type="application/manifest+json")


def service_worker(request: HttpRequest) -> HttpResponse:
    path = finders.find("web/sw.js")
    assert isinstance(path, str)
    with open(path, encoding="utf-8") as handle:  # noqa: PTH123
        body = handle.read()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "web/offline.html")
