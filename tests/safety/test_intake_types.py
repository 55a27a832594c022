"""The intake takes JSON's own types only: no true-as-1, no "yes"-as-true."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from acupressure.safety import Intake


@pytest.mark.parametrize(
    "extra",
    [
        {"pain": False},
        {"minutes": True},
        {"minutes": "10"},
        {"minutes": 10.5},
        {"pain": "3"},
        {"pregnant": "yes"},
        {"pregnant": 1},
        {"helper": "on"},
        {"seen_clinician": "true"},
        {"pregnant": True, "trimester": True},
        {"pregnant": True, "trimester": "2"},
    ],
)
def test_intake_rejects_values_of_the_wrong_type(extra: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Intake.model_validate({"areas": ["neck"], "red_flags": [], **extra})


def test_intake_still_takes_json_types_and_round_trips() -> None:
    intake = Intake.model_validate_json(
        '{"areas": ["neck"], "red_flags": [], "pregnant": true, "trimester": 2, "minutes": 10,'
        ' "pain": 0}'
    )
    assert intake.trimester == 2 and intake.pain == 0
    assert (
        Intake.model_validate({"areas": ["neck"], "red_flags": [], "minutes": 10.0}).minutes == 10
    )
    assert Intake.model_validate(intake.model_dump()) == intake


def test_red_flags_are_required_so_no_intake_skips_screening() -> None:
    with pytest.raises(ValidationError, match="red_flags"):
        Intake.model_validate({"areas": ["neck"]})


def test_might_be_pregnant_is_pregnant_with_the_trimester_unknown() -> None:
    intake = Intake.model_validate({"areas": ["neck"], "red_flags": [], "maybe_pregnant": True})
    assert intake.pregnant and intake.trimester is None
    with pytest.raises(ValidationError, match="maybe_pregnant"):
        Intake.model_validate(
            {"areas": ["neck"], "red_flags": [], "maybe_pregnant": True, "trimester": 2}
        )
