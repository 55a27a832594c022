"""The session loop, free of terminal I/O: wait for the next deadline or a key, react.

Keys: ``p`` or space pause/resume, ``s`` skip the step, ``n`` skip the rest of the point,
``q`` quit (what was done is kept). The wait never overshoots a step boundary: it is the time
to the next deadline (computed from the session start), capped by ``refresh`` so a display
can redraw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from acupressure.session.player import Event, Player


class Keys(Protocol):
    def wait(self, timeout: float) -> str | None:
        """Wait up to ``timeout`` seconds for a key; return it, or None on timeout."""


def handle_key(player: Player, key: str) -> list[Event]:
    if key in ("p", " "):
        return player.toggle()
    if key == "s":
        return player.skip()
    if key == "n":
        return player.skip(whole_point=True)
    if key == "q":
        return player.quit()
    return []


def run(
    player: Player,
    keys: Keys,
    on_event: Callable[[Event], None] = lambda e: None,
    on_tick: Callable[[Player], None] = lambda p: None,
    refresh: float = 0.1,
) -> Player:
    """Play to the end or until quit; returns the player (its ``completed``, ``state``...)."""
    for event in player.start():
        on_event(event)
    while player.active:
        on_tick(player)
        deadline = player.deadline()
        timeout = refresh
        if deadline is not None:
            timeout = max(0.0, min(refresh, deadline - player.clock()))
        key = keys.wait(timeout)
        events = handle_key(player, key) if key else []
        events += player.poll()
        for event in events:
            on_event(event)
    on_tick(player)
    return player
