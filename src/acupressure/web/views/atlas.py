"""The public atlas: `/points/` and `/points/<CODE>/` (aliases redirect to the standard code)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from pydantic import BaseModel, ConfigDict

from acupressure import atlas, i18n
from acupressure.atlas.aliases import standard_code
from acupressure.atlas.labels import LATERALITY, PERFORMER, PREGNANCY, PRESSURE, REGIONS, dose_text
from acupressure.web.charts import chart_for, chart_svg_text
from acupressure.web.pagecache import cached_page


def points(request: HttpRequest) -> HttpResponse:
    def context() -> dict[str, object]:
        groups = [
            (title, [_row(p) for p in atlas.points_in(region)]) for region, title in REGIONS.items()
        ]
        return {"groups": groups}

    return cached_page(request, "web/points.html", context)


class PointRow(BaseModel):
    """One row of the atlas page: the point record and its coded values in words."""

    model_config = ConfigDict(frozen=True)

    point: atlas.Point
    performer: str
    pregnancy: str


def _row(p: atlas.Point) -> PointRow:
    return PointRow(
        point=p, performer=PERFORMER[p.technique.performer], pregnancy=PREGNANCY[p.pregnancy.policy]
    )


def not_found(request: HttpRequest, code: str, message: str) -> HttpResponse:
    return render(
        request,
        "web/point_not_found.html",
        {"code": code, "message": message, "points": atlas.all_points()},
        status=404,
    )


def point(request: HttpRequest, code: str) -> HttpResponse:
    try:
        match = atlas.resolve(code)
    except (ValueError, atlas.PointNotFoundError) as exc:
        return not_found(request, code, str(exc))
    found = match.point
    if code != found.code:
        url = reverse("point", args=[found.code]) + "?" + urlencode({"from": code})
        return redirect(url)
    label = request.GET.get("from", "")[:40]

    def context() -> dict[str, object]:
        cited = atlas.sources()
        t = found.technique
        return {
            "point": found,
            "label": label,
            "errata": found.errata,
            "chart": chart_for([found.code]),
            "performer": PERFORMER[found.technique.performer],
            "pregnancy": PREGNANCY[found.pregnancy.policy],
            "pressure": PRESSURE[found.technique.pressure],
            "laterality": LATERALITY[found.laterality],
            # other languages list the old codes only: the rest are English names
            "aliases": [a for a in found.aliases if i18n.current() == "en" or standard_code(a)],
            "dose": dose_text(
                t.hold_seconds, t.repetitions, t.rest_seconds, t.hold_seconds_max, t.repetitions_max
            ),
            "sources": [cited[sid] for sid in sorted(found.cited_sources())],
        }

    return cached_page(request, "web/point.html", context)


def point_chart(request: HttpRequest, code: str) -> HttpResponse:
    """The point's chart as an SVG image (the player shows it when the point's step comes)."""
    try:
        found = atlas.resolve(code).point
    except (ValueError, atlas.PointNotFoundError) as exc:
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    if code != found.code:
        return redirect(reverse("point-chart", args=[found.code]))
    response = HttpResponse(chart_svg_text([found.code]), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    # worded in the page's language: the browser's, or the switcher's cookie
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
