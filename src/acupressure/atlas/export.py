"""The atlas as plain JSON-ready data: the shape `acupressure point --json` and the API share."""

from __future__ import annotations

from typing import Any

from acupressure import atlas
from acupressure.atlas.models import Point
from acupressure.body.chart_data import chart_data


def point_summary(point: Point) -> dict[str, Any]:
    return {
        "code": point.code,
        "names": point.names.model_dump(),
        "region": point.region,
        "laterality": point.laterality,
        "aliases": list(point.aliases),
        "article_label": point.article.label,
        "performer": point.technique.performer,
        "pregnancy": point.pregnancy.policy,
    }


def point_detail(point: Point, match: atlas.Match | None = None) -> dict[str, Any]:
    data = point.model_dump(mode="json")
    cited = atlas.sources()
    data["citations"] = {sid: cited[sid].citation for sid in sorted(point.cited_sources())}
    data["chart"] = chart_data(point)  # where it lies on the canonical figure (mm)
    if match is not None:
        data["query"] = {
            "text": match.query,
            "errata": [erratum.note for erratum in match.errata],
        }
    return data
