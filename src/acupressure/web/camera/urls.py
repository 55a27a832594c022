"""Included from the project's urls with one line."""

from __future__ import annotations

from django.urls import path

from acupressure.web.camera import views

urlpatterns = [
    path("camera/", views.camera, name="camera"),
    path("camera/live/", views.live, name="camera-live"),
    path("api/locate/landmarks", views.landmarks, name="camera-landmarks"),
]
