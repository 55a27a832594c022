"""PDF handouts with WeasyPrint: shared page setup, fonts, images as data: URIs.

Everything the PDF shows is inside it: charts are PNG images (drawn by acupressure.charts),
the QR code and the progress chart are inline SVG, all as ``data:`` URIs, and the fetcher
refuses anything else, so nothing is linked or fetched. The font is DejaVu Sans (Debian's
fonts-dejavu-core); Chinese is drawn with the bundled Noto Sans SC subset
(``charts/fonts``), given to WeasyPrint by an @font-face rule as a data: URI, so a PDF in
Chinese needs no CJK font on the machine. WeasyPrint embeds the subset of each font it uses.
The page says its language (``<html lang>``) and its words come from the catalog.
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any, Literal

from acupressure import i18n
from acupressure.charts.fonts import data_uri as cjk_font_uri
from acupressure.i18n import gettext as _

Paper = Literal["a4", "letter"]
CJK = "Acupressure Noto Sans SC"  # the bundled subset, by a name no system font has
LATIN = '"DejaVu Sans"'
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}


def data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def font_stack() -> str:
    """Chinese pages put the subset first (it has ASCII too); DejaVu covers the rest."""
    if i18n.current() == "zh-Hans":
        return f'"{CJK}", {LATIN}, sans-serif'
    return f'{LATIN}, "{CJK}", sans-serif'


def css(paper: Paper) -> str:
    font = font_stack()
    before, _page, after = _("Page {page} of {pages}").partition("{page}")
    between, _pages, end = after.partition("{pages}")
    footer = f'"{before}" counter(page) "{between}" counter(pages) "{end}"'
    return f"""
@font-face {{ font-family: "{CJK}"; src: url({cjk_font_uri()}); }}
@page {{ size: {PAPERS[paper]}; margin: 16mm 15mm 18mm;
  @bottom-center {{ content: {footer}; font-size: 8pt;
    font-family: {font}; }} }}
body {{ font-family: {font}; font-size: 10pt; line-height: 1.35; color: #111; }}
h1 {{ font-size: 18pt; margin: 0 0 4pt; }}
h2 {{ font-size: 13pt; margin: 12pt 0 4pt; border-bottom: 1px solid #999; }}
h3 {{ font-size: 11pt; margin: 8pt 0 2pt; }}
.point {{ break-inside: avoid-page; }}
.point img.chart {{ width: 100%; max-height: 150mm; object-fit: contain; }}
.warn {{ border-left: 3pt solid #b45309; padding-left: 6pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #aaa; padding: 2pt 4pt; text-align: left; font-size: 9pt; }}
.qr {{ float: right; width: 32mm; margin-left: 6mm; }}
.small {{ font-size: 8pt; color: #333; }}
"""


def page(title: str, body: str, paper: Paper) -> str:
    return (
        f'<!doctype html><html lang="{i18n.html_lang(i18n.current())}"><head>'
        f'<meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{css(paper)}</style></head><body>{body}</body></html>"
    )


def _weasyprint() -> Any:
    """Import WeasyPrint without its side effect: on import it sets Pillow's process-wide
    ``LOAD_TRUNCATED_IMAGES``, which would make the camera accept truncated uploads in the
    same server. The flag is put back as it was."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before
    return weasyprint


def render(html: str) -> bytes:
    """HTML -> PDF. The fetcher takes data: URIs only and fails on anything else, so the
    PDF never depends on the network or on files beside it."""
    HTML = _weasyprint().HTML  # noqa: N806 - WeasyPrint's class
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    try:
        pdf = HTML(string=html, url_fetcher=fetcher).write_pdf()
    except FatalURLFetchingError as exc:  # a BaseException in WeasyPrint
        raise ValueError(f"handouts embed everything; refused: {exc}") from None
    if pdf is None:  # pragma: no cover - write_pdf without a target returns bytes
        raise RuntimeError("WeasyPrint returned no PDF")
    return bytes(pdf)


def qr_svg(link: str) -> str:
    import segno

    return str(segno.make(link, error="m").svg_data_uri(scale=4, border=2))
