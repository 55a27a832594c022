from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from acupressure.records import clock
from acupressure.records.models import (
    CheckIn,
    PracticeSession,
    PractitionerLink,
    PractitionerProfile,
)
from acupressure.records.signin import issue_token
from acupressure.web.links import absolute


@admin.register(PractitionerLink)
class PractitionerLinkAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("practitioner", "client", "label", "active", "consented_at", "withdrawn_at")


@admin.register(PracticeSession)
class PracticeSessionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("owner", "created_at", "source", "pain_before", "pain_after")
    list_filter = ("source",)


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("owner", "day", "area", "pain")


@admin.register(PractitionerProfile)
class PractitionerProfileAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Add a practitioner: pick (or add) a user, give the name; then "one-time sign-in link"."""

    list_display = ("name", "user", "created_at")
    actions = ("signin_link",)
    exclude = ("created_at",)

    @admin.action(description="Make a one-time sign-in link")
    def signin_link(self, request: HttpRequest, queryset: QuerySet[PractitionerProfile]) -> None:
        for profile in queryset:
            link = absolute(request, f"/signin/link/{issue_token(profile.user)}/")
            self.message_user(request, f"{profile.name}: {link}")

    def save_model(
        self, request: HttpRequest, obj: PractitionerProfile, form: Any, change: bool
    ) -> None:
        if not change:
            obj.created_at = clock.now()
        super().save_model(request, obj, form, change)
