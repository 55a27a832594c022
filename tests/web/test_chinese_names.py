"""Chinese names are marked lang="zh", so screen readers and fonts treat them as Chinese."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from tests.web.personas import intake_form

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u3400-\u9fff]")
VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr", "area", "col", "path",
        "circle", "ellipse", "rect", "line", "use"}  # fmt: skip


class HanOutsideZh(HTMLParser):
    """Collects text with Chinese characters whose nearest lang is not Chinese."""

    def __init__(self) -> None:
        super().__init__()
        self.langs: list[str | None] = []
        self.marked: list[str] = []
        self.unmarked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.langs.append(dict(attrs).get("lang"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.langs:
            self.langs.pop()

    def handle_data(self, data: str) -> None:
        if HAN.search(data):
            lang = next((x for x in reversed(self.langs) if x), "en")
            (self.marked if lang.startswith("zh") else self.unmarked).append(data.strip())


def scan(html: str) -> HanOutsideZh:
    parser = HanOutsideZh()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", ["/points/", "/points/BL52/", "/points/LI4/"])
def test_atlas_pages_mark_every_chinese_name(client: Client, path: str) -> None:
    found = scan(client.get(path).content.decode())
    assert found.marked and found.unmarked == []


def test_point_heading_carries_the_chinese_name(client: Client) -> None:
    page = client.get("/points/BL52/").content.decode()
    assert re.search(r"<h1>BL52 · Zhishi <span lang=\"zh\">志室</span></h1>", page)


def test_routine_headings_carry_marked_chinese_names(client: Client) -> None:
    page = client.post("/plan/", intake_form(area=["neck"])).content.decode()
    found = scan(page)
    assert found.unmarked == []
    assert "天柱" in found.marked  # BL10 Tianzhu
