"""Who may see and do what with a person's account: the one place that decides.

Every view, export, API endpoint and command asks :func:`decide` (directly, or through the
web's request helpers in ``acupressure.records.access``, which answer 404 to anyone who may not:
never data, exactly as a stranger would).

A practitioner reaches a client only through their own open link (:class:`PractitionerLink`)
and only while their practitioner profile exists:

- ``LABEL``: the label they entered and the invitation's state, whether or not the person
  has answered;
- ``READ``: what the client shares, once the client has consented;
- ``WRITE``: screening, prescribing, the routine handout: once the client has consented, or
  earlier in the account the practitioner made for this client while nobody has signed into
  it yet (nothing of the person is in it: the practitioner prepares it);
- ``MINT``: a one-time sign-in link (invite, the handout's QR code): only for that account
  the practitioner made, never signed into, without a password, not staff. Once the person
  has used their account, only they (or an administrator in /admin/) can sign it in.
"""

from __future__ import annotations

from enum import Enum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import connection
from django.db.models import QuerySet

from acupressure.program import Program
from acupressure.records import clock
from acupressure.records.models import (
    Action,
    DiaryAccess,
    PractitionerLink,
    PractitionerProfile,
)
from acupressure.records.program_store import ProgramStore

AnyUser = AbstractBaseUser | AnonymousUser


class Need(Enum):
    LABEL = "label"
    READ = "read"
    WRITE = "write"
    MINT = "mint"


def is_practitioner(user: AnyUser) -> bool:
    """The account has a practitioner profile (read once per user object: Django keeps the
    related profile, or its absence, on the instance)."""
    # a missing profile raises RelatedObjectDoesNotExist, an AttributeError: None here
    profile = getattr(user, "practitioner", None) if user.is_authenticated else None
    return isinstance(profile, PractitionerProfile)


def unused_account(user: AbstractBaseUser) -> bool:
    """Nobody has ever signed into this account (Django sets ``last_login`` at every sign-in,
    by password, link or the admin), and nothing but a link could sign it in."""
    if user.has_usable_password() or user.last_login is not None:
        return False
    return not (getattr(user, "is_staff", False) or getattr(user, "is_superuser", False))


def decide(viewer: AnyUser, link: PractitionerLink | None, need: Need) -> bool:
    """The access decision: may ``viewer`` do ``need`` with the client of ``link``?"""
    if link is None or not viewer.is_authenticated or link.practitioner_id != viewer.pk:
        return False
    if link.withdrawn_at is not None or not is_practitioner(viewer):
        return False
    if need is Need.LABEL:
        return True
    made = link.made_account_id is not None and link.made_account_id == link.client_id
    if need is Need.MINT:
        return made and unused_account(link.client)
    if link.active:
        return True
    return need is Need.WRITE and made and unused_account(link.client)


def can_view(viewer: AnyUser, owner_id: int) -> bool:
    """The owner, or a practitioner who may read the owner's shared data."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == owner_id:
        return True
    link = PractitionerLink.objects.filter(
        practitioner_id=viewer.pk, client_id=owner_id, active=True, withdrawn_at__isnull=True
    ).first()
    return decide(viewer, link, Need.READ)


def programs_seen(viewer_id: int, owner_id: int, limit: int | None = None) -> list[Program]:
    """The owner's programs as the viewer sees them, newest first: all of them for the owner,
    only the ones they prescribed for a practitioner (call after a ``READ`` decision); the
    newest ``limit`` of them with a limit."""
    store = ProgramStore(owner_id)
    prescriber = None if viewer_id == owner_id else viewer_id
    return store.all(prescribed_by=prescriber, limit=limit)


def notes_shown(viewer: AnyUser, owner_id: int) -> bool:
    """One's own notes, or a client's when the client chose to share them with this viewer."""
    if viewer.pk == owner_id:
        return True
    link = PractitionerLink.objects.filter(
        practitioner_id=viewer.pk, client_id=owner_id, active=True, withdrawn_at__isnull=True
    ).first()
    return decide(viewer, link, Need.READ) and link is not None and link.share_notes


def readable_links(viewer: AnyUser) -> QuerySet[PractitionerLink]:
    """Every link whose client's shared data the viewer may read now, as one query: the
    ``READ`` rule of :func:`decide` for a list (tests/web/test_client_list.py checks that the
    two agree)."""
    rows = PractitionerLink.objects.filter(
        practitioner_id=viewer.pk, active=True, withdrawn_at__isnull=True
    )
    return rows if is_practitioner(viewer) else rows.none()


def readable_clients(viewer: AnyUser) -> list[PractitionerLink]:
    """The links whose client's shared data the viewer may read now, with the clients."""
    return list(readable_links(viewer).select_related("client"))


def operator_may_link(username: str) -> bool:
    """``acupressure practitioner add`` (the server's operator) prints a sign-in link for a
    new account or an existing practitioner's; never for staff, nor for a person's account
    already in use (that would hand someone else's account to whoever reads the link)."""
    user = User.objects.filter(username=username.strip().lower()).first()
    if user is None:
        return True
    if user.is_staff or user.is_superuser:
        return False
    return is_practitioner(user) or unused_account(user)


def log_links(viewer_id: int, what: str, links: QuerySet[PractitionerLink], action: Action) -> None:
    """One access-log row for the client of each of these links, written in one statement
    (INSERT ... SELECT) whatever their number."""
    clients, params = links.values("client_id").query.sql_with_params()
    now = connection.ops.adapt_datetimefield_value(clock.now())
    table, quote = DiaryAccess._meta.db_table, connection.ops.quote_name
    columns = ", ".join(quote(c) for c in ("owner_id", "viewer_id", "at", "what", "action"))
    sql = (
        f"INSERT INTO {quote(table)} ({columns}) "  # noqa: S608 - names from the model
        f"SELECT chosen.client_id, %s, %s, %s, %s FROM ({clients}) chosen"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [viewer_id, now, what[:64], action.value, *params])
