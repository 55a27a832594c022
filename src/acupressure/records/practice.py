"""Practitioners and their clients: accounts, invitations, consent, access, prescriptions.

A link (:class:`PractitionerLink`) is the practitioner's client record. It is made inactive;
only the client's consent turns it on, and the client's withdrawal (or refusal) turns it off
for good: from then on every page of that client is a 404 for the practitioner.
"""

from __future__ import annotations

import json
import secrets

from django.contrib.auth.models import AbstractBaseUser, User
from django.db import IntegrityError, transaction

from acupressure.i18n import gettext as _
from acupressure.plan.prescribe import PrescribedPoint
from acupressure.program import Design
from acupressure.records import changes as said_changes
from acupressure.records import clock
from acupressure.records.models import (
    Action,
    DiaryAccess,
    PractitionerLink,
    PractitionerProfile,
    Prescription,
    ProgramRecord,
)
from acupressure.records.program_store import ProgramStore
from acupressure.records.records_version import bump
from acupressure.safety import Intake

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def add_practitioner(email: str, name: str) -> User:
    """Make (or rename) a practitioner account; it has no password until they set one."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 150:
        raise ValueError(_("not an email address: {email!r}").format(email=email))
    if not name.strip():
        raise ValueError(_("a name is needed"))
    user, created = User.objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_unusable_password()
        user.save()
    PractitionerProfile.objects.update_or_create(
        user=user, defaults={"name": name.strip()[:120], "created_at": clock.now()}
    )
    return user


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def add_client(
    practitioner: User, label: str, named: bool, year_of_birth: int | None
) -> PractitionerLink:
    """A new client: an account of their own (signed in by link) and a link awaiting consent."""
    with transaction.atomic():
        user = User.objects.create(username=f"client-{secrets.token_hex(6)}")
        user.set_unusable_password()
        user.save()
        return PractitionerLink.objects.create(
            practitioner=practitioner,
            client=user,
            active=False,
            created_at=clock.now(),
            label=label.strip()[:80],
            named=named,
            year_of_birth=year_of_birth,
            invite_code=new_code(),
            made_account=user,
        )


def pending(user_id: int) -> list[PractitionerLink]:
    """Links waiting for this person's answer."""
    rows = PractitionerLink.objects.filter(
        client_id=user_id, active=False, consented_at__isnull=True, withdrawn_at__isnull=True
    )
    return list(rows.select_related("practitioner__practitioner"))


def linked(user_id: int) -> list[PractitionerLink]:
    """Practitioners who can see this person's diary now."""
    rows = PractitionerLink.objects.filter(client_id=user_id, active=True)
    return list(rows.select_related("practitioner__practitioner"))


def screening_asked(user_id: int) -> int | None:
    """A consented link whose practitioner waits for this person's safety answers."""
    link = PractitionerLink.objects.filter(
        client_id=user_id, active=True, screening_by_client=True, intake__isnull=True
    ).first()
    return int(link.pk) if link else None


def redeem_code(user: User, code: str) -> PractitionerLink | None:
    """An existing person takes up an invitation code: the link moves to their account,
    still waiting for their answer (the account made with it waits too, see :func:`answer`).
    None when the code is unknown or the practitioner already has an open link to them."""
    code = code.strip().upper().replace(" ", "")
    if len(code) == 8:
        code = f"{code[:4]}-{code[4:]}"
    link = PractitionerLink.objects.filter(
        invite_code=code, withdrawn_at__isnull=True, consented_at__isnull=True
    ).first()
    if link is None:
        return None
    if link.client_id == user.pk:
        return link
    try:
        with transaction.atomic():
            link.client = user
            link.invite_code = None
            link.save(update_fields=["client", "invite_code"])
    except IntegrityError:
        return None  # already this practitioner's client
    return link


