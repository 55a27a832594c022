"""Who may see what. Anyone but the owner (or the owner's practitioner) gets a 404, never data."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404, HttpRequest

from acupressure.web.models import PracticeSession, PractitionerLink
from acupressure.web.privacy import record_access

AnyUser = AbstractBaseUser | AnonymousUser


def user_id(request: HttpRequest) -> int:
    """The signed-in person's id (views that call this require sign-in)."""
    pk = request.user.pk
    if pk is None:
        raise Http404("Sign in first.")
    return int(pk)


def can_view(viewer: AnyUser, owner_id: int) -> bool:
    """The owner, or a practitioner with an active link to the owner."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == owner_id:
        return True
    return PractitionerLink.objects.filter(
        practitioner_id=viewer.pk, client_id=owner_id, active=True
    ).exists()


def own_session(request: HttpRequest, pk: int) -> PracticeSession:
    """A session the signed-in person owns (to change it); 404 for everyone else."""
    session = PracticeSession.objects.filter(pk=pk, owner_id=request.user.pk).first()
    if session is None or not request.user.is_authenticated:
        raise Http404("No such session.")
    return session


def diary_owner_id(request: HttpRequest, client: int | None) -> int:
    """Whose diary to show: one's own, or a client's for their practitioner (logged in the
    client's access log); else 404, and nothing is logged."""
    if client is None or client == request.user.pk:
        return user_id(request)
    if not can_view(request.user, client):
        raise Http404("No such diary.")
    record_access(user_id(request), client, request.path)
    return client
