"""Reading the language asked for: LANG and friends, Accept-Language, tags."""

from __future__ import annotations

import pytest

from acupressure import i18n


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("es", "es"),
        ("es_MX.UTF-8", "es"),
        ("es-419", "es"),
        ("zh_CN.UTF-8", "zh-Hans"),
        ("zh-Hans", "zh-Hans"),
        ("zh-hans-CN", "zh-Hans"),
        ("zh_SG", "zh-Hans"),
        ("en_GB.UTF-8", "en"),
        ("zh_TW.UTF-8", None),
        ("zh-Hant", None),
        ("fr_FR", None),
        ("C", None),
        ("POSIX", None),
    ],
)
def test_parse(tag: str, language: str | None) -> None:
    assert i18n.parse(tag) == language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_ES.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh-Hans"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"),
        ({"LANGUAGE": "fr:zh_CN", "LANG": "es_ES.UTF-8"}, "zh-Hans"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "zh_TW.UTF-8"}, "en"),
    ],
)
def test_from_environment(environ: dict[str, str], language: str) -> None:
    assert i18n.from_environment(environ) == language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", "en"),
        ("es-ES,es;q=0.9,en;q=0.8", "es"),
        ("en;q=0.5, zh-CN", "zh-Hans"),
        ("fr, de;q=0.9, es;q=0.1", "es"),
        ("zh-TW, es;q=0.5", "es"),
        ("*", "en"),
        ("es;q=0", "en"),
    ],
)
def test_from_accept_language(header: str, language: str) -> None:
    assert i18n.from_accept_language(header) == language


def test_use_restores_the_language() -> None:
    with i18n.use("es"):
        assert i18n.current() == "es"
        assert i18n.gettext("Neck") == "Cuello"
        with i18n.use("zh-Hans"):
            assert i18n.gettext("Neck") == "颈部"
        assert i18n.current() == "es"
    assert i18n.current() == "en" and i18n.gettext("Neck") == "Neck"
