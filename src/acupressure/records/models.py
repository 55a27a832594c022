"""What the web app stores. Every personal record has an owner; practitioners see their clients'.

- :class:`PractitionerLink`: a practitioner may read (not edit) a client's diary.
- :class:`PracticeSession`: one guided session (web or terminal): routine, pain before/after.
- :class:`CheckIn`: a daily pain score for one area, with an optional note.
- :class:`SignInToken`: the single-use sign-in link `acupressure serve` prints.
- :class:`DiaryAccess`: the access log, one row each time a practitioner reads or does something
  in a client's account (:class:`Action` says what).
- :class:`ProgramRecord`: a program (weeks of practice on a schedule); sessions may belong to one.
- :class:`QuestionnaireAnswer`: a filled-in questionnaire, such as a program's weekly check.
- :class:`PractitionerProfile`: marks an account as a practitioner's, with the name shown.
- :class:`Prescription`: one version of a practitioner's prescription for a client's program.
- :class:`RecordsVersion`: a number per person, drawn anew by every write that changes their
  pages (``records/records_version.py``; ``web/personal.py`` keys its page cache by it).
- :class:`ClientSummary`: one client's row of a practitioner's list (/clients/), kept up to date
  (records/client_summary.py) so the list reads a page of rows sorted in SQL.
- :class:`ListVersion`: the state of a practitioner's list as a whole, drawn anew whenever any
  of its rows is marked stale (``web/client_list_page.py`` keys the cached page by it).
- :class:`Installation`: one row, this installation's random id (made by a migration, so it
  travels with the data in a dump), part of every FHIR id and calendar UID we hand out.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.utils.translation import gettext_lazy

from acupressure.atlas import labels

PAIN = [MinValueValidator(0), MaxValueValidator(10)]

# Lazy: Django reads the label in the page's language (one catalog with the core's labels).
AREA_CHOICES = [(key, gettext_lazy(labels.AREAS.english(key))) for key in labels.AREAS]


class PractitionerLink(models.Model):
    """A practitioner's client. ``active`` only while the client consents: a link a
    practitioner makes starts inactive, the client's consent turns it on, withdrawal off."""

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_links"
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner_links"
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()
    label = models.CharField(max_length=80, blank=True)  # a name or a pseudonym
    named = models.BooleanField(default=False)  # the label is the client's real name
    year_of_birth = models.PositiveSmallIntegerField(null=True, blank=True)
    invite_code = models.CharField(max_length=16, null=True, blank=True, unique=True)
    consented_at = models.DateTimeField(null=True, blank=True)
    share_notes = models.BooleanField(default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    screening_by_client = models.BooleanField(default=False)  # asked at first sign-in
    intake = models.JSONField(null=True, blank=True)  # screening answers (assessment)
    # The account the practitioner made with this link (``add_client``). While it is still
    # the link's client and nobody has signed into it, the practitioner may hand out sign-in
    # links for it (records/access.py). When an existing person takes up the invitation code, the
    # link moves to their account and this one waits (with what was prepared in it) for
    # their answer: yes moves the prepared programs over, and the made account goes.
    made_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # the client's time zone as their browser reported it when they answered (prescribing's
    # default, so a prescription's 08:00 is the client's 08:00)
    timezone = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = (
            # one open link per practitioner and client; ended ones stay as history
            models.UniqueConstraint(
                fields=["practitioner", "client"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_open_link_per_practitioner_client",
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
    program = models.ForeignKey(
        "ProgramRecord", on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    slot_kind = models.CharField(max_length=8, blank=True)  # "routine" or "extra" in a program
    seconds_pressed = models.PositiveIntegerField(default=0)  # press steps played to the end

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (
            models.Index(fields=["owner", "created_at"], name="session_owner_created"),
            # the diary's pain readings, read from the index alone: a row holds its plan
            # (kilobytes of JSON) before the pain columns, which SQLite would walk through
            models.Index(
                fields=[
                    *("owner", "started_at", "created_at", "finished_at"),
                    *("pain_before", "pain_after"),
                ],
                name="session_readings",
            ),
        )

    def __str__(self) -> str:
        return f"session {self.pk} of {self.owner} at {self.created_at:%Y-%m-%d %H:%M}"


class CheckIn(models.Model):
    owner = models.ForeignKey(  # found through the two indexes below, both led by it
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="check_ins",
        db_index=False,
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
        # the creation limit counts a person's check-ins made or changed in its window
        # (records/creation.py): without it, every row of theirs was read (or every row)
        indexes = (models.Index(fields=["owner", "updated_at"], name="checkin_owner_updated"),)

    def __str__(self) -> str:
        return f"{self.owner} {self.day} {self.area}: {self.pain}"


class SignInToken(models.Model):
    nonce = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"sign-in token for {self.user} ({'used' if self.used_at else 'unused'})"


class Action(models.TextChoices):
    """What a practitioner did with a client's account, as the client reads it on /privacy/."""

    LIST = "list", gettext_lazy("saw you in their client list")
    PAGE = "page", gettext_lazy("opened your page")
    DIARY = "diary", gettext_lazy("viewed the diary")
    DIARY_CSV = "diary-csv", gettext_lazy("downloaded the CSV")
    PROGRESS_PDF = "progress-pdf", gettext_lazy("downloaded your progress report")
    OUTCOMES_CSV = "outcomes-csv", gettext_lazy("downloaded the outcomes CSV")
    FHIR = "fhir", gettext_lazy("downloaded your FHIR bundle")
    SCREENING = "screening", gettext_lazy("opened your safety answers")
    SCREENING_SAVED = "screening-saved", gettext_lazy("recorded your safety answers")
    SCREENING_ASKED = "screening-asked", gettext_lazy("asked you to answer the safety questions")
    PRESCRIBE = "prescribe", gettext_lazy("opened the prescribing page")
    PRESCRIBED = "prescribed", gettext_lazy("prescribed a program")
    HANDOUT = "handout", gettext_lazy("printed your routine handout")
    SIGNIN_LINK = "signin-link", gettext_lazy("made a one-time sign-in link for your account")


class DiaryAccess(models.Model):
    """A practitioner read or did something in a client's account: shown to the client."""

    owner = models.ForeignKey(  # found through access_owner_at below: a second index of
        # its own only made each of the list's 50 rows per view cost more to write
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="diary_accesses",
        db_index=False,
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_reads"
    )
    at = models.DateTimeField()
    what = models.CharField(max_length=64)  # the path opened, e.g. /diary/ or /diary/export.csv
    action = models.CharField(max_length=16, choices=Action.choices, blank=True)  # "": older

    class Meta:
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=["owner", "at"], name="access_owner_at"),)

    def __str__(self) -> str:
        return f"{self.viewer} opened {self.what} of {self.owner} at {self.at:%Y-%m-%d %H:%M}"


class ProgramRecord(models.Model):
    """A program (acupressure.program): screened intake, routine and schedule, per owner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programs"
    )
    created_at = models.DateTimeField()
    intake = models.JSONField(default=dict)
    points = models.JSONField(default=list)
    extra_points = models.JSONField(default=list)
    routine_press_seconds = models.PositiveIntegerField(default=0)
    extra_press_seconds = models.PositiveIntegerField(default=0)
    schedule = models.JSONField(default=dict)
    stopped_at = models.DateTimeField(null=True, blank=True)
    stop_reason = models.CharField(max_length=200, blank=True)
    advice = models.JSONField(default=list)
    screened_week = models.PositiveSmallIntegerField(default=1)
    rescreen_requested = models.BooleanField(default=False)
    calendar_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    prescription = models.JSONField(null=True, blank=True)  # the newest version's items
    prescriber = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prescribed_programs",
    )

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"program {self.pk} of {self.owner}"


class QuestionnaireAnswer(models.Model):
    """One filled-in questionnaire (acupressure.outcomes), e.g. in a program's weekly check."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_answers"
    )
    program = models.ForeignKey(
        ProgramRecord, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    week = models.PositiveSmallIntegerField(default=0)  # 0 = baseline, at the program's start
    questionnaire = models.CharField(max_length=64)
    answers = models.JSONField(default=dict)
    at = models.DateTimeField()

    class Meta:
        ordering = ("week", "questionnaire", "-at")

    def __str__(self) -> str:
        return f"{self.questionnaire} week {self.week} of {self.owner}"


class PractitionerProfile(models.Model):
    """The account is a practitioner's (``acupressure practitioner add`` or the admin)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner"
    )
    name = models.CharField(max_length=120)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name


class Prescription(models.Model):
    """One version of a prescription; the program holds the newest, every version stays."""

    program = models.ForeignKey(
        ProgramRecord, on_delete=models.CASCADE, related_name="prescriptions"
    )
    version = models.PositiveSmallIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    intake = models.JSONField(default=dict)
    items = models.JSONField(default=list)  # acupressure.plan.prescribe.PrescribedPoint
    schedule = models.JSONField(default=dict)
    changes = models.JSONField(default=list)  # plain sentences: what changed from the last

    class Meta:
        ordering = ("-version",)
        constraints = (
            models.UniqueConstraint(fields=["program", "version"], name="one_version_number"),
        )

    def __str__(self) -> str:
        return f"prescription v{self.version} of program {self.program_id}"


class Installation(models.Model):
    """This installation: one row, made once by its migration and never changed."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"installation {self.uid}"


class RecordsVersion(models.Model):
    """A person's records version (records/records_version.py): a page of theirs cached under one
    number is never served under the next."""

    # No foreign key in the database: deleting an account bumps the versions of those its
    # rows touched (links, language) while Django deletes them, after it has collected what
    # to cascade, so a row may outlive its account. It holds a random number and nothing
    # else; account ids are never reused.
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        db_constraint=False,
    )
    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"records version {self.number} of {self.owner_id}"


class ClientSummary(models.Model):
    """One link's row of the practitioner's list, worked out by acupressure.records.follow_up and
    kept: ``stale`` once the client's records change (:meth:`changed`, each write bumping
    ``generation``, so a row worked out from older data is never kept), and due again at
    ``fresh_until``, when the clock alone changes it (the next slot or midnight)."""

    link = models.OneToOneField(
        PractitionerLink, on_delete=models.CASCADE, primary_key=True, related_name="summary"
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    generation = models.PositiveIntegerField(default=0)
    stale = models.BooleanField(default=True)
    fresh_until = models.DateTimeField(null=True, blank=True)  # None: only a write changes it
    attention = models.BooleanField(default=False)
    name_key = models.CharField(max_length=80, blank=True)  # the label, lower case
    last_session = models.DateTimeField(null=True, blank=True)
    adherence = models.SmallIntegerField(null=True, blank=True)  # percent since the start
    pain_change = models.FloatField(null=True, blank=True)
    row = models.TextField(blank=True)  # the whole follow_up.ClientRow, as JSON

    class Meta:
        indexes = (
            models.Index(fields=["practitioner", "-attention", "name_key"], name="summary_by_name"),
            models.Index(fields=["client"], name="summary_client"),
        )

    def __str__(self) -> str:
        return f"list row of link {self.link_id}"

    @staticmethod
    def changed(client_id: int) -> None:
        """The client's records changed: every practitioner's row of them is worked out again
        on its next read."""
        ClientSummary.mark_clients([client_id])

    @staticmethod
    def mark(rows: models.QuerySet[ClientSummary]) -> None:
        """These rows are worked out again on their next read (their generation counts up,
        so a row worked out from older data is not kept), and their practitioners' lists
        draw a new :class:`ListVersion` (one statement, and one more when a row was
        marked)."""
        if rows.update(stale=True, generation=models.F("generation") + 1):
            sql, params = rows.values("practitioner_id").query.sql_with_params()
            ListVersion.renew_selected(sql, params)

    @staticmethod
    def mark_clients(client_ids: list[int]) -> None:
        """:meth:`mark` for every row of these clients, the statement written out: it runs
        on every write (records_version.bump), and the ORM built the update anew each time,
        which cost more than running it."""
        table = connection.ops.quote_name(ClientSummary._meta.db_table)
        marks = ", ".join(["%s"] * len(client_ids))
        with connection.cursor() as cursor:
            cursor.execute(ClientSummary.mark_sql(f"client_id IN ({marks})"), [True, *client_ids])
            marked = cursor.rowcount
        if marked:
            chosen = f"SELECT practitioner_id FROM {table} WHERE client_id IN ({marks})"  # noqa: S608
            ListVersion.renew_selected(chosen, client_ids)

    @staticmethod
    def mark_sql(where: str) -> str:
        """The statement of :meth:`mark` for the rows ``where`` selects (its first parameter:
        True)."""
        table = connection.ops.quote_name(ClientSummary._meta.db_table)
        return f"UPDATE {table} SET stale = %s, generation = generation + 1 WHERE {where}"  # noqa: S608


class ListVersion(models.Model):
    """The state of a practitioner's list (/clients/) as a whole, read in one statement
    (records/client_summary.py ``list_state``): ``number`` is drawn anew (at random, in the
    writer's transaction) whenever any of their rows is marked stale or one of their links
    changes, which also clears ``fresh``; the view that has brought every row up to date
    sets ``fresh`` and ``due_at`` (the earliest time the clock alone changes a row), only
    while the number is still the one it read before (a write meanwhile leaves it clear)."""

    # No foreign key in the database, as for RecordsVersion: a deleted account's links may
    # renew it while Django deletes them.
    practitioner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        db_constraint=False,
    )
    number = models.BigIntegerField(default=0)
    fresh = models.BooleanField(default=False)
    due_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"list version of {self.practitioner_id}"

    @staticmethod
    def renew(practitioner_ids: Iterable[int]) -> None:
        """A new number for these practitioners' lists, not fresh (one statement)."""
        ids = sorted(set(practitioner_ids))
        if ids:
            values = ", ".join(["(%s)"] * len(ids))
            ListVersion.renew_selected(f"VALUES {values}", ids)

    @staticmethod
    def renew_selected(sql: str, params: Iterable[Any]) -> None:
        """A new number, not fresh, for the list of every practitioner id the first column
        of ``sql`` selects (one statement)."""
        with connection.cursor() as cursor:
            cursor.execute(ListVersion.renew_sql(sql), [secrets.randbits(62), *params])

    @staticmethod
    def renew_sql(sql: str) -> str:
        """The statement of :meth:`renew_selected` (its first parameter: the new number, then
        those of ``sql``)."""
        q = connection.ops.quote_name
        table = q(ListVersion._meta.db_table)
        # "WHERE true": SQLite would read ON CONFLICT after a bare FROM as a join's clause
        return (
            f"INSERT INTO {table} ({q('practitioner_id')}, {q('number')}, {q('fresh')}) "  # noqa: S608
            f"SELECT DISTINCT chosen.*, %s, FALSE FROM ({sql}) chosen WHERE true "
            f"ON CONFLICT ({q('practitioner_id')}) DO UPDATE SET "
            f"{q('number')} = excluded.{q('number')}, {q('fresh')} = FALSE"
        )
