"""Keep MediaPipe's native log lines (TensorFlow Lite, absl) off the terminal.

They are written by C++ straight to file descriptor 2, so Python's logging cannot stop
them. The CLI wraps detection in `native_stderr_silenced()` so that stderr carries only the
product's own one-line messages. The web app does not use it: there, server logs matter more.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def native_stderr_silenced() -> Iterator[None]:
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with Path(os.devnull).open("w", encoding="utf-8") as null:
            os.dup2(null.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)
