"""The server's VAPID key pair (RFC 8292): made once, kept 0600 in the data folder.

A clinic with several servers gives every server the same key through the environment
(ACUPRESSURE_VAPID_PRIVATE_KEY: the PEM text, or a path to the PEM file), since a browser's
subscription is bound to the public key it was made with. The key never goes into the database,
so a database dump does not carry it, and it is never logged.
"""

from __future__ import annotations

import base64
import os
import secrets
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from py_vapid import Vapid02

from acupressure.records.env import env_optional

PRIVATE = 0o600


def _key_file(folder: Path) -> Path:
    """The PEM file, created once (two servers starting at once agree on one key)."""
    path = folder / "vapid_private.pem"
    if not path.exists():
        key = Vapid02()
        key.generate_keys()
        temporary = folder / f".vapid.{secrets.token_hex(8)}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key.private_pem())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path


@cache
def server_key() -> Vapid02:
    given = env_optional("ACUPRESSURE_VAPID_PRIVATE_KEY")
    if given is None:
        return Vapid02.from_file(str(_key_file(Path(settings.DATA_DIR))))
    if given.lstrip().startswith("-----BEGIN"):
        return Vapid02.from_pem(given.encode())
    return Vapid02.from_file(given)


def public_key() -> str:
    """The applicationServerKey a browser subscribes with: the raw P-256 point, base64url."""
    raw = server_key().public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def contact() -> str:
    """The VAPID 'sub' claim: how a push service can reach the sender."""
    sender = env_optional("ACUPRESSURE_EMAIL_FROM") or "reminders@acupressure.invalid"
    return sender if sender.startswith(("mailto:", "https:")) else f"mailto:{sender}"
