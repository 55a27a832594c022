"""Outcomes: questionnaires as data, their scoring, and meaningful change.

    >>> from acupressure.outcomes import questionnaires, score
    >>> q = questionnaires()["pain-week"]
    >>> score(q, {"pain": 6}).scores
    {'pain': 6.0}

The built-in ones (pain this week, activities, change) are the weekly check of a program.
"""

from __future__ import annotations

from acupressure.outcomes.loader import (
    ENV,
    QuestionnaireDataError,
    baseline,
    parse,
    questionnaires,
    weekly,
)
from acupressure.outcomes.models import Item, Questionnaire
from acupressure.outcomes.scoring import AnswerError, Change, Result, change, meaningful, score

__all__ = [
    "ENV",
    "AnswerError",
    "Change",
    "Item",
    "Questionnaire",
    "QuestionnaireDataError",
    "Result",
    "baseline",
    "change",
    "meaningful",
    "parse",
    "questionnaires",
    "score",
    "weekly",
]
