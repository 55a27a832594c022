from __future__ import annotations

from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "acupressure.records.language"
    label = "language"
    verbose_name = "Language"
