"""The access decision (:mod:`acupressure.records.access`) for a request: the signed-in
person, their own session, a practitioner's own client; anyone else gets a 404, never data,
exactly as a stranger would."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from acupressure.records.access import Need, can_view, decide, is_practitioner, log_links
from acupressure.records.models import Action, PracticeSession, PractitionerLink
from acupressure.records.privacy import record_access


def user_id(request: HttpRequest) -> int:
    """The signed-in person's id (views that call this require sign-in)."""
    pk = request.user.pk
    if pk is None:
        raise Http404("Sign in first.")
    return int(pk)


def practitioner_only(request: HttpRequest) -> User:
    """The signed-in practitioner; 404 for anyone else (the pages do not exist for them)."""
    user = request.user
    if not isinstance(user, User) or not is_practitioner(user):
        raise Http404("No such page.")
    return user


def client_link(request: HttpRequest, pk: int, need: Need = Need.READ) -> PractitionerLink:
    """The practitioner's own client, when :func:`decide` allows ``need``; else 404."""
    link = (
        PractitionerLink.objects.filter(pk=pk, practitioner_id=request.user.pk)
        .select_related("client")
        .first()
    )
    if not decide(request.user, link, need):
        raise Http404("No such client.")
    assert link is not None
    return link


def log(request: HttpRequest, owner_id: int, action: Action) -> None:
    """Write what the signed-in practitioner read or did to the owner's access log."""
    record_access(user_id(request), owner_id, request.path, action)


def own_session(request: HttpRequest, pk: int, for_update: bool = False) -> PracticeSession:
    """A session the signed-in person owns (to change it); 404 for everyone else.
    ``for_update`` (inside a transaction): the row stays locked until it ends, so a report
    read-then-written cannot overwrite one that was saved meanwhile."""
    sessions = PracticeSession.objects.filter(pk=pk, owner_id=request.user.pk)
    if for_update:
        sessions = sessions.select_for_update()
    session = sessions.first()
    if session is None or not request.user.is_authenticated:
        raise Http404("No such session.")
    return session


def diary_owner_id(request: HttpRequest, client: int | None, action: Action) -> int:
    """Whose diary to show: one's own, or a client's for their practitioner (logged in the
    client's access log); else 404, and nothing is logged."""
    if client is None or client == request.user.pk:
        return user_id(request)
    if not can_view(request.user, client):
        raise Http404("No such diary.")
    log(request, client, action)
    return client


def log_each(request: HttpRequest, links: QuerySet[PractitionerLink], action: Action) -> None:
    """One access-log row for the client of each of these links, written in one statement
    (INSERT ... SELECT) whatever their number."""
    log_links(user_id(request), request.path, links, action)
