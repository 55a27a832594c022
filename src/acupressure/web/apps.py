from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "acupressure.web"
    label = "web"
    verbose_name = "Acupressure"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from acupressure.web import client_summary

        client_summary.connect()  # the practitioners' list rows go stale on each write
