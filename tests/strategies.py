"""Hypothesis strategies shared by the property tests (not a test module)."""

from __future__ import annotations

import os

from hypothesis import strategies as st

from acupressure.atlas.models import AREAS
from acupressure.safety import Intake, conditions, red_flags


def examples(full: int) -> int:
    """How many examples a property test tries: ``full`` in the whole suite, a tenth (at least
    10) in ``scripts/test.sh --quick``, which sets ACUPRESSURE_QUICK_TESTS=1."""
    if os.environ.get("ACUPRESSURE_QUICK_TESTS") == "1":
        return max(10, full // 10)
    return full


@st.composite
def intakes(draw: st.DrawFn) -> Intake:
    """Any screened intake: areas, pregnancy, helper, conditions, red flags and time."""
    pregnant = draw(st.booleans())
    return Intake(
        areas=draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=4, unique=True)),
        pregnant=pregnant,
        maybe_pregnant=draw(st.booleans()) if not pregnant else False,
        trimester=draw(st.sampled_from([None, 1, 2, 3])) if pregnant else None,
        helper=draw(st.booleans()),
        conditions=draw(st.lists(st.sampled_from(sorted(conditions())), max_size=3, unique=True)),
        red_flags=draw(
            st.one_of(
                st.just([]),
                st.lists(st.sampled_from(sorted(red_flags())), max_size=2, unique=True),
            )
        ),
        seen_clinician=draw(st.booleans()),
        minutes=draw(st.one_of(st.none(), st.integers(min_value=1, max_value=60))),
    )
