"""Included from the project's urls with one line."""

from __future__ import annotations

from django.urls import path

from acupressure.web.language import views

urlpatterns = [path("language/", views.switch, name="language")]
