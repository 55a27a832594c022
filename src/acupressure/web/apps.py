from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "acupressure.web"
    label = "web"
    verbose_name = "Acupressure"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from acupressure.web import records_version  # noqa: F401 - connects its receivers
