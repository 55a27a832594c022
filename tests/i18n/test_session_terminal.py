"""A real `acupressure session` in Chinese and Spanish in a pseudo-terminal: the questions,
the live view and the summary in the language, nothing left in English."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
from tests.i18n.english import english_left

pytestmark = pytest.mark.slow

EXPECT = {
    "zh-Hans": ("您的按压方案", "按回车键开始", "已暂停", r"已完成：完成了 \d+ 步中的 \d+ 步"),
    "es": (
        "Su rutina",
        "pulse Intro para empezar",
        "EN PAUSA",
        r"Terminada: \d+ de \d+ pasos hechos",
    ),
}
LANG = {"zh-Hans": "zh_CN.UTF-8", "es": "es_ES.UTF-8"}


@pytest.mark.parametrize("language", ["zh-Hans", "es"])
def test_a_session_speaks_the_terminal_s_language(language: str, tmp_path: Path) -> None:
    routine, ready, paused, finished = EXPECT[language]
    child = pexpect.spawn(
        sys.executable,
        ["-m", "acupressure", "session", "--area", "neck", "--minutes", "2", "--speed", "40"],
        env={
            "XDG_DATA_HOME": str(tmp_path),
            "COLUMNS": "160",
            "LINES": "50",
            "TERM": "xterm",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
            "LANG": LANG[language],
        },
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 160),
    )
    transcript: list[str] = []
    while child.expect([r"\[y/n\]", routine]) == 0:
        transcript.append(child.before)
        child.sendline("n")
    child.expect(r"[(（]0-10")
    transcript.append(child.before)
    child.sendline("4")
    child.expect(ready)
    child.sendline("")
    child.send("p")
    child.expect(paused)
    transcript.append(child.before)
    child.send(" ")
    child.expect(r"[(（]0-10", timeout=60)
    transcript.append(child.before)
    child.sendline("2")
    child.expect(pexpect.EOF)
    transcript.append(child.before)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", "".join(transcript))
    assert re.search(finished, text)
    assert english_left(text, language) == []  # type: ignore[arg-type]
