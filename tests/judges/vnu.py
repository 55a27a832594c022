"""The Nu HTML Checker (vnu.jar, from the vnu-jar npm package, on Java 17): every page in one
run of the checker, its errors per file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.judges.run import VNU_JAR, need


def check_pages(files: list[Path]) -> dict[str, list[str]]:
    """Each file's errors ("line N: message"), [] for a clean one; warnings and info left out."""
    need("java")
    need(VNU_JAR)
    done = subprocess.run(
        ["java", "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stderr)  # vnu writes its report on stderr
    errors: dict[str, list[str]] = {str(f): [] for f in files}
    for message in report["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            name = message["url"].removeprefix("file:")
            key = next((k for k in errors if Path(k).resolve() == Path(name).resolve()), name)
            where = f"line {message.get('lastLine')}"
            errors.setdefault(key, []).append(f"{where}: {message['message']}")
    return errors
