"""Invariants that must hold for every record in the atlas."""

from collections import Counter

import pytest

from acupressure import atlas
from acupressure.atlas.aliases import normalise

POINTS = atlas.all_points()
EXPECTED = {
    "lower-back": ["CV6", "BL23", "BL52", "GV4", "BL60", "LR3", "BL40"],
    "upper-back": ["GB21", "BL10", "TE3", "LI4", "KI27", "GV14", "SI15"],
}
PREGNANCY = {
    "never": {"LI4", "BL60", "GB21", "CV6"},
    "not-first-trimester": {"BL23", "BL52", "GV4"},
    "caution": {"LR3", "BL40"},
    "none": {"BL10", "TE3", "KI27", "GV14", "SI15"},
}
HELPER_ONLY = {"BL23", "BL52", "GV4", "GV14", "SI15"}


def test_the_fourteen_points_in_the_article_order() -> None:
    for region, codes in EXPECTED.items():
        assert [p.code for p in atlas.points_in(region)] == codes


def test_codes_are_unique() -> None:
    assert not [c for c, n in Counter(p.code for p in POINTS).items() if n > 1]


@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_alias_resolves_to_exactly_its_point(point: atlas.Point) -> None:
    for name in (point.code, point.names.pinyin, point.article.label, *point.aliases):
        owners = {p.code for p in POINTS if normalise(name) in _names(p)}
        assert owners == {point.code}, name
        assert atlas.get(name).code == point.code


def _names(p: atlas.Point) -> set[str]:
    return {normalise(n) for n in (p.code, p.names.pinyin, p.article.label, *p.aliases)}


@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_caution_and_policy_cites_known_sources(point: atlas.Point) -> None:
    known = atlas.sources().keys()
    assert point.pregnancy.sources
    assert set(point.pregnancy.sources) <= known
    for caution in point.precautions:
        assert caution.sources and set(caution.sources) <= known, caution.id
    assert point.cited_sources() <= known


@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_record_is_complete(point: atlas.Point) -> None:
    assert point.laterality in {"bilateral", "midline"}
    assert point.region in EXPECTED
    assert point.areas
    assert point.technique.hold_seconds > 0 and point.technique.steps
    assert point.location.standard and point.location.how_to_find
    assert (point.laterality == "midline") == (point.code in {"CV6", "GV4", "GV14"})


def test_pregnancy_policy_per_point() -> None:
    actual = {
        policy: {p.code for p in POINTS if p.pregnancy.policy == policy} for policy in PREGNANCY
    }
    assert actual == PREGNANCY


def test_points_out_of_reach_need_a_helper() -> None:
    assert {p.code for p in POINTS if p.technique.performer == "helper"} == HELPER_ONLY


def test_article_protocol_numbers() -> None:
    cv6, bl60, si15 = atlas.get("CV6").technique, atlas.get("BL60").technique, atlas.get("SI15")
    assert (cv6.hold_seconds, cv6.repetitions, cv6.repetitions_max) == (60, 2, 3)
    assert (bl60.hold_seconds, bl60.repetitions, bl60.repetitions_max, bl60.sides) == (
        30,
        3,
        4,
        "alternate",
    )
    assert any("heel" in v.instruction.lower() for v in cv6.variants)
    assert si15.errata, "SI15 must correct the article's two finger-widths"
