"""What "still in English" means for a translated page, command output or chart.

The reference is the English side of the product: every catalog message whose translation
differs (cut at its placeholders and markup into fragments of two or more words) and every
translatable data text (points, red flags, conditions, our questionnaires) whose translation
differs. Codes,
pinyin, numbers, citations and single words are allowed: they are not in the reference.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

from acupressure import atlas, i18n, safety
from acupressure.atlas.loader import POINT_FIELDS
from acupressure.i18n import text_keys
from acupressure.outcomes.loader import FIELDS as QUESTIONNAIRE_FIELDS
from acupressure.outcomes.loader import builtin
from acupressure.safety.loader import CONDITION_FIELDS, RED_FLAG_FIELDS

LOCALE = Path(__file__).resolve().parents[2] / "src/acupressure/i18n/locale"
PO_DIR = {"es": "es", "zh-Hans": "zh_Hans"}
SPLIT = re.compile(r"<[^>]+>|%\(\w+\)[sd]|\{\w*(?:![rsa])?(?::[^}]*)?\}|%%|\n")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _fragments(text: str) -> list[str]:
    """A whole message of two words or more; pieces between placeholders or markup of three
    words or more (shorter pieces such as "and the" are everyday English in citations)."""
    parts = [" ".join(p.split()).strip(" .,;:·–-()") for p in SPLIT.split(text)]
    least = 2 if len(parts) == 1 else 3
    return [p for p in parts if len(WORD.findall(p)) >= least]


def _data_texts(language: i18n.Language) -> list[tuple[str, str]]:
    """(English, translated) for every translatable data text."""
    pairs: list[tuple[str, str]] = []
    with i18n.use("en"):
        en_points = {p.code: text_keys(p, POINT_FIELDS) for p in atlas.all_points()}
        en_flags = {k: text_keys(f, RED_FLAG_FIELDS) for k, f in safety.red_flags().items()}
        en_conds = {k: text_keys(c, CONDITION_FIELDS) for k, c in safety.conditions().items()}
    with i18n.use(language):
        tr_points = {p.code: text_keys(p, POINT_FIELDS) for p in atlas.all_points()}
        tr_flags = {k: text_keys(f, RED_FLAG_FIELDS) for k, f in safety.red_flags().items()}
        tr_conds = {k: text_keys(c, CONDITION_FIELDS) for k, c in safety.conditions().items()}
    en_qs = {k: text_keys(q, QUESTIONNAIRE_FIELDS) for k, q in builtin("en").items()}
    tr_qs = {k: text_keys(q, QUESTIONNAIRE_FIELDS) for k, q in builtin(language).items()}
    for en, tr in (
        (en_points, tr_points),
        (en_flags, tr_flags),
        (en_conds, tr_conds),
        (en_qs, tr_qs),
    ):
        for rid, keys in en.items():
            pairs += [(text, tr[rid][key]) for key, text in keys.items()]
    return pairs


@cache
def reference(language: i18n.Language) -> tuple[str, ...]:
    """The English fragments that must not appear in ``language``'s output."""
    found: set[str] = set()
    with (LOCALE / PO_DIR[language] / "LC_MESSAGES" / "django.po").open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated = " ".join(strings)
        for english in ids:
            found.update(f for f in _fragments(english) if f not in translated)
    for english, translated in _data_texts(language):
        if english != translated:
            found.update(f for f in _fragments(english) if f not in translated)
    return tuple(sorted(found, key=len, reverse=True))


def english_left(text: str, language: i18n.Language) -> list[str]:
    """The English fragments found in the text (whitespace and line breaks ignored)."""
    flat = " ".join(text.split())
    # the plain `in` first: the same answer, without a regular expression per fragment
    return [
        fragment
        for fragment in reference(language)
        if fragment in flat and re.search(rf"(?<![A-Za-z]){re.escape(fragment)}(?![A-Za-z])", flat)
    ]


class _Visible(HTMLParser):
    ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [v for k, v in attrs if k in self.ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """What a person reads on a page: text outside scripts and styles, and the labels that
    assistive technology reads (aria-label, title, alt, placeholder)."""
    parser = _Visible()
    parser.feed(html)
    return " \n ".join(parser.parts)
