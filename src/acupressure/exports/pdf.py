"""PDF handouts with WeasyPrint: shared page setup, fonts, charts, tagging.

Everything the PDF shows is inside it. Charts are PNG images drawn by acupressure.charts
and the bundled Chinese font (``charts/fonts``) comes from the package: the page names them
by ``acupressure:`` addresses (``chart_url``, ``FONT_URL``) that the fetcher answers from
memory; the QR code and the progress chart are inline SVG ``data:`` URIs; the fetcher
refuses anything else, so nothing is fetched from a network or a file beside the page. The
Latin font is DejaVu Sans (Debian's fonts-dejavu-core); WeasyPrint embeds the subset of each
font it uses.

Every PDF is tagged PDF/UA-1 (WeasyPrint's ``pdf/ua-1`` variant): a structure tree from the
HTML (headings, lists, tables, figures with their alt text, links), MarkInfo, XMP metadata
with the PDF/UA identifier, the title shown in the viewer's title bar (DisplayDocTitle),
and the document's language (``<html lang>``). Words come from the catalog. Ligatures are
off: an "fi" glyph reads back as garbage in some engines' text (Ghostscript's txtwrite).

Speed: a chart is drawn once (``_chart``, flattened on white so WeasyPrint keeps one image
stream, no alpha mask) and kept in memory and in the user cache folder (``pdf-charts``, by a
digest of the chart's SVG, zoom and font: a changed chart is a new file), so the first PDF
of a later process does not draw it again; WeasyPrint's image cache is kept between
documents (``_IMAGES``, keyed by the chart's address, which names its language), and so is
each chart's PDF image stream (``_keep_image_streams``). The server makes a head start on
all this when it starts (``exports/warm.py``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import threading
from collections.abc import Iterable
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, Literal

from acupressure import i18n
from acupressure.charts.fonts import subset_path
from acupressure.i18n import gettext as _

Paper = Literal["a4", "letter"]
CJK = "Acupressure Noto Sans SC"  # the bundled subset, by a name no system font has
LATIN = '"DejaVu Sans"'
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}
SCHEME = "acupressure:"
FONT_URL = f"{SCHEME}font/cjk.ttf"
CHART_ZOOM = 1.5  # 1140 px across a chart about 150 mm wide on paper: about 190 dpi
_IMPORT = threading.Lock()  # one thread at a time imports WeasyPrint (see _weasyprint)
_IMAGES: dict[str, Any] = {}  # WeasyPrint's image cache, shared by every document
_CHARTS: dict[tuple[str, str], bytes] = {}  # (language, code) -> PNG
KEPT_CHARTS = 200  # on disk: 14 points in 3 languages, for a few versions of the charts


def data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def chart_url(code: str) -> str:
    """The address of a point's chart in the current language, for ``<img src>``."""
    return f"{SCHEME}chart/{i18n.current()}/{code}.png"


def _chart(language: i18n.Language, code: str) -> bytes:
    """A point's chart as an RGB PNG (flattened on white), drawn once per language (at
    most 14 points in 3 languages: the cache stays small)."""
    key = (language, code)
    if key not in _CHARTS:
        _CHARTS[key] = _draw(language, code)
    return _CHARTS[key]


def _draw(language: i18n.Language, code: str) -> bytes:
    """The chart from the disk cache when this exact chart was drawn before (by any process:
    a CLI run, another server worker), else drawn now and kept there."""
    from acupressure.charts import chart_svg

    with i18n.use(language):
        svg = chart_svg([code])
    key = hashlib.sha256(f"{CHART_ZOOM}\0{svg}".encode() + _font()).hexdigest()[:40]
    kept = _cache_dir() / f"{key}.png"
    try:
        return kept.read_bytes()
    except OSError:
        pass
    png = _flat_png(language, code)
    _keep(kept, png)
    return png


def _flat_png(language: i18n.Language, code: str) -> bytes:
    """The chart's PNG, flattened on white (one image stream in the PDF, no alpha mask)."""
    from PIL import Image

    from acupressure.charts import chart_png

    with i18n.use(language):
        png = chart_png([code], zoom=CHART_ZOOM)
    with Image.open(io.BytesIO(png)) as image:
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="PNG", compress_level=3)
    return out.getvalue()


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("acupressure")) / "pdf-charts"


