"""The home page with the body map, and the about page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from acupressure import atlas, safety
from acupressure.i18n import gettext, review_mark
from acupressure.web import bodymap
from acupressure.web.pagecache import cached_page

EVIDENCE_SOURCES = [
    "furlan-2015",
    "hsieh-2006",
    "murphy-2019",
    "li-2021",
    "nice-ng59",
    "acp-aps-2007",
    "matsubara-2011",
]
CLINICIAN_SOURCES = [
    "nice-cks-back",
    "nice-cks-neck",
    "verhagen-2016",
    "finucane-2020",
    "nice-cg95",
    "esc-2014-aorta",
    "nice-ng156",
    "nice-ng201",
    "nice-ng126",
    "rcog-gtg63",
]


def home(request: HttpRequest) -> HttpResponse:
    """The body map. Without JavaScript a region is a link to this page with that area
    toggled in ``?area=``; home.js turns the regions into toggle buttons."""
    if request.user.is_authenticated and not request.GET.getlist("area"):
        from acupressure.web.views.program import current_today

        found = current_today(request)
        if found is not None:
            return found
    return cached_page(request, "web/home.html", lambda: _home_context(request))


def _home_context(request: HttpRequest) -> dict[str, object]:
    areas = bodymap.areas()
    known = [a.value for a in areas]
    chosen = [v for v in known if v in request.GET.getlist("area")]
    regions = []
    for area in areas:
        toggled = [v for v in known if (v in chosen) != (v == area.value)]
        regions.append({
            "value": area.value,
            "label": gettext(area.label),  # the English label, read in the page's language
            "chosen": area.value in chosen,
            "href": "/?" + urlencode([("area", v) for v in toggled]) + "#bodymap",
            "path": bodymap.area_path(area),
            "tick": bodymap.tick_path(area),
            "words": mark_safe(bodymap.labels_svg(area)),  # noqa: S308 - escaped, our own words
        })  # fmt: skip
    width, height = bodymap.view_box()
    return {
        "regions": regions,
        "figure": mark_safe(bodymap.figure_markup()),  # noqa: S308 - drawn from our own data
        "view_box": f"0 0 {width:g} {height:g}",
        "no_area": request.GET.get("error") == "area",
    }


def about(request: HttpRequest) -> HttpResponse:
    def context() -> dict[str, object]:
        cited = atlas.sources()
        ids = [*EVIDENCE_SOURCES, *CLINICIAN_SOURCES]
        return {
            "sources": [cited[i] for i in ids if i in cited],
            "red_flags_mark": review_mark(safety.reviewer("red_flags")),
        }

    return cached_page(request, "web/about.html", context)
