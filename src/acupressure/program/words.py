"""How a program's states and durations read for a person, in the current language (the
terminal, the PDFs and the web share these words)."""

from __future__ import annotations

from acupressure.i18n import N_, Labels
from acupressure.i18n import gettext as _

STATUS = Labels({"active": N_("active"), "stopped": N_("stopped"), "finished": N_("finished")})
STATE = Labels({"done": N_("done"), "due": N_("due"), "missed": N_("missed"), "later": N_("later")})
# Why a program stopped, as stored (in English; shown through the catalog).
STOPPED_BY_YOU = N_("stopped by you")
SAFETY_ANSWER = N_("a safety answer")
PREGNANCY_CHANGED = N_("a new answer about pregnancy")


def minutes(seconds: int) -> str:
    """``2 min 05 s`` or ``45 s``."""
    if seconds >= 60:
        return _("{m} min {s} s").format(m=seconds // 60, s=f"{seconds % 60:02d}")
    return _("{s} s").format(s=seconds)


def whole_minutes(seconds: int) -> str:
    """``2 min`` or ``45 s`` (for tables where seconds would be noise)."""
    if seconds >= 60:
        return _("{m} min").format(m=seconds // 60)
    return _("{s} s").format(s=seconds)
