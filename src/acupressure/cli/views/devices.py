"""Terminal I/O for guided sessions: single keys without Enter, and spoken cues."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import termios
import time
import tty
from types import TracebackType
from typing import Any

from acupressure import i18n


class TerminalKeys:
    """Reads single key presses (cbreak mode) while a session runs.

    When stdin is not a terminal there are no keys: ``wait`` just waits.
    """

    def __init__(self) -> None:
        self.fd = sys.stdin.fileno() if sys.stdin.isatty() else None
        self._saved: list[Any] | None = None

    def __enter__(self) -> TerminalKeys:
        if self.fd is not None:
            self._saved = termios.tcgetattr(self.fd)
            tty.setcbreak(self.fd)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.fd is not None and self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def wait(self, timeout: float) -> str | None:
        if self.fd is None:
            time.sleep(timeout)
            return None
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 1)
        return data.decode(errors="ignore").lower() or None


# espeak-ng's voice for each language (Mandarin for Simplified Chinese).
VOICES = {"en": "en", "es": "es", "zh-Hans": "cmn"}


class Speaker:
    """Speaks cues with espeak-ng when asked and installed; otherwise stays silent."""

    def __init__(self, enabled: bool) -> None:
        self.exe = shutil.which("espeak-ng") if enabled else None
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return self.exe is not None

    def say(self, text: str) -> None:
        if self.exe is None:
            return
        self.stop()
        self._proc = subprocess.Popen(
            [self.exe, "-v", VOICES[i18n.current()], "--", text],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.terminate()
            self._proc.wait()
            self._proc = None
