"""`acupressure today --start` in Chinese and Spanish in a pseudo-terminal (LANG): the
program is made, the next session runs and is kept, and nothing on the way is in English."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
from tests.i18n.english import english_left

pytestmark = pytest.mark.slow

ROOT = str(Path(__file__).parents[2])
# A Monday at 03:06 UTC: a program made now with a session at 00:00 (the hour at which this
# test once failed), on the CLI's clock (tests/fixed_clock.py), whenever the test runs.
MADE = "2026-03-02T03:06:00+00:00"

LANG = {"zh-Hans": "zh_CN.UTF-8", "es": "es_ES.UTF-8"}
SAID = {
    "zh-Hans": (
        r"计划 (\d+) 已保存",
        r"00:00 +按压方案 +该做了",
        "接下来：您的按压方案",
        "已保存到计划",
        r"按压方案 +已完成",
    ),
    "es": (
        r"Programa (\d+) guardado",
        r"00:00 +rutina +pendiente",
        "Ahora: su rutina",
        "Guardado en el programa",
        r"rutina +hecha",
    ),
}


def spawn(args: list[str], tmp_path: Path, language: str, log: io.StringIO) -> pexpect.spawn:
    env = {
        "ACUPRESSURE_DATA_DIR": str(tmp_path),
        "ACUPRESSURE_SECRET_KEY": "test-secret-key-not-for-production",
        "COLUMNS": "120",
        "LINES": "40",
        "TERM": "xterm",
        "TZ": "UTC",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "LANG": LANG[language],
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "tests.fixed_clock", MADE, *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )
    child.logfile_read = log
    return child


@pytest.mark.parametrize("language", ["zh-Hans", "es"])
def test_today_start_speaks_the_terminal_s_language(language: str, tmp_path: Path) -> None:
    saved, due, nxt, kept, done = SAID[language]
    log = io.StringIO()
    create = [
        "program",
        "create",
        "--area",
        "neck",
        "--minutes",
        "2",
        "--no-red-flags",
        "--not-pregnant",
    ]
    child = spawn([*create, "--at", "00:00"], tmp_path, language, log)
    child.expect(saved)
    child.expect(pexpect.EOF)
    child = spawn(["today", "--start", "--speed", "100"], tmp_path, language, log)
    child.expect(due)
    child.expect(nxt)
    child.expect(r"0-10")
    child.sendline("5")
    child.expect(r"\n.*(Intro|回车)")
    child.sendline("")
    child.expect(r"0-10", timeout=120)  # pain after the session
    child.sendline("3")
    child.expect(kept)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = spawn(["today"], tmp_path, language, log)
    child.expect(done)
    child.expect(pexpect.EOF)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", log.getvalue())  # terminal controls
    assert english_left(text, language) == []
