"""Where `acupressure session --save` keeps a session, behind the session's store Protocol.

The session command is given a store and calls ``store.save(record)``; it knows neither
files nor databases. The database-backed diary store (``acupressure.records.store``, shared with
the web app, never its views) is opened only when saving, and only when the `web` extra is
installed.
"""

from __future__ import annotations

from acupressure.cli.common import err_console
from acupressure.i18n import gettext as _
from acupressure.session import JsonlStore, NullStore, SessionRecord, SessionStore


class SavingStore:
    """The JSON-lines log in the data folder, and the web diary when it can be reached."""

    def __init__(self, log: JsonlStore | None = None) -> None:
        self.log = log or JsonlStore()

    def save(self, record: SessionRecord) -> None:
        self.log.save(record)
        err_console.print(_("Saved to {path}").format(path=self.log.path))
        from acupressure.records.store import open_diary_store  # the store, not the web's views

        try:
            diary = open_diary_store()
        except ImportError:  # the web extra (Django) is not installed
            return
        diary.save(record)
        err_console.print(_("Also saved to your diary (acupressure serve, /diary/)."))


def session_store(save: bool) -> SessionStore:
    """The store `acupressure session` is given: saving, or nothing kept."""
    return SavingStore() if save else NullStore()
