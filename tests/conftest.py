"""Every test starts in English, whatever the machine's LANG says, and leaves it so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from acupressure import i18n


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANGUAGE", "en")
    with i18n.use("en"):
        yield
    i18n.activate("en")
