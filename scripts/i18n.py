"""The UI catalogs: extract, update, compile and check, with Babel (no system gettext tools).

One catalog for the whole product, domain ``django`` in src/acupressure/i18n/locale:
Python strings marked with ``_``/``gettext``/``ngettext``/``N_``/``gettext_lazy`` and
Django templates' ``{% translate %}``/``{% blocktranslate %}`` (read through Django's own
``templatize``, as ``makemessages`` does).

    python scripts/i18n.py update    # extract, then add new strings to every .po file
    python scripts/i18n.py compile   # .po -> .mo (the .mo files are committed)
    python scripts/i18n.py --check   # fail if a string is untranslated, a translation's
                                     # placeholders differ, a .mo is not the .po compiled,
                                     # or a marked string hides inside an f-string
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "acupressure"
LOCALE = PACKAGE / "i18n" / "locale"
LOCALES = {"es": "es", "zh-Hans": "zh_Hans"}
KEYWORDS = {**DEFAULT_KEYWORDS, "gettext_lazy": None, "ngettext_lazy": (1, 2), "N_": None}
CALL = re.compile(r"""\b(?:n|p|np)?gettext\((?:[^()'"]|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")*\)""")
CODE_LIKE = re.compile(r"[A-Z]{1,3}\d{1,2}")  # vertebra tags (C7, L2): the same in every language
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)(?:![rsa])?(?::[^}]*)?\}|%[sd]")


def _templatize(path: Path) -> str:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)
        django.setup()
    from django.utils.translation.template import templatize

    return templatize(path.read_text(encoding="utf-8"), origin=str(path))


def messages() -> Iterator[tuple[str | tuple[str, str], str, int]]:
    """Every marked string: (message or (singular, plural), file, line)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        with path.open("rb") as f:
            for line, msg, _comments, _ctx in extract("python", f, KEYWORDS):
                yield msg, str(path.relative_to(ROOT)), line
    import typer.main

    from acupressure.cli import app
    from acupressure.cli.help import texts

    for text in texts(typer.main.get_command(app)):
        yield text, "src/acupressure/cli (help)", 0
    from acupressure import body

    for view in body.VIEWS:  # the body vocabulary's words, which the charts write
        spec = body.spec(view)
        yield spec.title, "src/acupressure/body/vocabulary.py", 0
        for landmark in spec.landmarks:
            for text in (landmark.label, landmark.short):
                if text and not CODE_LIKE.fullmatch(text):
                    yield text, "src/acupressure/body/vocabulary.py", 0
    for path in sorted(PACKAGE.rglob("templates/**/*.html")):
        # templatize hides the markup behind X's; keep only the gettext calls, line by line.
        lines = [" ".join(CALL.findall(line)) for line in _templatize(path).splitlines()]
        code = io.BytesIO("\n".join(lines).encode("utf-8"))
        for line, msg, _comments, _ctx in extract("python", code, KEYWORDS):
            yield msg, str(path.relative_to(ROOT)), line


HIDDEN_CALL = re.compile(r"(?<![\w.])(?:_|gettext|ngettext|gettext_lazy|ngettext_lazy|N_)\(")


def hidden_calls(path: Path) -> list[int]:
    """Lines where a translated string is marked inside an f-string: Babel reads an
    f-string as one string token and never sees the call, so those words stay English in
    every language and the catalog never hears of them."""
    with path.open("rb") as f:
        tokens = list(tokenize.tokenize(f.readline))
    return [
        token.start[0]
        for token in tokens
        if token.type == tokenize.STRING
        and "f" in _prefix(token.string).lower()
        and HIDDEN_CALL.search(token.string)
    ]


def _prefix(literal: str) -> str:
    return literal[: len(literal) - len(literal.lstrip("rRbBuUfF"))]


def template() -> Catalog:
    catalog = Catalog(project="acupressure", domain="django")
    for msg, file, line in messages():
        catalog.add(msg, locations=[(file, line)])
    return catalog


def po_path(locale: str) -> Path:
    return LOCALE / locale / "LC_MESSAGES" / "django.po"


def read(locale: str) -> Catalog:
    with po_path(locale).open("rb") as f:
        return read_po(f, locale=locale)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update() -> None:
    pot = template()
    for locale in LOCALES.values():
        path = po_path(locale)
        if path.exists():
            catalog = read(locale)
            catalog.update(pot, no_fuzzy_matching=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=locale, domain="django", project="acupressure")
            catalog.update(pot, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(f, catalog, width=100, sort_output=True, ignore_obsolete=True)


def compile_all() -> None:
    for locale in LOCALES.values():
        po_path(locale).with_suffix(".mo").write_bytes(compiled(read(locale)))


def _strings(msg: object) -> list[str]:
    if isinstance(msg, (tuple, list)):
        return [str(m) for m in msg]
    return [str(msg)]


def problems() -> list[str]:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line in hidden_calls(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            found.append(f"{where}: a translated string inside an f-string is never extracted")
    wanted = {m.id for m in template() if m.id}
    for locale in LOCALES.values():
        catalog = read(locale)
        have = {m.id: m for m in catalog if m.id}
        for msg_id in wanted:
            message = have.get(msg_id)
            english = _strings(msg_id)[0]
            if message is None or not all(_strings(message.string)) or message.fuzzy:
                found.append(f"{locale}: not translated: {english!r}")
                continue
            # each form keeps the singular's or the plural's placeholders (Click's plurals
            # name theirs differently: {possibility} / {possibilities})
            wants = [sorted(PLACEHOLDER.findall(form)) for form in _strings(msg_id)]
            for text in _strings(message.string):
                if sorted(PLACEHOLDER.findall(text)) not in wants:
                    found.append(f"{locale}: placeholders differ: {english!r} -> {text!r}")
        for msg_id in have.keys() - wanted:
            found.append(f"{locale}: obsolete (no longer in the code): {_strings(msg_id)[0]!r}")
        mo = po_path(locale).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            found.append(f"{locale}: {mo.relative_to(ROOT)} is not the .po compiled; run compile")
    return found


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
    elif argv == ["compile"]:
        compile_all()
    elif argv == ["--check"]:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
