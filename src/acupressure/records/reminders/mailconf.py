"""Email settings from the environment: ACUPRESSURE_SMTP_URL and ACUPRESSURE_EMAIL_FROM.

    smtp://user:password@host:587?starttls=1   STARTTLS after connecting
    smtps://user:password@host:465             implicit TLS
    smtp://host:25                             plain (a local relay)

Without ACUPRESSURE_SMTP_URL nothing is sent and the pages say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from acupressure.records.env import env_optional

_YES = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    user: str
    password: str
    use_tls: bool  # STARTTLS
    use_ssl: bool  # implicit TLS
    sender: str

    def django_settings(self) -> dict[str, object]:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": self.user,
            "EMAIL_HOST_PASSWORD": self.password,
            "EMAIL_USE_TLS": self.use_tls,
            "EMAIL_USE_SSL": self.use_ssl,
            "EMAIL_TIMEOUT": 20,
            "DEFAULT_FROM_EMAIL": self.sender,
        }


def parse_smtp_url(url: str, sender: str | None) -> MailSettings:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ImproperlyConfigured(
            "ACUPRESSURE_SMTP_URL must look like smtp://user:password@host:port "
            "(smtps:// for implicit TLS, ?starttls=1 for STARTTLS)"
        )
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ImproperlyConfigured("ACUPRESSURE_SMTP_URL has a port that is not a number") from None
    query = parse_qs(parts.query)
    starttls = query.get("starttls", ["0"])[-1].lower() in _YES
    if parts.scheme == "smtps" and starttls:
        raise ImproperlyConfigured("ACUPRESSURE_SMTP_URL: smtps:// is TLS already; drop starttls")
    if not sender:
        raise ImproperlyConfigured(
            "ACUPRESSURE_EMAIL_FROM is required with ACUPRESSURE_SMTP_URL "
            "(the address emails come from)"
        )
    return MailSettings(
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=starttls,
        use_ssl=parts.scheme == "smtps",
        sender=sender,
    )


def mail_settings() -> MailSettings | None:
    url = env_optional("ACUPRESSURE_SMTP_URL")
    if url is None:
        return None
    return parse_smtp_url(url, env_optional("ACUPRESSURE_EMAIL_FROM"))
