"""A real `acupressure session` in a pseudo-terminal: questions, pain, keys, summary, saved."""

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from acupressure.plan import questions
from acupressure.safety import Intake

pytestmark = pytest.mark.slow


def spawn(
    args: list[str], tmp_path: Path, path: str = "/usr/bin:/bin", data_dir: Path | None = None
) -> pexpect.spawn:
    env = {
        "XDG_DATA_HOME": str(tmp_path),
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm",
        "PATH": path,
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    if data_dir is not None:
        env["ACUPRESSURE_DATA_DIR"] = str(data_dir)
    return pexpect.spawn(
        sys.executable,
        ["-m", "acupressure", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )


def answer_red_flags(child: pexpect.spawn, areas: list[str]) -> None:
    """Answer no to exactly the questions relevant to these areas: no more are asked."""
    for flag in questions(Intake(areas=areas, red_flags=[])):  # type: ignore[arg-type]
        child.expect(r"(\d+)\. (.*) \[y/n\]: ")
        assert flag.question[:40] in child.match.group(2)
        child.sendline("n")


def test_guided_session_runs_to_the_end_and_is_saved(tmp_path: Path) -> None:
    child = spawn(
        [
            "session",
            "--area",
            "neck",
            "--not-pregnant",
            "--minutes",
            "3",
            "--speed",
            "25",
            "--save",
        ],
        tmp_path,
    )
    answer_red_flags(child, ["neck"])
    child.expect("Your routine")
    child.expect(r"Pain right now \(0-10, Enter to skip\): ")
    child.sendline("6")
    child.expect("press Enter to start")
    child.sendline("")
    child.expect("GB21")  # the first point of the neck routine is on screen
    child.send("p")
    child.expect("PAUSED")
    child.send(" ")
    child.expect(r"Finished: (\d+) of (\d+) steps done")
    done, total = child.match.group(1), child.match.group(2)
    child.expect(r"Pain now, after the session \(0-10, Enter to skip\): ")
    child.sendline("4")
    child.expect("pain 6 -> 4")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert done == total
    lines = (tmp_path / "acupressure" / "sessions.jsonl").read_text().splitlines()
    record = json.loads(lines[-1])
    assert record["completed"] is True and record["pain_before"] == 6
    assert record["pain_after"] == 4 and record["areas"] == ["neck"]
    assert record["steps_completed"] == int(total)


def test_quitting_keeps_what_was_done(tmp_path: Path) -> None:
    args = ["session", "--area", "neck", "--not-pregnant", "--minutes", "3", "--save", "--voice"]
    args += ["--speed", "20"]
    child = spawn(args, tmp_path, path=str(tmp_path))  # no espeak-ng on this PATH
    answer_red_flags(child, ["neck"])
    child.expect("espeak-ng is not installed, so the session stays silent")
    child.expect("Pain right now")
    child.sendline("")
    child.expect("press Enter to start")
    child.sendline("")
    child.expect("Settle in")
    child.expect(r" 2/\d+")  # the second step is on: the first is done
    child.send("s")  # skip the next one
    child.send("q")
    child.expect(r"Stopped early: (\d+) of \d+ steps done")
    child.expect("Pain now")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    record = json.loads((tmp_path / "acupressure" / "sessions.jsonl").read_text())
    assert record["completed"] is False and record["steps_skipped"] >= 1
    assert record["steps_completed"] >= 1 and record["pain_before"] is None


def test_quitting_before_any_step_is_done_keeps_nothing(tmp_path: Path) -> None:
    args = ["session", "--area", "neck", "--no-red-flags", "--not-pregnant", "--save"]
    child = spawn(args, tmp_path)
    child.expect("Pain right now")
    child.sendline("")
    child.expect("press Enter to start")
    child.sendline("")
    child.expect("Settle in")
    child.send("s")  # skipped is not done
    child.send("q")
    child.expect(r"Stopped early: 0 of \d+ steps done")
    child.expect("Pain now")
    child.sendline("")
    child.expect("No step was done, so nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (tmp_path / "acupressure" / "sessions.jsonl").exists()


def test_an_emergency_answer_stops_the_session_with_exit_4(tmp_path: Path) -> None:
    child = spawn(["session", "--area", "lower-back", "--not-pregnant"], tmp_path)
    child.expect(r"\[y/n\]: ")
    child.sendline("y")
    child.expect("EMERGENCY")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4


def test_plan_in_a_terminal_asks_the_questions_first_on_stderr(tmp_path: Path) -> None:
    child = spawn(["plan", "--area", "neck", "--pregnant"], tmp_path)
    asked = questions(Intake(areas=["neck"], pregnant=True, red_flags=[]))
    assert any(f.id.startswith("pregnancy-") for f in asked)
    for _ in asked:
        child.expect(r"\[y/n\]: ")
        child.sendline("n")
    child.expect("Your routine")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_session_save_respects_acupressure_data_dir(tmp_path: Path) -> None:
    data = tmp_path / "elsewhere"
    args = ["session", "--area", "neck", "--minutes", "2", "--speed", "50", "--save"]
    args += ["--no-red-flags", "--not-pregnant"]
    child = spawn(args, tmp_path, data_dir=data)
    child.expect("Pain right now")
    child.sendline("")
    child.expect("press Enter to start")
    child.sendline("")
    child.expect("Pain now")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert (data / "sessions.jsonl").exists()
    assert not (tmp_path / "acupressure" / "sessions.jsonl").exists()