def _settle_made_account(link: PractitionerLink, yes: bool) -> None:
    """After the person's answer: on yes, what the practitioner prepared in the account made
    for this client moves to the person; the made account goes unless it is the person's."""
    made = link.made_account
    if made is None or made.pk == link.client_id:
        return
    from acupressure.records.access import unused_account

    if yes:
        ProgramRecord.objects.filter(owner=made).update(owner_id=link.client_id)
        # what was done with the prepared program follows it (links were for the made one)
        prepared = DiaryAccess.objects.filter(owner=made).exclude(action=Action.SIGNIN_LINK)
        prepared.update(owner_id=link.client_id)
        bump([made.pk, link.client_id])
    link.made_account = None
    link.save(update_fields=["made_account"])
    if unused_account(made):
        made.delete()


def answer(link: PractitionerLink, yes: bool, share_notes: bool) -> None:
    now = clock.now()
    if yes:
        link.active, link.consented_at, link.share_notes = True, now, share_notes
        link.invite_code = None
    else:
        link.active, link.withdrawn_at = False, now
    with transaction.atomic():
        link.save()
        _settle_made_account(link, yes)


def withdraw(user_id: int, pk: int) -> bool:
    """The person ends a practitioner's access (or declines before answering)."""
    with transaction.atomic():
        updated = PractitionerLink.objects.filter(
            pk=pk, client_id=user_id, withdrawn_at__isnull=True
        ).update(active=False, withdrawn_at=clock.now(), invite_code=None)
        if updated == 1:
            link = PractitionerLink.objects.get(pk=pk)
            bump([link.practitioner_id, link.client_id])
            _settle_made_account(link, yes=False)
    return updated == 1


def display_name(link: PractitionerLink) -> str:
    return name_of(link.label, link.pk)


def name_of(label: str, link_id: int) -> str:
    """A client as their practitioner's pages name them: the label, else a numbered one."""
    return label or _("Client {number}").format(number=link_id)


def practitioner_name(user: AbstractBaseUser) -> str:
    profile = PractitionerProfile.objects.filter(user_id=user.pk).first()
    return profile.name if profile else user.get_username()


def prescribe(
    link: PractitionerLink, author: User, made: Design, items: list[PrescribedPoint]
) -> int:
    """Store a prescription: the client's program (new on the first version, else changed in
    place so its sessions carry on) and the version with what changed. The program's id."""
    now = clock.now()
    fields = {
        "intake": made.intake.model_dump(mode="json"),
        "points": made.points,
        "extra_points": made.extra_points,
        "schedule": made.schedule.model_dump(mode="json"),
        "prescription": [i.model_dump(mode="json") for i in items],
    }
    with transaction.atomic():
        # two prescriptions at once (a double click, two tabs, the API) take turns from here:
        # the second reads the program the first made and becomes its next version (SQLite:
        # the write transaction's turn; PostgreSQL: the link's row locked until the commit)
        PractitionerLink.objects.select_for_update().get(pk=link.pk)
        current = (
            ProgramRecord.objects.filter(
                owner_id=link.client_id, prescriber=author, stopped_at__isnull=True
            )
            .order_by("-created_at")
            .first()
        )
        old: list[PrescribedPoint] = []
        said = [said_changes.FIRST]
        version = 1
        if current is None:
            row = ProgramRecord.objects.get(pk=ProgramStore(link.client_id).create(made, now).id)
        else:
            row = current
            last = row.prescriptions.first()
            if last is not None:
                old = [PrescribedPoint.model_validate(i) for i in last.items]
                version = last.version + 1
                said = said_changes.changes(old, items)
                if last.schedule != fields["schedule"]:
                    said.append(said_changes.SCHEDULE)
                said = said or [said_changes.NONE]
        for key, value in fields.items():
            setattr(row, key, value)
        row.prescriber = author
        row.save()
        Prescription.objects.create(
            program=row,
            version=version,
            author=author,
            created_at=now,
            intake=fields["intake"],
            items=fields["prescription"],
            schedule=fields["schedule"],
            changes=said,
        )
    return int(row.pk)


def stored_intake(link: PractitionerLink) -> Intake | None:
    """The screening answers recorded for this client, if any."""
    try:
        return Intake.model_validate_json(json.dumps(link.intake)) if link.intake else None
    except ValueError:
        return None
