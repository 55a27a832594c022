"""The public API of each package, pinned: adding or removing a name is a decision.

Change the list here together with the package's ``__all__`` and its docs.
"""

from __future__ import annotations

import importlib

import pytest

PUBLIC: dict[str, list[str]] = {
    "acupressure.atlas": [
        "AtlasDataError", "Match", "Point", "PointNotFoundError", "Source", "all_points",
        "get", "index", "normalise", "points_in", "resolve", "reviewer", "sources",
    ],
    "acupressure.body": [
        "CUN_MM", "HEIGHT_MM", "SIDES", "VIEWS", "ChartData", "ChartPosition", "CunSegment",
        "Frame", "HasRule", "Landmark", "LandmarkSet", "LocationRule", "MissingLandmarkError",
        "Offset", "Onto", "Placement",
        "PlacementSide", "RuleError", "Side", "Vec", "View", "ViewSpec", "canonical",
        "chart_data", "evaluate", "evaluate_rule", "finger_measure", "landmark_names", "spec",
    ],
    "acupressure.charts": ["FORMATS", "chart_png", "chart_svg", "points_for", "write_chart"],
    "acupressure.i18n": [
        "DEFAULT", "LANGUAGES", "Labels", "NAMES", "N_", "Language", "TranslationError", "activate",
        "current", "from_accept_language", "from_environment", "gettext", "html_lang",
        "localize", "ngettext", "number", "parse", "review_mark", "text_keys", "translations",
        "use",
    ],
    "acupressure.outcomes": [
        "ENV", "AnswerError", "Change", "Item", "Questionnaire", "QuestionnaireDataError",
        "Result", "baseline", "change", "meaningful", "parse", "questionnaires", "score",
        "weekly",
    ],
    "acupressure.program": [
        "Design",
        "DoneSession", "Program", "ProgramError", "Rescreen", "Schedule", "Slot", "SlotKind",
        "Today", "TodayReport", "WeekAdherence", "adherence", "all_slots", "design",
        "design_prescribed", "end_of", "next_change",
        "plan_for_slot", "press_seconds", "report", "rescreen", "rescreen_due", "today",
        "week_of",
    ],
    "acupressure.plan": [
        "Exclusion", "Plan", "PlannedPoint", "Step", "build_plan", "plan_json", "questions",
        "ranked_points", "shortest_minutes",
    ],
    "acupressure.safety": [
        "GENERAL_ADVICE", "AskedWhen", "Condition", "Effect", "Intake", "PregnancyRule",
        "RaisedFlag", "RedFlag", "SafetyDataError", "Screened", "Screening", "Urgency",
        "conditions", "localized_advice", "pregnancy_rule", "red_flags", "relevant_flags",
        "reviewer", "screen", "screened",
    ],
    "acupressure.session": [
        "Clock", "Event", "JsonlStore", "Keys", "NullStore", "PlanSummary", "Player",
        "SessionRecord", "SessionStore", "default_log_path", "handle_key", "make_record",
        "monotonic", "run",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_names_are_pinned(name: str) -> None:
    module = importlib.import_module(name)
    assert sorted(module.__all__) == sorted(PUBLIC[name])
    assert len(set(module.__all__)) == len(module.__all__), "a name listed twice"


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_every_public_name_exists(name: str) -> None:
    module = importlib.import_module(name)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing
