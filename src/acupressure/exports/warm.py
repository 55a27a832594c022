"""Ready before the first PDF: what `acupressure serve` does in the background when it
starts, so that a person's first handout is made as fast as the next ones.

Two parts, neither of which the server waits for:

- :func:`draw_charts_ahead` draws every point's chart in every language (that of the
  terminal which started the server first, :func:`languages_first`) into the cache folder
  (``pdf.draw_charts``: a chart already there is only read). The server runs it once, as
  ``python -m acupressure.exports.warm``, in a process of its own (it holds no server
  process's GIL), started before the web app is set up: while the server starts no request
  can come, so it runs at the usual priority (on a fresh installation, beside the build of
  the static files, which uses one core); once the server listens it is lowered
  (:func:`yield_to_requests`, :data:`NICENESS`), so that on a busy machine the requests come
  first. A handout asked for before its charts are ready draws them itself, as before.
- :func:`load_engine` imports WeasyPrint and lays out a small page in both fonts (Pango,
  fontconfig and the bundled Chinese font loaded); each server process runs it in a daemon
  thread when it starts.

Both are best-effort: a failure leaves the work to the first request, as if they had not run.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence

from acupressure import atlas, i18n

NICENESS = 10  # below the server's requests, but not starved on a busy machine
SAMPLE = "<p>Aa 中文</p>"  # Latin and Chinese: both fonts are loaded


def draw_charts_ahead(
    languages: Sequence[i18n.Language] = i18n.LANGUAGES, codes: Sequence[str] | None = None
) -> None:
    """The charts of these points (default: every point) in these languages, in the cache
    folder and in this process's memory."""
    from acupressure.exports.pdf import draw_charts

    for language in languages:
        with i18n.use(language):
            draw_charts(codes or [point.code for point in atlas.all_points()])


def load_engine() -> None:
    """Import WeasyPrint and make a one-line PDF in both fonts (the result is dropped)."""
    from acupressure.exports.pdf import page, render

    render(page("-", SAMPLE, "a4"))


def start_drawing() -> subprocess.Popen[bytes] | None:
    """Start :func:`draw_charts_ahead` in a process of its own (None if it cannot start)."""
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "acupressure.exports.warm"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None


def yield_to_requests(process: subprocess.Popen[bytes] | None) -> None:
    """Lower the drawing process's priority now that requests may come (where the system
    has priorities; nothing if it has ended)."""
    if process is None or process.poll() is not None or not hasattr(os, "setpriority"):
        return
    with contextlib.suppress(OSError):
        now = os.getpriority(os.PRIO_PROCESS, process.pid)
        os.setpriority(os.PRIO_PROCESS, process.pid, max(now, NICENESS))


def stop_drawing(process: subprocess.Popen[bytes] | None) -> None:
    """End the drawing process if it is still running (it is only a head start)."""
    if process is None or process.poll() is not None:
        return
    try:
        process.terminate()
        process.wait(timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        pass


def start_loading() -> threading.Thread:
    """:func:`load_engine` in a daemon thread of this process."""
    thread = threading.Thread(target=_quietly, args=(load_engine,), name="pdf-engine", daemon=True)
    thread.start()
    return thread


def _quietly(work: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):  # a head start only: the request does it again
        work()


def languages_first(environ: Mapping[str, str]) -> list[i18n.Language]:
    """Every language, the one of the person who started the server first (their terminal's):
    the most likely to be asked for soon."""
    first = i18n.from_environment(environ)
    return [first, *(language for language in i18n.LANGUAGES if language != first)]


def main() -> None:
    draw_charts_ahead(languages_first(os.environ))


if __name__ == "__main__":
    main()
