from __future__ import annotations

from django.apps import AppConfig


class CameraConfig(AppConfig):
    name = "acupressure.web.camera"
    label = "camera"
    verbose_name = "Camera guidance"
