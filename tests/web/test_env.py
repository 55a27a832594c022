"""Settings helpers fail loudly, naming the variable."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from acupressure.records.env import env_bool, env_int, env_list, env_str


def test_yes_no_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='maybe'"):
        env_bool("X_FLAG")


def test_whole_numbers_with_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    assert env_int("X_UNSET_NUMBER", 20) == 20
    monkeypatch.setenv("X_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_NUMBER"):
        env_int("X_NUMBER", 1)
    monkeypatch.setenv("X_NUMBER", "0")
    with pytest.raises(ImproperlyConfigured, match="minimum 1"):
        env_int("X_NUMBER", 5, minimum=1)


def test_required_string_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImproperlyConfigured, match="X_REQUIRED is required"):
        env_str("X_REQUIRED")
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]
