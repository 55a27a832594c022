"""What a session leaves behind, and where it goes.

``SessionRecord`` is the result of one guided session. A :class:`SessionStore` saves it; the
library's default is :class:`NullStore` (saves nothing). :class:`JsonlStore` appends one JSON
line per session to a file, by default ``sessions.jsonl`` in the data folder
(:func:`acupressure.paths.data_dir`: ``ACUPRESSURE_DATA_DIR`` or the platform's). The web
app plugs in its own store (the diary database) by implementing ``save(record)``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Protocol

from pydantic import BaseModel, ConfigDict, Field

from acupressure.atlas.models import Area
from acupressure.paths import data_dir
from acupressure.plan.models import Plan
from acupressure.session.player import Player

Pain = Annotated[int, Field(ge=0, le=10)]


class PlanSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    points: list[str]  # codes in session order
    total_seconds: int
    steps_total: int
    budget_seconds: int | None


class SessionRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    started_at: datetime
    ended_at: datetime
    areas: list[Area]
    plan: PlanSummary
    steps_completed: int
    steps_skipped: int
    seconds_done: int  # plan seconds played (skipped time not counted)
    seconds_pressed: int = 0  # of those, the seconds of press steps
    completed: bool  # played to the end (skipping steps allowed), not quit
    pain_before: Pain | None = None
    pain_after: Pain | None = None


def make_record(
    plan: Plan,
    player: Player,
    started_at: datetime,
    ended_at: datetime,
    pain_before: int | None = None,
    pain_after: int | None = None,
) -> SessionRecord:
    done = sum(player.steps[i].seconds for i in player.completed)
    pressed = sum(
        player.steps[i].seconds for i in player.completed if player.steps[i].kind == "press"
    )
    return SessionRecord(
        started_at=started_at,
        ended_at=ended_at,
        areas=plan.areas,
        plan=PlanSummary(
            points=[p.code for p in plan.points],
            total_seconds=plan.total_seconds,
            steps_total=len(plan.steps),
            budget_seconds=plan.budget_seconds,
        ),
        steps_completed=len(player.completed),
        steps_skipped=len(player.skipped),
        seconds_done=done,
        seconds_pressed=pressed,
        completed=player.state == "finished",
        pain_before=pain_before,
        pain_after=pain_after,
    )


class SessionStore(Protocol):
    def save(self, record: SessionRecord) -> None: ...


class NullStore:
    """Saves nothing."""

    def save(self, record: SessionRecord) -> None:
        return None


def default_log_path() -> Path:
    return data_dir(create=False) / "sessions.jsonl"


class JsonlStore:
    """Appends one JSON line per session."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_log_path()

    def save(self, record: SessionRecord) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as file:
            file.write(record.model_dump_json() + "\n")

    def load(self) -> list[SessionRecord]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [SessionRecord.model_validate_json(line) for line in lines if line.strip()]
