"""Helpers for the program tests: make a program through the web, answer a weekly check."""

from __future__ import annotations

import json
from typing import Any

from acupressure.records.models import PracticeSession, ProgramRecord
from acupressure.safety import Intake

INTAKE = Intake(areas=["upper-back"], red_flags=[]).model_dump_json()
SESSION_INTAKE = json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})
ACTIVITIES = ["sitting at my desk", "carrying shopping", "turning my head"]


def make(client: Any, **extra: str) -> ProgramRecord:
    """A 2-week upper-back program at 09:00 UTC (the web tests' clock starts at 09:00), made
    as "Make it a program" does."""
    form = {"intake": INTAKE, "weeks": "2", "per_day": "1", "at": "09:00", "tz": "UTC"}
    form.update(extra)
    response = client.post("/program/new/", form)
    assert response.status_code == 302, response.content
    program = ProgramRecord.objects.latest("id")
    assert response["Location"] == f"/program/{program.pk}/check/?week=0"
    return program


def check(client: Any, pk: int, week: int, pain: int, rating: int | None, acts: list[int]) -> Any:
    """Answer the check of a week: pain, activity ratings (named), the change rating."""
    form: dict[str, str] = {"q-pain-week-pain": str(pain)}
    for i, value in enumerate(acts, 1):
        form[f"q-activities-activity-{i}-name"] = ACTIVITIES[i - 1]
        form[f"q-activities-activity-{i}-rating"] = str(value)
    if rating is not None:
        form["q-change-rating"] = str(rating)
    return client.post(f"/program/{pk}/check/?week={week}", form)


def start(client: Any, intake: str = SESSION_INTAKE) -> PracticeSession:
    """A session started from a plan, as the plan page's "Start the guided session" does."""
    response = client.post("/session/start/", {"intake": intake})
    assert response.status_code == 302, response.content
    return PracticeSession.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))
