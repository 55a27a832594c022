from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "acupressure.web"
    label = "web"
    verbose_name = "Acupressure"
    default_auto_field = "django.db.models.BigAutoField"
