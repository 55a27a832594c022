"""The budget reason reads as English for one minute too."""

from acupressure.plan import build_plan
from acupressure.safety import Intake


def test_a_one_minute_budget_says_1_minute() -> None:
    plan = build_plan(Intake(red_flags=[], areas=["neck"], minutes=1))
    reasons = [e.reason for e in plan.excluded if e.kind == "budget"]
    assert reasons and all("fit 1 minute " in r for r in reasons), reasons
