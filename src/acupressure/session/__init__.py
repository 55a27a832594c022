"""Guided sessions without terminal I/O: the player, the loop, the record and its store.

>>> from acupressure.session import Player, monotonic
"""

from __future__ import annotations

from acupressure.session.clock import Clock, monotonic
from acupressure.session.player import Event, Player
from acupressure.session.record import (
    JsonlStore,
    NullStore,
    PlanSummary,
    SessionRecord,
    SessionStore,
    default_log_path,
    make_record,
)
from acupressure.session.runner import Keys, handle_key, run

__all__ = [
    "Clock",
    "Event",
    "JsonlStore",
    "Keys",
    "NullStore",
    "PlanSummary",
    "Player",
    "SessionRecord",
    "SessionStore",
    "default_log_path",
    "handle_key",
    "make_record",
    "monotonic",
    "run",
]
