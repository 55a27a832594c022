"""Languages: the product speaks English, Spanish (es) and Simplified Chinese (zh-Hans).

The lowest layer. One current language per thread or task (a context variable): the CLI
sets it from ``--lang`` or LANGUAGE/LC_ALL/LC_MESSAGES/LANG, the web app from Django's active
language (browser, switcher, the signed-in person's choice), the API from Accept-Language.
``gettext`` translates a UI string through the catalogs in ``i18n/locale`` (gettext .po
files, compiled to .mo by Babel: ``scripts/i18n.py``); data files carry their own
translations beside them (``data.py``). Codes (LI4, BL23) and cun values never change.
"""

from __future__ import annotations

from acupressure.i18n.catalog import (
    N_,
    Labels,
    gettext,
    ngettext,
    number,
    review_mark,
    translations,
)
from acupressure.i18n.data import TranslationError, localize, text_keys
from acupressure.i18n.languages import (
    DEFAULT,
    LANGUAGES,
    NAMES,
    Language,
    activate,
    current,
    from_accept_language,
    from_environment,
    html_lang,
    parse,
    use,
)

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "NAMES",
    "N_",
    "Labels",
    "Language",
    "TranslationError",
    "activate",
    "current",
    "from_accept_language",
    "from_environment",
    "gettext",
    "html_lang",
    "localize",
    "ngettext",
    "number",
    "parse",
    "review_mark",
    "text_keys",
    "translations",
    "use",
]
