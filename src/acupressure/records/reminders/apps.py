from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "acupressure.records.reminders"
    label = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from acupressure.records.reminders.store import program_saved

        post_save.connect(program_saved, sender="web.ProgramRecord", dispatch_uid="reminders-plan")
