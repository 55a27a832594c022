from __future__ import annotations

from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "acupressure.web.language"
    label = "language"
    verbose_name = "Language"