def _keep(path: Path, data: bytes) -> None:
    """Write atomically; keep the newest KEPT_CHARTS charts; say nothing if it cannot."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            out.write(data)
        Path(out.name).replace(path)
        kept = sorted(path.parent.glob("*.png"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in kept[KEPT_CHARTS:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def draw_charts(codes: Iterable[str]) -> None:
    """Have the charts a document will need at hand (from the disk cache, or drawn now). One
    after another: resvg holds the GIL while it draws, so threads drew no faster (measured)."""
    language = i18n.current()
    for code in sorted(set(codes)):
        _chart(language, code)


def _resource(url: str) -> tuple[str, bytes]:
    """(mime type, bytes) for an ``acupressure:`` address; ValueError for any other."""
    if url == FONT_URL:
        return "font/ttf", _font()
    kind, _sep, rest = url.removeprefix(SCHEME).partition("/")
    language, _sep, name = rest.partition("/")
    if kind == "chart" and language in i18n.LANGUAGES and name.endswith(".png"):
        return "image/png", _chart(language, name.removesuffix(".png"))
    raise ValueError(f"no such resource: {url}")


@cache
def _font() -> bytes:
    return subset_path().read_bytes()


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
@font-face {{ font-family: "{CJK}"; src: url({FONT_URL}); }}
@page {{ size: {PAPERS[paper]}; margin: 16mm 15mm 18mm;
  @bottom-center {{ content: {footer}; font-size: 8pt;
    font-family: {font}; }} }}
body {{ font-family: {font}; font-size: 10pt; line-height: 1.35; color: #111;
  font-variant-ligatures: none; }}
h1 {{ font-size: 18pt; margin: 0 0 4pt; }}
h2 {{ font-size: 13pt; margin: 12pt 0 4pt; border-bottom: 1px solid #999; }}
h3 {{ font-size: 11pt; margin: 8pt 0 2pt; break-after: avoid; }}
.point {{ break-before: page; break-inside: avoid; }}
.point h2 {{ margin-top: 0; }}
.point img.chart {{ display: block; margin: 0 auto; max-width: 100%; object-fit: contain; }}
.warn {{ border-left: 3pt solid #b45309; padding-left: 6pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #aaa; padding: 2pt 4pt; text-align: left; font-size: 9pt; }}
.qr {{ float: right; width: 32mm; margin-left: 6mm; }}
.small {{ font-size: 8pt; color: #333; }}
a {{ color: inherit; }}
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
    same server. The flag is put back as it was, under a lock: a second thread (the server's
    warm-up, ``warm.load_engine``, beside a request) must not read the flag while the first
    one's import has it set."""
    from PIL import ImageFile

    with _IMPORT:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        try:
            import weasyprint
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before
        _keep_image_streams()
    return weasyprint


_STREAMS: dict[bytes, bytes] = {}  # digest of an image's pixels -> its PDF image stream
KEPT_STREAMS = 64
_KEEPING = threading.Lock()


def _keep_image_streams() -> None:
    """Make each chart's PDF image stream once per process, not once per PDF.

    WeasyPrint 70 decodes every raster image and encodes it again as PNG for each PDF it
    writes (``RasterImage._get_png_data``, about 40 ms per chart, a third of a handout's
    time when made again). The same pixels always give the same stream, so the stream is
    kept, by a digest of the pixels, mode and size: the PDF's bytes are those WeasyPrint
    makes. If a later WeasyPrint has no such method, nothing is changed (only slower)."""
    from weasyprint.images import RasterImage

    make = RasterImage.__dict__.get("_get_png_data")
    if not isinstance(make, staticmethod) or getattr(make.__func__, "kept", False):
        return
    encode = make.__func__

    def kept(image: Any) -> bytes:
        pixels = hashlib.blake2b(image.tobytes(), digest_size=20).digest()
        key = f"{image.mode} {image.size}".encode() + pixels
        stream = _STREAMS.get(key)
        if stream is None:
            stream = encode(image)
            with _KEEPING:  # server threads: one at a time drops the oldest
                if len(_STREAMS) >= KEPT_STREAMS:
                    _STREAMS.pop(next(iter(_STREAMS)), None)
                _STREAMS[key] = stream
        return stream

    kept.kept = True  # type: ignore[attr-defined]
    RasterImage._get_png_data = staticmethod(kept)


def _fetcher() -> Any:
    """data: URIs and the package's own ``acupressure:`` resources; nothing else."""
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(SCHEME):
                mime, data = _resource(url)
                return URLFetcherResponse(url, data, {"Content-Type": mime})
            return super().fetch(url, headers)

    del weasyprint
    return Fetcher(allowed_protocols={"data"}, fail_on_errors=True)


def layout(html: str) -> Any:
    """Lay the HTML out in pages (a WeasyPrint Document): ``write`` makes the PDF from it."""
    HTML = _weasyprint().HTML  # noqa: N806 - WeasyPrint's class
    from weasyprint.urls import FatalURLFetchingError

    try:
        return HTML(string=html, url_fetcher=_fetcher()).render(
            pdf_variant="pdf/ua-1", cache=_IMAGES
        )
    except FatalURLFetchingError as exc:  # a BaseException in WeasyPrint
        raise ValueError(f"handouts embed everything; refused: {exc}") from None


def write(document: Any) -> bytes:
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", cache=_IMAGES)
    if pdf is None:  # pragma: no cover - write_pdf without a target returns bytes
        raise RuntimeError("WeasyPrint returned no PDF")
    return bytes(pdf)


def render(html: str) -> bytes:
    """HTML -> tagged PDF. The fetcher takes data: URIs and the package's own resources
    only and fails on anything else, so the PDF never depends on the network or on files
    beside it."""
    return write(layout(html))


def qr_svg(link: str) -> str:
    import segno

    return str(segno.make(link, error="m").svg_data_uri(scale=4, border=2))
