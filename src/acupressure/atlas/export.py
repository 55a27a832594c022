"""The atlas's outward shapes: what `acupressure points/point --json` print and the API returns.

Typed models, so the CLI's JSON and the OpenAPI document come from the same definition.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from acupressure import atlas
from acupressure.atlas.models import Laterality, Names, Performer, Point, PregnancyPolicy, Region
from acupressure.body.chart_data import ChartData, chart_data


class PointSummary(BaseModel):
    """One row of `acupressure points --json` and `GET /api/points`."""

    model_config = ConfigDict(frozen=True)

    code: str
    names: Names
    region: Region
    laterality: Laterality
    aliases: list[str]
    article_label: str  # the label the popular article used (often an old code)
    performer: Performer
    pregnancy: PregnancyPolicy


class Query(BaseModel):
    """The label that was looked up, and the errata that apply because of it."""

    model_config = ConfigDict(frozen=True)

    text: str
    errata: list[str]


class PointDetail(Point):
    """The whole point record plus its citations, its place on the chart and the query."""

    citations: dict[str, str]  # source id -> full citation, for every source cited
    chart: ChartData  # where it lies on the canonical figure (mm)
    query: Query


def point_summary(point: Point) -> PointSummary:
    return PointSummary(
        code=point.code,
        names=point.names,
        region=point.region,
        laterality=point.laterality,
        aliases=list(point.aliases),
        article_label=point.article.label,
        performer=point.technique.performer,
        pregnancy=point.pregnancy.policy,
    )


def point_detail(match: atlas.Match) -> PointDetail:
    point = match.point
    cited = atlas.sources()
    return PointDetail.model_validate(
        {
            **dict(point),
            "citations": {sid: cited[sid].citation for sid in sorted(point.cited_sources())},
            "chart": chart_data(point),
            "query": Query(text=match.query, errata=[e.note for e in match.errata]),
        }
    )
