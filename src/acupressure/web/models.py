"""What the web app stores. Every personal record has an owner; practitioners see their clients'.

- :class:`PractitionerLink`: a practitioner may read (not edit) a client's diary.
- :class:`PracticeSession`: one guided session (web or terminal): routine, pain before/after.
- :class:`CheckIn`: a daily pain score for one area, with an optional note.
- :class:`SignInToken`: the single-use sign-in link `acupressure serve` prints.
- :class:`DiaryAccess`: the access log, one row each time a practitioner opens a client's diary.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy

from acupressure.atlas import labels

PAIN = [MinValueValidator(0), MaxValueValidator(10)]

# Lazy: Django reads the label in the page's language (one catalog with the core's labels).
AREA_CHOICES = [(key, gettext_lazy(labels.AREAS.english(key))) for key in labels.AREAS]


class PractitionerLink(models.Model):
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_links"
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner_links"
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["practitioner", "client"], name="unique_practitioner_client"
            ),
        )

    def __str__(self) -> str:
        return f"{self.practitioner} -> {self.client}"


class SessionQuerySet(models.QuerySet["PracticeSession"]):
    def started(self) -> SessionQuerySet:
        """Sessions that happened: the person pressed Start (opened players are not)."""
        return self.filter(started_at__isnull=False)


class PracticeSession(models.Model):
    SOURCES = (("web", gettext_lazy("Browser")), ("terminal", gettext_lazy("Terminal")))

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_sessions"
    )
    source = models.CharField(max_length=16, choices=SOURCES, default="web")
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)  # None: opened, never started
    finished_at = models.DateTimeField(null=True, blank=True)
    areas = models.JSONField(default=list)
    intake = models.JSONField(default=dict)
    plan = models.JSONField(default=dict)
    pain_before = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    pain_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    on_target = models.JSONField(default=dict, blank=True)  # camera: seconds per point code
    completed_steps = models.PositiveIntegerField(default=0)
    total_steps = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=500, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["owner", "created_at"], name="session_owner_created"),)

    def __str__(self) -> str:
        return f"session {self.pk} of {self.owner} at {self.created_at:%Y-%m-%d %H:%M}"


class CheckIn(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField()
    area = models.CharField(max_length=16, choices=AREA_CHOICES)
    pain = models.PositiveSmallIntegerField(validators=PAIN)
    note = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ("-day", "area")
        constraints = (
            models.UniqueConstraint(
                fields=["owner", "day", "area"], name="one_check_in_per_area_day"
            ),
        )

    def __str__(self) -> str:
        return f"{self.owner} {self.day} {self.area}: {self.pain}"


class SignInToken(models.Model):
    nonce = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"sign-in token for {self.user} ({'used' if self.used_at else 'unused'})"


class DiaryAccess(models.Model):
    """A practitioner opened a client's diary (page or download): shown to the client."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_accesses"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_reads"
    )
    at = models.DateTimeField()
    what = models.CharField(max_length=64)  # the path opened, e.g. /diary/ or /diary/export.csv

    class Meta:
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=["owner", "at"], name="access_owner_at"),)

    def __str__(self) -> str:
        return f"{self.viewer} opened {self.what} of {self.owner} at {self.at:%Y-%m-%d %H:%M}"
