from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    """The web app's templates, static files and template tags; it has no models (those
    are :mod:`acupressure.records`, which keeps the app label ``web``)."""

    name = "acupressure.web"
    label = "site"
    verbose_name = "Acupressure web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from acupressure.web.reminders.signals import forget_device

        user_logged_out.connect(forget_device, dispatch_uid="reminders-forget-device")
