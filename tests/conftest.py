"""Every test starts in English, whatever the machine's LANG says, and leaves it so; the
summary says what the skipped tests need."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from acupressure import i18n


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANGUAGE", "en")
    with i18n.use("en"):
        yield
    i18n.activate("en")


# What a skipped test needs, by a word of its skip reason: the summary counts them so that a
# run that left tests out says which and why in one place (README, "Tests").
NEEDS = {
    "shared": "the shared test photos and article (../shared beside this folder)",
    "postgresql": "a PostgreSQL server (scripts/test.sh starts one as root)",
    "chromium": "Debian's chromium (scripts/test.sh installs it as root)",
    "nginx": "Debian's nginx (scripts/test.sh installs it as root)",
    "espeak-ng": "espeak-ng (scripts/test.sh installs it as root)",
    "mediapipe": "mediapipe (pip install -e '.[all]')",
}


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    return str(longrepr[2] if isinstance(longrepr, tuple) else longrepr)


# Under pytest-xdist each worker collects and deselects (the same tests): the count comes
# back to the main process in the worker's output.
_deselected_here: list[int] = []
_deselected_by_workers: list[int] = []


def pytest_deselected(items: list[pytest.Item]) -> None:
    _deselected_here.append(len(items))


def pytest_sessionfinish(session: pytest.Session) -> None:
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["deselected"] = sum(_deselected_here)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    _deselected_by_workers.append(int(node.workeroutput.get("deselected", 0)))


def _left_out(terminalreporter: Any) -> int:
    here = len(terminalreporter.stats.get("deselected", []))
    return here or max(_deselected_by_workers, default=0)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    counts: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        reason = _skip_reason(report).lower()
        need = next((text for word, text in NEEDS.items() if word in reason), None)
        if need:
            counts[need] += 1
    left_out = _left_out(terminalreporter)
    # --quick's second part (the tests that run in one process) leaves out the first part
    quick = os.environ.get("ACUPRESSURE_QUICK_TESTS") == "1"
    quick = quick and not str(config.option.markexpr).endswith("and serial")
    if not counts and not (quick and left_out):
        return
    terminalreporter.write_sep("=", "tests not run here, and what they need")
    for need, count in counts.most_common():
        terminalreporter.write_line(f"{count} skipped: need {need}")
    if quick and left_out:
        terminalreporter.write_line(
            f"{left_out} deselected (--quick leaves out the browser, PostgreSQL, outside "
            "judge and slow tests, and runs the serial ones next, in one process): "
            "bash scripts/test.sh runs them all"
        )


# Tests that render PDFs, start a server or a process each, or run MediaPipe over many
# photos, seconds each: marked slow here, in one list, so that `scripts/test.sh --quick`
# leaves them out (a whole file, or the tests whose id starts so). The whole suite runs them.
SLOW = (
    "tests/exports/test_pdfs.py",
    "tests/i18n/test_exports.py::test_a_",
    "tests/i18n/test_exports.py::test_the_scan_finds_an_english_handout",
    "tests/i18n/test_exports.py::test_the_page_says_its_language",
    "tests/web/test_handouts.py",
    "tests/web/test_serve_workers.py",
    "tests/web/test_practice_fuzz.py::test_every_field_survives_the_hostile_shapes[/clients/{link}/routine.pdf]",
    "tests/web/test_authorization.py::test_authorization_matrix[GET /program/{program}/routine",
    "tests/web/test_authorization.py::test_authorization_matrix[GET /diary/progress.pdf",
    "tests/web/test_authorization.py::test_authorization_matrix[POST /clients/{link}/routine.pdf]",
    "tests/web/test_authorization.py::test_authorization_matrix[POST /clients/{made_link}/routine",
    "tests/i18n/test_cli.py::test_every_command_help_is_translated[",
    "tests/project/test_cli_start_benchmark.py::test_prints_the_interpreter_the_floor_and_the_",
    "tests/vision/test_press_alone.py",
    "tests/vision/test_press_photos.py::test_composites_with_the_hand_seen_alone_before",
)
# ... except these, which --quick keeps as the smoke test of their feature.
SMOKE = (
    "tests/i18n/test_cli.py::test_every_command_help_is_translated[acupressure-",
    "tests/i18n/test_cli.py::test_every_command_help_is_translated[program create-",
)


# Tests that cannot run under pytest-xdist: Schemathesis there tries only the first API
# operation. --quick runs them in one process after the others; the whole suite is serial.
SERIAL = ("tests/web/test_api_fuzz.py",)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(SLOW) and not item.nodeid.startswith(SMOKE):
            item.add_marker(pytest.mark.slow)
        if item.nodeid.startswith(SERIAL):
            item.add_marker(pytest.mark.serial)
