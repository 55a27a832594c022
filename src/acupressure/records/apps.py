from __future__ import annotations

from django.apps import AppConfig


class RecordsConfig(AppConfig):
    """The records' Django app. Its label stays ``web``: the tables (``web_*``), the
    migrations' history and the content types of existing databases keep their names."""

    name = "acupressure.records"
    label = "web"
    verbose_name = "Acupressure"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from acupressure.records import (
            client_summary,
            records_version,  # noqa: F401 - connects its receivers
        )

        client_summary.connect()  # the practitioners' list rows go stale on each write
