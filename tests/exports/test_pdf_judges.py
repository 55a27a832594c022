"""Every handout and progress report, in every language, read by engines other than the
one that wrote it (tests/exports/judges.py): MuPDF, Ghostscript and pdf.js extract the
safety text we put in, and draw every text line as poppler does (no blank or boxed glyphs);
and each PDF is tagged PDF/UA-1 (the pdfua checker: 0 errors; the structure we rely on,
read with pikepdf)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.exports import judges
from tests.exports.samples import stored_program

from acupressure import i18n
from acupressure.exports.handout import routine_pdf
from acupressure.exports.progress import band_note, progress_pdf
from acupressure.i18n import gettext as _
from acupressure.outcomes import questionnaires
from acupressure.program import adherence, design
from acupressure.program.summary import summarise
from acupressure.safety import Intake

pytestmark = pytest.mark.slow
LANGUAGES: list[i18n.Language] = ["en", "es", "zh-Hans"]
LINK = "https://acupressure.clinic.example/program/7/"
# Leg and hand points, a condition's warning and extra sessions: every part of a handout.
INTAKE = Intake(areas=["upper-back", "lower-back"], conditions=["bleeding-risk"], red_flags=[])


@dataclass(frozen=True)
class Made:
    path: Path
    title: str
    says: list[str]  # the text that must reach the reader: safety text first


def _handout(language: i18n.Language, folder: Path) -> Made:
    with i18n.use(language):
        made = design(INTAKE, date(2026, 3, 2))
        data = routine_pdf(made.plan, made.schedule, made.extra_points, LINK)
        says = [*made.plan.warnings, *(n for p in made.plan.points for n in p.notes)]
        title = _("My routine")
    path = folder / f"handout-{language}.pdf"
    path.write_bytes(data)
    return Made(path, title, [title, *says, LINK])


def _report(language: i18n.Language, folder: Path) -> Made:
    p = stored_program("neck")
    answers = {
        (0, "pain-week"): {"pain": 6},
        (1, "pain-week"): {"pain": 5},
        (1, "change"): {"rating": 2},
    }
    with i18n.use(language):
        known = questionnaires()
        weeks = adherence(p, [], datetime(2026, 3, 10, 12, tzinfo=UTC))
        summary = summarise([known["pain-week"], known["change"]], answers, weeks)
        data = progress_pdf(p, summary)
        title = _("My progress")
        says = [title, band_note([(0, 6.0), (1, 5.0)])]
    path = folder / f"report-{language}.pdf"
    path.write_bytes(data)
    return Made(path, title, says)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    folder = tmp_path_factory.mktemp("judged")
    made = {}
    for language in LANGUAGES:
        made[f"handout-{language}"] = _handout(language, folder)
        made[f"report-{language}"] = _report(language, folder)
    return made


DOCUMENTS = [f"{kind}-{language}" for kind in ("handout", "report") for language in LANGUAGES]


@pytest.mark.parametrize("engine", judges.ENGINES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_engine_extracts_the_text_we_put_in(
    name: str, engine: str, documents: dict[str, Made], tmp_path: Path
) -> None:
    judges.need_judges()
    doc = documents[name]
    found = judges.squeeze(judges.text(engine, doc.path, tmp_path))
    missing = [s for s in doc.says if judges.squeeze(s) not in found]
    assert missing == [], f"{engine} does not read these from {name}"


@pytest.mark.parametrize("engine", judges.ENGINES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_engine_draws_every_line_of_text(
    name: str, engine: str, documents: dict[str, Made], tmp_path: Path
) -> None:
    judges.need_judges()
    assert judges.badly_drawn(documents[name].path, engine, tmp_path) == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdfjs_loads_every_font_without_a_warning(
    name: str, documents: dict[str, Made], tmp_path: Path
) -> None:
    judges.need_judges()
    doc = documents[name]
    result = judges.pdfjs(doc.path, tmp_path)
    assert result["warnings"] == []
    assert result["title"] == doc.title
    assert result["language"] == i18n.html_lang(name.split("-", 1)[1])  # type: ignore[arg-type]


def _cff_subset(text: str) -> bytes | None:
    """The kind of subset the product shipped before: CID-keyed CFF, sparse CIDs."""
    from io import BytesIO

    from fontTools import subset
    from fontTools.ttLib import TTCollection

    source = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if not source.exists():
        return None
    font = next(f for f in TTCollection(str(source)).fonts if "SC" in f["name"].getDebugName(1))
    subsetter = subset.Subsetter(subset.Options())
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def test_the_judges_fail_a_font_that_mupdf_and_ghostscript_cannot_read(
    documents: dict[str, Made], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: the old CID-keyed subset (blank in MuPDF, boxes in Ghostscript)."""
    judges.need_judges()
    from acupressure.exports import pdf

    text = judges.run("pdftotext", str(documents["handout-zh-Hans"].path), "-")
    cff = _cff_subset(text + "".join(chr(c) for c in range(0x20, 0x7F)))
    if cff is None:
        pytest.skip("no NotoSansCJK-Regular.ttc (fonts-noto-cjk) to make the old subset from")
    monkeypatch.setattr(pdf, "_font", lambda: cff)
    bad = _handout("zh-Hans", tmp_path)
    assert judges.badly_drawn(bad.path, "mupdf", tmp_path / "m")  # blank glyphs
    assert judges.badly_drawn(bad.path, "ghostscript", tmp_path / "g")  # boxes


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_pdf_passes_the_pdfua_checker(name: str, documents: dict[str, Made]) -> None:
    """pdfua (PyPI) checks a machine-checkable subset of PDF/UA-1: no errors allowed."""
    from pdfua import Severity, validate

    report = validate(str(documents[name].path))
    errors = [f for f in report.findings if f.severity == Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_pdf_is_tagged_with_its_title_language_and_links(
    name: str, documents: dict[str, Made]
) -> None:
    import pikepdf

    doc = documents[name]
    language = i18n.html_lang(name.split("-", 1)[1])  # type: ignore[arg-type]
    with pikepdf.open(doc.path) as pdf:
        root = pdf.Root
        assert bool(root.MarkInfo.Marked) and "/StructTreeRoot" in root
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert str(root.Lang) == language
        assert str(pdf.docinfo["/Title"]) == doc.title
        xmp = root.Metadata.read_bytes().decode()
        assert 'pdfuaid:part="1"' in xmp and "<dc:title>" in xmp  # PDF/UA-1, as XMP says
        roles = _roles(root.StructTreeRoot)
        assert {"/H1", "/P", "/Table", "/Figure"} <= roles
        links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.Subtype == "/Link"]
        if name.startswith("handout"):
            # one annotation per line the link's text takes, all to the QR code's target
            assert "/Link" in roles and {str(a.A.URI) for a in links} == {LINK}
            assert all("/StructParent" in a for a in links)  # the annotation is in the tree
        else:
            assert links == []
        assert all(str(f.get("/Alt", "")) for f in _elements(root.StructTreeRoot, "/Figure"))


def _elements(node: object, role: str) -> list[object]:
    import pikepdf

    found: list[object] = []
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(node, pikepdf.Dictionary) and node.get("/S") == role:
        found.append(node)
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            found += _elements(kid, role)
    elif isinstance(kids, pikepdf.Dictionary):
        found += _elements(kids, role)
    return found


def _roles(node: object) -> set[str]:
    import pikepdf

    roles: set[str] = set()
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            roles.add(str(node.S))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            roles |= _roles(kid)
    return roles
