"""The built-in questionnaires in every language: every text key translated, numbers the
same, scoring unchanged; a broken translation file is a load error naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from acupressure import i18n
from acupressure.i18n import TranslationError, text_keys
from acupressure.i18n.data import localize, placeholders, read
from acupressure.outcomes import score
from acupressure.outcomes.loader import FIELDS, builtin

TRANSLATED: list[i18n.Language] = ["es", "zh-Hans"]
FILE = Path(__file__).resolve().parents[2] / "src/acupressure/outcomes/data/i18n"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_is_translated_with_the_same_numbers(language: i18n.Language) -> None:
    english, translated = builtin("en"), builtin(language)
    assert translated.keys() == english.keys()
    for qid, q in english.items():
        en_texts, tr_texts = text_keys(q, FIELDS), text_keys(translated[qid], FIELDS)
        assert tr_texts.keys() == en_texts.keys(), qid
        for key, text in en_texts.items():
            assert placeholders(tr_texts[key]) == placeholders(text), (qid, key)
        different = [k for k in en_texts if tr_texts[k] != en_texts[k]]
        assert len(different) == len(en_texts), (qid, set(en_texts) - set(different))
        # everything but the words is the English file's
        assert translated[qid].scoring.model_dump(exclude={"scores"}) == q.scoring.model_dump(
            exclude={"scores"}
        )
        for tr_item, en_item in zip(translated[qid].items, q.items, strict=True):
            assert (tr_item.id, tr_item.type, tr_item.bounds(), list(tr_item.anchors)) == (
                en_item.id,
                en_item.type,
                en_item.bounds(),
                list(en_item.anchors),
            )
            assert [o.value for o in tr_item.options] == [o.value for o in en_item.options]


@pytest.mark.parametrize("language", TRANSLATED)
def test_scores_are_the_same_in_every_language(language: i18n.Language) -> None:
    answers = {
        "pain-week": {"pain": 6},
        "activities": {"activity-1": {"name": "x", "rating": 3}, "activity-2": {}},
        "change": {"rating": -2},
    }
    english, translated = builtin("en"), builtin(language)
    for qid, given in answers.items():
        assert score(translated[qid], given).scores == score(english[qid], given).scores


def _broken(tmp_path: Path, change: object) -> Path:
    raw = yaml.safe_load((FILE / "es" / "questionnaires.yaml").read_text(encoding="utf-8"))
    change(raw["entries"])  # type: ignore[operator]
    path = tmp_path / "questionnaires.yaml"
    path.write_text(yaml.dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda e: e["change"].pop("items.0.options.3.label"), "change: missing key items.0.op"),
        (lambda e: e["pain-week"].update({"items.1.text": "?"}), "pain-week: unknown key items.1"),
        (lambda e: e.pop("activities"), "missing record activities"),
        (
            lambda e: e["activities"].update({"items.0.anchors.10": "9 de 10"}),
            r"activities: items\.0\.anchors\.10: numbers or codes",
        ),
    ],
)
def test_a_broken_translation_names_the_file_and_the_key(
    tmp_path: Path, change: object, problem: str
) -> None:
    path = _broken(tmp_path, change)
    name = "i18n/es/questionnaires.yaml"
    with pytest.raises(TranslationError, match=rf"i18n/es/questionnaires\.yaml: {problem}"):
        localize(builtin("en"), read(path, name, "es"), FIELDS, name)


def test_the_current_language_picks_the_text() -> None:
    from acupressure.outcomes import questionnaires

    with i18n.use("zh-Hans"):
        assert questionnaires()["pain-week"].short == "疼痛"
    with i18n.use("es"):
        assert questionnaires()["pain-week"].short == "Dolor"
    with i18n.use("en"):
        assert questionnaires()["pain-week"].short == "Pain"
