from __future__ import annotations

from django.contrib import admin

from acupressure.web.models import CheckIn, PracticeSession, PractitionerLink


@admin.register(PractitionerLink)
class PractitionerLinkAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("practitioner", "client", "active", "created_at")


@admin.register(PracticeSession)
class PracticeSessionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("owner", "created_at", "source", "pain_before", "pain_after")
    list_filter = ("source",)


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("owner", "day", "area", "pain")
