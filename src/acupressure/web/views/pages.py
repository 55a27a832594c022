"""The home page with the body map, and the about page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from acupressure import atlas

REGIONS = [
    {"value": "neck", "label": "Neck", "path": "M88 52 h24 v16 h-24 z"},
    {"value": "shoulders", "label": "Shoulders", "path": "M40 68 h120 v16 h-120 z"},
    {"value": "upper-back", "label": "Upper back", "path": "M66 86 h68 v50 h-68 z"},
    {"value": "lower-back", "label": "Lower back", "path": "M66 138 h68 v52 h-68 z"},
]

EVIDENCE_SOURCES = ["hsieh-2006", "murphy-2019", "li-2021", "nice-ng59", "acp-aps-2007"]
CLINICIAN_SOURCES = ["nice-cks-back", "nice-cks-neck", "verhagen-2016", "finucane-2020"]


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"regions": REGIONS})


def about(request: HttpRequest) -> HttpResponse:
    cited = atlas.sources()
    ids = [*EVIDENCE_SOURCES, *CLINICIAN_SOURCES]
    return render(request, "web/about.html", {"sources": [cited[i] for i in ids if i in cited]})
