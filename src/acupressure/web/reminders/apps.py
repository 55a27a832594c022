from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "acupressure.web.reminders"
    label = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out
        from django.db.models.signals import post_save

        from acupressure.web.reminders.signals import forget_device, program_saved

        user_logged_out.connect(forget_device, dispatch_uid="reminders-forget-device")
        post_save.connect(program_saved, sender="web.ProgramRecord", dispatch_uid="reminders-plan")
