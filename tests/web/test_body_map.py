"""The home page's body map: the charts' back figure and four areas built from landmarks."""

from __future__ import annotations

import itertools

import pytest
from django.test import Client

from acupressure import atlas, body
from acupressure.body.outline import figure
from acupressure.web import bodymap


def test_every_area_lies_on_the_skin() -> None:
    back = figure("back")
    for area in bodymap.areas():
        for shape in area.shapes:
            assert all(back.contains(x, y) for x, y in shape), area.value


def test_areas_do_not_overlap() -> None:
    grid = itertools.product(range(-260, 261, 4), range(0, 1000, 4))
    for x, y in grid:
        inside = [a.value for a in bodymap.areas() if a.contains(x, y)]
        assert len(inside) <= 1, (x, y, inside)


def test_each_back_point_lies_in_an_area_it_serves() -> None:
    areas = {a.value: a for a in bodymap.areas()}
    checked = 0
    for point in atlas.all_points():
        if point.rule.view not in ("back", "neck"):  # the same frame as the back figure
            continue
        for place in body.evaluate(point, body.canonical(point.rule.view)):
            assert any(areas[a].contains(place.x, place.y) for a in point.areas), point.code
            checked += 1
    assert checked >= 10


@pytest.mark.django_db
def test_home_draws_the_chart_figure_with_four_links(client: Client) -> None:
    page = client.get("/").content.decode()
    assert bodymap.figure_markup() in page
    for value in ("neck", "shoulders", "upper-back", "lower-back"):
        assert f'href="/?area={value}#bodymap"' in page
    assert page.count('class="region"') == 4 and "checked" not in page


@pytest.mark.django_db
def test_without_javascript_a_region_link_toggles_its_area(client: Client) -> None:
    page = client.get("/?area=neck&area=lower-back&area=knee").content.decode()
    assert 'class="region chosen" data-area="neck"' in page
    assert 'class="region chosen" data-area="lower-back"' in page
    assert 'value="neck" checked' in page and 'value="lower-back" checked' in page
    assert 'value="shoulders" checked' not in page
    # "knee" is no area: no link or box has it (only the language switch keeps the address)
    assert "knee" not in page.replace(
        'name="next" value="/?area=neck&amp;area=lower-back&amp;area=knee"', ""
    )
    assert 'href="/?area=lower-back#bodymap"' in page  # the neck link takes the neck away
    assert 'href="/?area=neck&amp;area=shoulders&amp;area=lower-back#bodymap"' in page
    assert 'aria-label="Neck, chosen: remove"' in page
