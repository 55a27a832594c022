"""No sentence of the source article is copied into the product."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed"


def _sentences() -> set[str]:
    files = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not files:
        pytest.skip(f"the source article is not at {SEED}")
    text = files[0].read_text(encoding="utf-8")
    title, _, body = text.partition("\n")  # the title is cited (sources.yaml), not copied
    parts = re.split(r"(?<=[.!?])\s+|\n", body)
    return {" ".join(p.split()) for p in parts if len(p.strip()) >= 40} - {title.strip()}


def test_no_article_sentence_in_tracked_files() -> None:
    sentences = _sentences()
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    copied = []
    for name in filter(None, listed):
        try:
            body = " ".join((ROOT / name).read_text(encoding="utf-8").split())
        except (OSError, UnicodeDecodeError):
            continue
        copied += [f"{name}: {s[:60]}" for s in _copied(body, sentences)]
    assert not copied, copied


def _copied(body: str, sentences: set[str]) -> list[str]:
    return [s for s in sentences if s in body]


def test_the_check_catches_a_planted_copy_across_line_breaks() -> None:
    sentences = _sentences()
    assert len(sentences) > 30
    sample = sorted(sentences)[0]
    words = sample.split()
    planted = " ".join(["intro", *words[:3]]) + "\n   " + " ".join(words[3:])
    assert _copied(" ".join(planted.split()), sentences) == [sample]
