"""Run `acupressure serve` in a subprocess for browser tests and benchmarks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Served:
    process: subprocess.Popen[str]
    base: str  # http://127.0.0.1:PORT
    signin_link: str
    data_dir: Path
    reader: threading.Thread

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_server(
    data_dir: Path | None = None,
    extra_env: dict[str, str] | None = None,
    args: tuple[str, ...] = (),
) -> Served:
    folder = data_dir or Path(tempfile.mkdtemp(prefix="acupressure-serve-"))
    env = {**os.environ, "ACUPRESSURE_DATA_DIR": str(folder), "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra_env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "acupressure", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        link = re.search(r"(http://127\.0\.0\.1:\d+)/signin/link/\S+/", line)
        if link:
            # keep reading so the server never blocks on a full pipe
            reader = threading.Thread(target=process.stdout.read, daemon=True)
            reader.start()
            return Served(process, link.group(1), link.group(0), folder, reader)
        if len(lines) > 50:
            break
    process.kill()
    process.wait(timeout=10)
    process.stdout.close()
    raise RuntimeError("acupressure serve did not start:\n" + "".join(lines))
