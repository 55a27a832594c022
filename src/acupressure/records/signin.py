"""Single-use signed sign-in links, as printed by `acupressure serve`."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction

from acupressure.records import clock
from acupressure.records.models import SignInToken

SALT = "acupressure.signin"
MAX_AGE_SECONDS = 12 * 3600


def local_user(username: str) -> User:
    """The user for the person running the server, created (without a password) on first run."""
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    return user


def issue_token(user: User) -> str:
    """A new link for the user; every older unused link of theirs stops working."""
    nonce = secrets.token_urlsafe(24)
    now = clock.now()
    with transaction.atomic():
        SignInToken.objects.filter(user=user, used_at__isnull=True).update(used_at=now)
        SignInToken.objects.create(nonce=nonce, user=user, created_at=now)
    return signing.dumps({"n": nonce}, salt=SALT)


def _nonce(token: str) -> str | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    nonce = data.get("n") if isinstance(data, dict) else None
    return nonce if isinstance(nonce, str) else None


def holder(token: str) -> User | None:
    """The user a genuine token was made for, used or expired (to say whom to ask for a new
    one); None when it is forged."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    nonce = data.get("n") if isinstance(data, dict) else None
    found = SignInToken.objects.select_related("user").filter(nonce=nonce).first()
    return found.user if found is not None and isinstance(nonce, str) else None


def peek(token: str) -> User | None:
    """The user an unused, valid token would sign in, without using it up."""
    nonce = _nonce(token)
    if nonce is None:
        return None
    record = SignInToken.objects.select_related("user").filter(nonce=nonce, used_at__isnull=True)
    found = record.first()
    return found.user if found is not None else None


def redeem(token: str) -> User | None:
    """The user the token signs in, once; None when it is forged, expired or already used."""
    nonce = _nonce(token)
    if nonce is None:
        return None
    with transaction.atomic():
        used = SignInToken.objects.filter(nonce=nonce, used_at__isnull=True).update(
            used_at=clock.now()
        )
        if used != 1:
            return None
        record = SignInToken.objects.select_related("user").get(nonce=nonce)
    return record.user
