"""Spoken cues: espeak-ng when asked for and installed, silence otherwise."""

import shutil

import pytest

from acupressure.cli.views.devices import Speaker


def test_voice_off_never_speaks() -> None:
    speaker = Speaker(False)
    assert not speaker.available
    speaker.say("Press")  # no process, no error
    assert speaker._proc is None


def test_voice_without_espeak_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    speaker = Speaker(True)
    assert not speaker.available
    speaker.say("Press")
    assert speaker._proc is None


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_voice_with_espeak_starts_a_process_and_stops_it() -> None:
    speaker = Speaker(True)
    assert speaker.available
    speaker.say("Press gently")
    assert speaker._proc is not None
    speaker.stop()
    assert speaker._proc is None
