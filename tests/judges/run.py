"""Run the outside judges (Node packages installed here by ``npm ci``, see package.json).

scripts/test.sh installs them; a missing install fails the judge tests (it is never skipped,
so a machine without them cannot pass for one with them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def need(what: Path | str) -> None:
    """Fail (not skip) when a judge is missing: scripts/test.sh installs every one."""
    if isinstance(what, Path):
        if not what.exists():
            pytest.fail(f"{what} is missing: run `npm ci` in tests/judges (scripts/test.sh does)")
    elif shutil.which(what) is None:
        pytest.fail(f"{what} is not installed: scripts/test.sh installs it")


def _node_flags() -> list[str]:
    """Medplum expects Node 22's global WebSocket; Node 20 has it behind a flag."""
    version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    major = int(version.stdout.strip().lstrip("v").split(".")[0])
    return ["--experimental-websocket"] if major < 22 else []


def node(script: str, *args: str, stdin: str | None = None) -> Any:
    """Run ``tests/judges/SCRIPT`` with node; its last stdout line is JSON, returned parsed."""
    need("node")
    need(HERE / "node_modules")
    done = subprocess.run(
        ["node", *_node_flags(), str(HERE / script), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=HERE,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
