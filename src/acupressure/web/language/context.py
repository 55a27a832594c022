"""What every page needs for its language: the lang attribute, the switcher's choices and the
marks on safety text that is translated but not yet reviewed by a clinician."""

from __future__ import annotations

from django.http import HttpRequest

from acupressure import atlas, i18n, safety


def language(request: HttpRequest) -> dict[str, object]:
    current = i18n.current()
    return {
        "html_lang": i18n.html_lang(current),
        "language_choices": [(code.lower(), name) for code, name in i18n.NAMES.items()],
        "language_code": current.lower(),
        "points_mark": i18n.review_mark(atlas.reviewer()),
        "red_flags_mark": i18n.review_mark(safety.reviewer("red_flags")),
        "conditions_mark": i18n.review_mark(safety.reviewer("conditions")),
    }
